"""Registering for a nearly full workshop in a real browser: a place in Vietnamese
on a phone, the waiting list in English on a desktop, each confirmed from the
e-mailed link; then the e-mailed cancel link gives the place up and the one
waiting gets it."""

import json
import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
URLS = """
import json
from wagtail.models import Locale
from events.models import EventPage
english = EventPage.objects.get(locale__language_code="en", slug="industrial-symbiosis-workshop-tra-noc-upcoming")
vietnamese = english.get_translation(Locale.objects.get(language_code="vi"))
print(json.dumps({"en": english.url, "vi": vietnamese.url}))
"""


def subject(message):
    return " ".join(str(message["Subject"]).split())


def link(message, route):
    body = message.get_body(preferencelist=("plain",)).get_content()
    return urlsplit(re.search(rf"https?://\S+/register/{route}/\S+/", body).group(0)).path


def assert_accessible(page):
    """axe-core finds no violation of any impact on the page as it is now."""
    found = [violation["id"] for violation in Axe().run(page).response["violations"]]
    assert not found, found


def register(browser, seeded_site, site_url, path, viewport, language, places, name, email, consent, button, heading):
    """A visitor opens the event, sees how many places are left, registers, is
    asked to check their e-mail, confirms from the e-mailed link and sees the
    answer's heading. Returns the visitor's tab."""
    page = browser.new_context(viewport=viewport, locale={"vi": "vi-VN", "en": "en-GB"}[language]).new_page()
    page.goto(site_url + path)
    expect(page.locator("#registration .places")).to_contain_text(places)
    page.locator("#id_name").fill(name)
    page.locator("#id_email").fill(email)
    page.locator("#id_organisation").fill("Ban quản lý các KCN")
    page.get_by_label(consent).check()
    page.get_by_role("button", name=button).click()
    check = {"vi": "Vui lòng kiểm tra hộp thư", "en": "Please check your e-mail"}[language]
    expect(page.get_by_role("heading", name=check)).to_be_visible()
    assert_accessible(page)
    (request,) = [m for m in seeded_site.mails() if m["To"] == email]
    page.goto(site_url + link(request, "confirm"))
    confirm = {"vi": "Xác nhận đăng ký của tôi", "en": "Confirm my registration"}[language]
    assert_accessible(page)
    page.get_by_role("button", name=confirm).click()
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    return page


def test_a_place_the_waiting_list_and_a_place_given_up(browser, site_url, site_manage, seeded_site):
    urls = json.loads(site_manage("shell", "-c", URLS).strip().splitlines()[-1])

    # The last place, in Vietnamese on a phone; then the waiting list, in English on a desktop.
    visitors = [
        (PHONE, "vi", "Còn 1 chỗ.", "Nguyễn Thị Lan", "lan.browser@example.org",
         "Tôi đồng ý để ban tổ chức lưu các thông tin này", "Đăng ký", "Chỗ của bạn đã được xác nhận"),
        (DESKTOP, "en", "Every place is taken.", "Minh Tran", "minh.browser@example.org",
         "I agree that the organisers keep these details", "Join the waiting list", "You are on the waiting list"),
    ]  # fmt: skip
    # The Vietnamese visitor's tab, then the English one's.
    page, english = (register(browser, seeded_site, site_url, urls[visitor[1]], *visitor) for visitor in visitors)

    # The confirmation e-mail, in Vietnamese, carries the link that gives the place up.
    (confirmation,) = [
        m for m in seeded_site.mails() if m["To"] == "lan.browser@example.org" and "Xác nhận" in subject(m)
    ]
    assert subject(confirmation).startswith("Xác nhận đăng ký: ")
    page.goto(site_url + link(confirmation, "cancel"))
    page.get_by_role("button", name="Huỷ đăng ký của tôi").click()
    expect(page.get_by_role("heading", name="Đăng ký của bạn đã được huỷ")).to_be_visible()

    # The one waiting is told, in English, that the place is theirs.
    (promotion,) = [m for m in seeded_site.mails() if m["To"] == "minh.browser@example.org" and "yours" in subject(m)]
    assert subject(promotion).startswith("A place is yours: ")
    english.goto(site_url + urls["en"])
    expect(english.locator("#registration .places")).to_contain_text("Every place is taken.")
    page.context.close()
    english.context.close()
