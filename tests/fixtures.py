"""Shared fixtures (a plugin of the root conftest.py, so that the apps' own tests
under pages/*/tests/ have them too): the demo content is seeded once per test session into the
test database; each test then runs in a transaction that is rolled back."""

import io
import re

import pytest
from django.core.cache import caches
from django.core.management import call_command
from wagtail.models import Locale, Page

from tests.servers import Site


def pytest_collection_modifyitems(config, items):
    # A fixture named like one of Playwright's (page, context, browser) still
    # pulls in Playwright's own dependencies: the test joins the browser session,
    # and every database test after it fails in Playwright's async context.
    strays = [
        item.nodeid
        for item in items
        if "browser_name" in getattr(getattr(item, "callspec", None), "params", {})
        and "tests/browser/" not in str(item.path)
    ]
    if strays:
        raise pytest.UsageError(f"rename the fixture these tests take from Playwright's names: {strays[:5]}")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture(scope="session")
def seeded_site():
    """A seeded database of its own for real servers (tests/servers.py), made once."""
    site = Site("site")
    try:
        site.seed()
        yield site
    finally:
        site.remove()


def clear_caches():
    for store in caches.all():
        store.clear()


@pytest.fixture(autouse=True)
def _fresh_cache():
    clear_caches()
    yield
    clear_caches()


@pytest.fixture
def editor(db):
    from .editorial import user_in

    return user_in("Editors (English)")


@pytest.fixture
def vi_editor(db):
    from .editorial import user_in

    return user_in("Editors (Vietnamese)")


@pytest.fixture
def moderator(db):
    from .editorial import user_in

    return user_in("Moderators")


@pytest.fixture
def translator(db):
    from .editorial import user_in

    return user_in("Translators (into Vietnamese)")


@pytest.fixture
def en_translator(db):
    from .editorial import user_in

    return user_in("Translators (into English)")


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def vietnamese():
    return Locale.objects.get(language_code="vi")


@pytest.fixture
def live_pages(db):
    """Every live page of the site with its public URL, both languages."""
    return list(Page.objects.live().filter(depth__gte=2).specific().order_by("path"))


HREF = re.compile(r'<(?:a|link)\b[^>]*?\bhref="([^"]+)"', re.IGNORECASE)


def links_in(html):
    return HREF.findall(html)


def get_page(client, url, **headers):
    """GET a URL and fail loudly on anything but a 200."""
    response = client.get(url, **headers)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.getvalue().decode()  # a streamed answer (datasets) too


SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_parts(client):
    """The addresses (paths) of the sitemaps /sitemap.xml, the index, lists."""
    from defusedxml import ElementTree

    root = ElementTree.fromstring(get_page(client, "/sitemap.xml"))
    return [re.sub(r"^https?://[^/]+", "", loc.text) for loc in root.iter(f"{SITEMAP_NS}loc")]


def sitemaps(client):
    """Every sitemap the index lists, as one text (what a search engine reads)."""
    return "\n".join(get_page(client, part) for part in sitemap_parts(client))


def json_ld(html, kind):
    """The JSON-LD object of schema.org type ``kind`` in a page."""
    import json

    for block in re.findall(r'<script type="application/ld\+json">(.+?)</script>', html, re.DOTALL):
        data = json.loads(block)
        for item in data if isinstance(data, list) else [data]:
            if item.get("@type") == kind:
                return item
    raise AssertionError(f"no {kind} JSON-LD on the page")


def one_page_per_type_and_language():
    """{(page type name, language): URL} of the deepest live page of each type
    in each language (the deepest cost most to route)."""
    urls = {}
    for page in Page.objects.live().filter(depth__gte=2).specific().order_by("depth", "path"):
        urls[(type(page).__name__, page.locale.language_code)] = page.url
    return urls
