"""A Vietnamese-writing editor writes a news item on a phone, in a Vietnamese
admin; a moderator publishes it; an English translator translates it; the
moderator publishes the English version."""

import json
import re

import pytest
from playwright.sync_api import expect

from .test_editorial_journey import PASSWORD, approve_in_dashboard, log_in

pytestmark = pytest.mark.browser

ROLES = [
    ("vi-journey-editor", "Editors (Vietnamese)", "vi"),
    ("vi-journey-translator", "Translators (into English)", "en"),
    ("vi-journey-mod", "Moderators", "en"),
]
USERS = f"""
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.users.models import UserProfile
for name, group, language in {ROLES!r}:
    user, _ = get_user_model().objects.get_or_create(username=name, defaults={{"email": name + "@example.org"}})
    user.set_password({PASSWORD!r})
    user.save()
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
category = Page.objects.get(slug="tin-du-an", locale__language_code="vi")
print(json.dumps({{"category": category.pk}}))
"""
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1366, "height": 900}}


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_vietnamese_news_written_on_a_phone_then_translated_into_english(browser, site_url, site_manage):
    ids = json.loads(site_manage("shell", "-c", USERS).strip().splitlines()[-1])
    title = "Cần Thơ mở lớp tập huấn sản xuất sạch hơn"
    en_title = "Can Tho opens a cleaner production course"

    # On a phone, in the Vietnamese admin, the editor writes the article and submits it.
    editor = browser.new_context(**PHONE).new_page()
    log_in(editor, site_url, "vi-journey-editor")
    expect(editor.locator("html")).to_have_attribute("lang", "vi")
    editor.goto(f"{site_url}/admin/pages/add/news/newspage/{ids['category']}/")
    assert fits_the_screen(editor)
    editor.locator("#id_title").fill(title)
    editor.locator("#id_intro").fill("Các doanh nghiệp tại KCN Trà Nóc học cách tiết kiệm nước và năng lượng.")
    editor.locator("#id_intro").focus()  # the slug is filled when the title loses focus
    expect(editor.locator("#id_slug")).to_have_value("can-tho-mo-lop-tap-huan-san-xuat-sach-hon")
    editor.locator("footer [data-w-dropdown-target='toggle']").first.click()
    editor.locator("button[name='action-submit']").click()
    expect(editor.locator(".messages .success, .messages li").first).to_be_visible()
    vietnamese_url = f"{site_url}/vi/tin-tuc/tin-du-an/can-tho-mo-lop-tap-huan-san-xuat-sach-hon/"
    assert editor.goto(vietnamese_url).status == 404  # waiting for review

    # A moderator approves it: it is live in Vietnamese, and its English page says it is Vietnamese.
    moderator = browser.new_context(**DESKTOP).new_page()
    log_in(moderator, site_url, "vi-journey-mod")
    approve_in_dashboard(moderator, site_url, title)
    assert moderator.goto(vietnamese_url).status == 200
    english_url = f"{site_url}/en/news/project-news/can-tho-mo-lop-tap-huan-san-xuat-sach-hon/"
    assert moderator.goto(english_url).status == 200
    expect(moderator.locator("main")).to_have_attribute("lang", "vi")

    # The English translator finds it in the report (Vietnamese → English) and translates the title.
    translator = browser.new_context(**DESKTOP).new_page()
    log_in(translator, site_url, "vi-journey-translator")
    translator.goto(f"{site_url}/admin/editorial/translations/?direction=vi-en&state=alias")
    translator.locator("tr", has_text=title).get_by_role("link", name=re.compile("^Translate")).click()
    translator.get_by_label("English").check()
    translator.get_by_role("button", name="Submit").click()
    expect(translator.locator(".messages")).to_contain_text("is ready to translate. Nothing was published")
    translator.get_by_role("button", name="Translate", exact=True).first.click()
    translator.locator("textarea").first.fill(en_title)
    translator.get_by_role("button", name="Save").first.click()
    expect(translator.get_by_text("Translated manually")).to_be_visible()
    translator.goto(f"{site_url}/admin/editorial/translations/?direction=vi-en&state=partial")
    translator.locator("tr", has_text=title).get_by_role("link", name=re.compile("^Submit for review")).click()
    translator.get_by_role("button", name="Submit for review").click()
    expect(translator.locator(".messages")).to_contain_text("submitted for review")

    # The moderator approves the translation: English readers see English.
    approve_in_dashboard(moderator, site_url, en_title)
    assert moderator.goto(english_url).status == 200
    expect(moderator.locator("h1")).to_have_text(en_title)
    expect(moderator.locator("html")).to_have_attribute("lang", "en")
    expect(moderator.locator("main")).not_to_have_attribute("lang", "vi")
