"""An editor writes a news item, a translator translates it, a moderator publishes both."""

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "a-long-journey-password"
ROLES = [
    ("journey-editor", "Editors (English)"),
    ("journey-translator", "Translators (into Vietnamese)"),
    ("journey-mod", "Moderators"),
]
USERS = f"""
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page
for name, group in {ROLES!r}:
    user, _ = get_user_model().objects.get_or_create(username=name, defaults={{"email": name + "@example.org"}})
    user.set_password({PASSWORD!r})
    user.save()
    user.groups.add(Group.objects.get(name=group))
category = Page.objects.get(slug="project-news", locale__language_code="en")
print(json.dumps({{"category": category.pk}}))
"""


def log_in(page, site_url, username):
    """By the fields' ids: the login page speaks the browser's language, English or Vietnamese."""
    page.goto(f"{site_url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type='submit']").first.click()
    expect(page.locator("#wagtail")).to_be_visible()


def approve_in_dashboard(page, site_url, title):
    page.goto(f"{site_url}/admin/")
    page.locator("tr", has_text=title).first.get_by_role("button", name="Actions").click()
    page.get_by_role("button", name=re.compile("^Approve$")).or_(
        page.get_by_role("link", name=re.compile("^Approve$"))
    ).first.click()
    expect(page.locator("tr", has_text=title)).to_have_count(0)


def test_news_item_written_translated_and_published(browser, site_url, site_manage):
    ids = json.loads(site_manage("shell", "-c", USERS).strip().splitlines()[-1])
    title = "Hoa Khanh opens a waste exchange"
    vi_title = "Hòa Khánh mở sàn trao đổi chất thải"
    desktop = {"viewport": {"width": 1366, "height": 900}}

    # The editor writes the item and submits it for review; it is not live yet.
    editor = browser.new_context(**desktop).new_page()
    log_in(editor, site_url, "journey-editor")
    editor.goto(f"{site_url}/admin/pages/add/news/newspage/{ids['category']}/")
    editor.locator("#id_title").fill(title)
    editor.locator("#id_intro").fill("Companies in the park now swap by-products through one desk.")
    # Wagtail fills the slug from the title when the title field loses focus.
    expect(editor.locator("#id_slug")).to_have_value("hoa-khanh-opens-a-waste-exchange")
    editor.locator("footer [data-w-dropdown-target='toggle']").first.click()
    editor.locator("button[name='action-submit']").click()
    expect(editor.locator(".messages")).to_contain_text("submitted")
    english_url = f"{site_url}/en/news/project-news/hoa-khanh-opens-a-waste-exchange/"
    assert editor.goto(english_url).status == 404

    # A moderator approves it from the dashboard: it is live in English.
    moderator = browser.new_context(**desktop).new_page()
    log_in(moderator, site_url, "journey-mod")
    approve_in_dashboard(moderator, site_url, title)
    assert moderator.goto(english_url).status == 200

    # The translator finds it in the Translations report and translates the title.
    translator = browser.new_context(**desktop).new_page()
    log_in(translator, site_url, "journey-translator")
    translator.goto(f"{site_url}/admin/editorial/translations/?state=alias")
    translator.locator("tr", has_text=title).get_by_role("link", name=re.compile("^Translate")).click()
    translator.get_by_label("Tiếng Việt").check()
    translator.get_by_role("button", name="Submit").click()
    expect(translator.locator(".messages")).to_contain_text("is ready to translate. Nothing was published")
    translator.get_by_role("button", name="Translate", exact=True).first.click()
    translator.locator("textarea").first.fill(vi_title)
    translator.get_by_role("button", name="Save").first.click()
    expect(translator.get_by_text("Translated manually")).to_be_visible()

    # ...and submits the translation for review from the report.
    translator.goto(f"{site_url}/admin/editorial/translations/?state=partial")
    translator.locator("tr", has_text=title).get_by_role("link", name=re.compile("^Submit for review")).click()
    translator.get_by_role("button", name="Submit for review").click()
    expect(translator.locator(".messages")).to_contain_text("submitted for review")
    vietnamese_url = f"{site_url}/vi/tin-tuc/tin-du-an/hoa-khanh-opens-a-waste-exchange/"
    translator.goto(vietnamese_url)
    expect(translator.locator("h1")).not_to_have_text(vi_title)

    # The moderator approves the translation: Vietnamese readers see it.
    approve_in_dashboard(moderator, site_url, vi_title)
    assert moderator.goto(vietnamese_url).status == 200
    expect(moderator.locator("h1")).to_have_text(vi_title)
