"""E-mail updates in a real browser, with the mail the server sends captured:
a reader in Vietnamese on a phone and one in English on a desktop subscribe
from the footer and from the News page, confirm from the e-mailed link, get
exactly one message per publication in their language (the sender run as cron
would), then unsubscribe (the English reader on the page, the Vietnamese one
by the mail client's one-click POST) and get nothing more."""

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.servers import fetch

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
PUBLISH = """
import json
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page
from news.models import NewsCategoryPage, NewsPage
from pages.demo.translate import Glossary, translate
category = NewsCategoryPage.objects.get(locale=Locale.get_default(), slug="project-news")
article = NewsPage(title="{title}", intro="Steam and treated water are shared by three companies.")
category.add_child(instance=article)
article.save_revision().publish()
create_aliases_for_new_page(article)
glossary = Glossary()
glossary.t(article.title, "{title} (bản tiếng Việt)")
glossary.t(article.slug, article.slug + "-vi")
glossary.t(article.intro, "Ba doanh nghiệp dùng chung hơi nước và nước đã xử lý.")
vietnamese = translate(article, glossary)
print(json.dumps({{"en": article.full_url, "vi": vietnamese.full_url}}))
"""


def subject(message):
    return " ".join(str(message["Subject"]).split())


def text(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def mails_to(seeded_site, address):
    return [message for message in seeded_site.mails() if message["To"] == address]


def publish(site_manage, title):
    return json.loads(site_manage("shell", "-c", PUBLISH.format(title=title)).strip().splitlines()[-1])


def confirm(page, site_url, seeded_site, address, button, heading):
    (message,) = mails_to(seeded_site, address)
    link = re.search(r"https?://\S+", text(message)).group(0)
    page.goto(site_url + urlsplit(link).path)
    page.get_by_role("button", name=button).click()
    expect(page.get_by_role("heading", name=heading)).to_be_visible()


def test_subscribe_confirm_one_message_per_publication_and_unsubscribe(browser, site_url, site_manage, seeded_site):
    lan, minh = "lan.updates@example.org", "minh.updates@example.org"

    phone = browser.new_context(viewport=PHONE, locale="vi-VN")
    vi = phone.new_page()
    vi.goto(site_url + "/vi/")
    vi.locator(".site-footer .subscribe-short a.button").click()
    vi.locator("#id_email").fill(lan)
    vi.get_by_label("Sự kiện", exact=True).uncheck()
    vi.get_by_label("Ấn phẩm", exact=True).uncheck()
    vi.get_by_label("Tôi đồng ý để dự án lưu địa chỉ của tôi").check()
    vi.locator("form.subscribe-form button[type=submit]").click()
    expect(vi.get_by_role("heading", name="Vui lòng kiểm tra hộp thư")).to_be_visible()

    desktop = browser.new_context(viewport=DESKTOP, locale="en-GB")
    en = desktop.new_page()
    en.goto(site_url + "/en/news/")
    en.locator("main .subscribe-short a.button").click()
    en.locator("#id_email").fill(minh)
    expect(en.get_by_label("News", exact=True)).to_be_checked()
    expect(en.get_by_label("Events", exact=True)).not_to_be_checked()
    en.get_by_label("I agree that the project keeps my address").check()
    en.locator("form.subscribe-form button[type=submit]").click()
    expect(en.get_by_role("heading", name="Please check your inbox")).to_be_visible()

    # Only the confirmations, each in its language, until the links are used.
    assert [subject(m) for m in mails_to(seeded_site, lan)] == ["Vui lòng xác nhận đăng ký nhận tin của EIP Viet Nam"]
    english_confirmation = "Please confirm your subscription to EIP Viet Nam updates"
    assert [subject(m) for m in mails_to(seeded_site, minh)] == [english_confirmation]
    confirm(vi, site_url, seeded_site, lan, "Xác nhận đăng ký", "Đăng ký nhận tin của bạn đã được xác nhận")
    confirm(en, site_url, seeded_site, minh, "Confirm my subscription", "Your subscription is confirmed")

    first = publish(site_manage, "Hoa Khanh companies agree to share steam")
    assert "Sent 2 message(s)" in site_manage("send_updates")
    assert "Sent 0 message(s)" in site_manage("send_updates")  # run again: nothing twice
    (for_lan,) = mails_to(seeded_site, lan)[1:]
    (for_minh,) = mails_to(seeded_site, minh)[1:]
    assert subject(for_minh) == "New on EIP Viet Nam: Hoa Khanh companies agree to share steam"
    assert first["en"] in text(for_minh)
    assert subject(for_lan).startswith("Tin mới trên EIP Viet Nam: ") and first["vi"] in text(for_lan)
    assert for_lan["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The English reader unsubscribes on the page the link opens.
    link = re.search(r"<(https?://\S+)>", for_minh["List-Unsubscribe"]).group(1)
    en.goto(site_url + urlsplit(link).path)
    en.get_by_role("button", name="Unsubscribe").click()
    expect(en.get_by_role("heading", name="You are unsubscribed")).to_be_visible()
    # The Vietnamese reader's mail client sends RFC 8058's one-click POST, without a CSRF token.
    link = re.search(r"<(https?://\S+)>", for_lan["List-Unsubscribe"]).group(1)
    status, _headers, body = fetch(site_url + urlsplit(link).path, data=b"List-Unsubscribe=One-Click")
    assert status == 200 and "Bạn đã huỷ đăng ký" in body

    publish(site_manage, "Tra Noc park opens a shared treatment plant")
    assert "Sent 0 message(s)" in site_manage("send_updates")
    assert len(mails_to(seeded_site, lan)) == 2 and len(mails_to(seeded_site, minh)) == 2
    phone.close()
    desktop.close()
