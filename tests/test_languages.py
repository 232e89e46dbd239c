"""Both languages, their URLs, the switcher and the hreflang alternates."""

import re
from datetime import date
from html import unescape as html_unescape
from urllib.parse import urljoin, urlsplit

import pytest
from django.utils import formats, translation
from wagtail.models import Page

from pages.models import StandardPage

from .editorial import twin
from .factories import build, section
from .fixtures import get_page, links_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, "/en/"),
        ({"HTTP_ACCEPT_LANGUAGE": "vi-VN,vi;q=0.9,en;q=0.5"}, "/vi/"),
        ({"HTTP_ACCEPT_LANGUAGE": "fr-FR,en;q=0.8"}, "/en/"),
        ({"HTTP_ACCEPT_LANGUAGE": "de"}, "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, headers, expected):
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_language_cookie_wins_over_accept_language(client):
    client.cookies["django_language"] = "vi"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/vi/"


def _switcher(html):
    start = html.index('class="lang-switcher"')
    nav = html[start : html.index("</nav>", start)]
    return dict(re.findall(r'<a href="([^"]+)" lang="(en|vi)"', nav)[i][::-1] for i in range(2))


def test_switcher_round_trip_on_every_seeded_page(client, live_pages):
    assert len(live_pages) >= 12
    for page in live_pages:
        language = page.locale.language_code
        other = "vi" if language == "en" else "en"
        html = get_page(client, page.url)
        switcher = _switcher(html)
        assert switcher[language] == page.url
        twin_url = switcher[other]
        assert twin_url.startswith(f"/{other}/")
        back = _switcher(get_page(client, twin_url))
        assert back[language] == page.url, f"{page.url} → {twin_url} does not lead back"


def test_hreflang_lists_real_translations_with_x_default(client, vietnamese):
    page = build(StandardPage, vietnamese="translated")
    translation = twin(page, vietnamese)
    html = get_page(client, translation.url)
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
    assert urlsplit(alternates["en"]).path == page.url
    assert urlsplit(alternates["vi"]).path == translation.url
    assert urlsplit(alternates["x-default"]).path == page.url
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert urlsplit(canonical).path == translation.url


def test_untranslated_alias_is_not_presented_as_vietnamese(client, vietnamese):
    page = build(StandardPage, section(StandardPage), title="Annual report", show_in_menus=True)
    alias = twin(page, vietnamese)
    assert alias.alias_of_id == page.pk
    alias_html = get_page(client, alias.url)
    assert 'hreflang="vi"' not in alias_html.split("</head>")[0]
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', alias_html).group(1)
    assert urlsplit(canonical).path == page.url
    source_html = get_page(client, page.url)
    assert 'rel="alternate" hreflang' not in source_html
    # The switcher still offers the twin, so the visitor keeps Vietnamese menus.
    assert _switcher(source_html)["vi"] == alias.url


def test_vietnamese_pages_link_only_to_vietnamese_pages(client, vietnamese):
    for page in Page.objects.live().filter(locale=vietnamese):
        html = get_page(client, page.url)
        switcher = set(_switcher(html).values())
        body = html.split("</head>", 1)[1]
        for href in links_in(body):
            parts = urlsplit(urljoin(page.url, html_unescape(href)))
            if parts.scheme not in {"", "http", "https"}:
                continue  # mailto: share links
            if parts.netloc or href.startswith("#") or href in switcher:
                continue  # partners and agencies elsewhere, in-page anchors, the switcher
            if parts.path.startswith(("/static/", "/media/", "/documents/")):
                continue
            assert parts.path.startswith("/vi/"), f"{page.url} links to {href}"


def test_every_internal_link_resolves(client):
    """Crawl the seeded site from both home pages and follow every internal link."""
    seen, queue = set(), ["/en/", "/vi/"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        if "text/html" not in response["Content-Type"]:
            continue
        for href in links_in(response.content.decode()):
            if href.startswith("#"):
                continue
            parts = urlsplit(urljoin(url, html_unescape(href)))
            if parts.scheme not in {"", "http", "https"}:
                continue  # mailto: share links
            if parts.netloc and parts.netloc not in {"testserver", "localhost"}:
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen:
                queue.append(target)
    pages = [url for url in seen if url.startswith(("/en/", "/vi/")) and "?" not in url]
    assert len(pages) >= 12
    assert any(url.startswith("/documents/") for url in seen)


def test_dates_follow_the_language():
    day = date(2026, 11, 26)
    with translation.override("vi"):
        assert formats.date_format(day) == "26 tháng 11 năm 2026"
    with translation.override("en"):
        assert formats.date_format(day) == "26 November 2026"
