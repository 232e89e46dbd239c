"""The Content-Security-Policy breaks nothing: pages of every kind in both
languages, and Wagtail's admin, load in Chromium without a policy violation."""

import re
import uuid

import pytest

from tests.servers import fetch

pytestmark = pytest.mark.browser


def violations_on(page, url, action=None):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if action:
        action(page)
    return [text for text in messages if "Content Security Policy" in text]


def test_site_pages_of_every_kind_load_without_violations(browser, site_url):
    locations = re.findall(r"<loc>([^<]+)</loc>", fetch(site_url + "/sitemap.xml")[2])
    paths = sorted({re.sub(r"^https?://[^/]+", "", location) for location in locations})
    sample = paths[:: max(1, len(paths) // 16)] + ["/en/search/?q=park", "/vi/search/?q=khu+cong+nghiep"]
    context = browser.new_context()
    page = context.new_page()
    try:
        for path in sample:
            assert violations_on(page, site_url + path) == [], path
    finally:
        context.close()


def test_wagtail_admin_works_under_its_policy(browser, site_url, seeded_site):
    password = uuid.uuid4().hex
    username = f"csp-{uuid.uuid4().hex[:6]}"
    seeded_site.manage(
        "createsuperuser", "--noinput", "--username", username, "--email", "csp@example.org",
        env={"DJANGO_SUPERUSER_PASSWORD": password},
    )  # fmt: skip
    context = browser.new_context()
    page = context.new_page()
    try:

        def sign_in(page):
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", password)
            page.click("button[type=submit]")
            page.wait_for_url(re.compile(r"/admin/$"))

        assert violations_on(page, site_url + "/admin/login/", sign_in) == []
        assert violations_on(page, site_url + "/admin/pages/") == []
        edit = page.locator("a[href*='/edit/']").first.get_attribute("href")
        assert violations_on(page, site_url + edit) == []
        # wagtail-localize's translation editor (a script-built interface) rendered.
        assert page.get_by_role("button", name=re.compile("Publish")).first.is_visible()
    finally:
        context.close()
