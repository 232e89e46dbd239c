"""Search that understands Vietnamese, and what search engines read."""

import re
import unicodedata
from datetime import timedelta
from html import unescape

import pytest
from defusedxml import ElementTree as ET
from django.core.cache import cache
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction, Site

from events.models import EventIndexPage
from news.models import NewsIndexPage, NewsPage
from pages.cache import fragments
from pages.models import ContactPage, HomePage, StandardPage
from pages.search.folding import fold
from pages.search.views import highlight
from parks.models import ParkPage
from publications.models import PublicationPage

from .editorial import twin
from .factories import build, section
from .fixtures import get_page, json_ld, sitemap_parts, sitemaps
from .queries import cold_queries, warm_queries

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def result_titles(html):
    titles = re.findall(r'<h3><a href="[^"]+">(.*?)</a></h3>', html, re.DOTALL)
    return [unescape(re.sub(r"</?mark>", "", title)) for title in titles]


def result_urls(html):
    return re.findall(r'<h3><a href="([^"]+)">', html)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đà Nẵng", "da nang"),
        ("KHU CÔNG NGHIỆP", "khu cong nghiep"),
        (unicodedata.normalize("NFD", "Hòa Khánh"), "hoa khanh"),
        ("đ Đ", "d d"),
    ],
)
def test_folding(text, folded):
    assert fold(text) == folded


def test_vietnamese_without_accents_finds_da_nang(client):
    html = get_page(client, "/vi/search/?q=da+nang")
    titles = result_titles(html)
    assert titles[0] in {"Nâng cao năng lực cho 70 đại biểu tại Đà Nẵng", "Hội thảo nâng cao năng lực tại Đà Nẵng"}
    assert "<mark>Đà</mark> <mark>Nẵng</mark>" in html
    assert all(url.startswith("/vi/") for url in result_urls(html))


@pytest.mark.parametrize(
    "query", ["khu cong nghiep", "KHU CÔNG NGHIỆP", "khu công nghiệp", unicodedata.normalize("NFD", "khu công nghiệp")]
)
def test_accents_case_and_decomposed_input_all_match(client, query):
    html = get_page(client, f"/vi/search/?q={query}")
    titles = result_titles(html)
    assert titles and any("khu công nghiệp" in title.lower() for title in titles)


def test_english_search_returns_only_english_pages(client):
    html = get_page(client, "/en/search/?q=hiep+phuoc")
    urls = result_urls(html)
    assert urls and all(url.startswith("/en/") for url in urls)
    assert "Hiep Phuoc Industrial Park" in result_titles(html)
    assert "/vi/" not in " ".join(urls)


def test_type_filter_and_pagination(client):
    html = get_page(client, "/en/search/?q=park&type=parks.parkpage")
    titles = result_titles(html)
    assert titles and set(titles) <= {p.title for p in ParkPage.objects.filter(locale__language_code="en")}
    assert get_page(client, "/en/search/?q=park&page=2")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Type a few words to search"),
        ("   ", "Type a few words to search"),
        ("x" * 201, "That search is too long"),
        ("%", "Nothing was found"),
        ("%25%25", "Nothing was found"),
        ('"quoted"', "Nothing was found"),
        ("<script>alert(1)</script>", "Nothing was found"),
        ("'; DROP TABLE pages_searchentry; --", "Nothing was found"),
        ("\x00", "Type a few words to search"),
        ("?page=abc", None),
    ],
)
def test_odd_queries_get_a_friendly_page(client, query, message):
    response = client.get("/en/search/", {"q": query, "page": "abc"})
    assert response.status_code == 200
    body = response.content.decode()
    if message:
        assert message in body
    assert "<script>alert(1)</script>" not in body


def test_a_result_links_to_the_page_where_it_is_now(client):
    """Result addresses are kept between searches; a new slug, once published, is what they link to."""
    park = build(ParkPage, title="Nhon Trach Industrial Park")
    old = park.url
    assert old in result_urls(get_page(client, "/en/search/?q=nhon+trach"))
    park.slug = "nhon-trach"
    park.save_revision().publish()
    urls = result_urls(get_page(client, "/en/search/?q=nhon+trach"))
    assert ParkPage.objects.get(pk=park.pk).url in urls
    assert old not in urls


def test_highlighting_escapes_html():
    text = 'Bad <script>alert("x")</script> Đà Nẵng & co'
    result = highlight(text, ["da", "nang", "script"])
    assert "<script>" not in result and "&lt;" in result and "&amp;" in result
    assert "<mark>Đà</mark> <mark>Nẵng</mark>" in result


def test_a_snippet_marks_its_own_whole_words_only():
    text = "Park " + "x" * 50 + " park and the parkland, parks." + " more" * 200 + " park at the far end"
    result = highlight(text, ["park"], length=58)
    # The first word is marked; the next one, cut by the snippet's end, is not;
    # nothing beyond the snippet is looked at or shown.
    assert result.startswith("<mark>Park</mark> ") and result.count("<mark>") == 1
    assert result.endswith(" pa …")
    middle = highlight(text, ["parkland"], length=40)
    assert "<mark>parkland</mark>" in middle and middle.startswith("… ") and "far end" not in middle


def test_promoted_results_come_first(client):
    page = section(ContactPage)
    promotion_query = Query.get("workshop")
    SearchPromotion.objects.create(query=promotion_query, page=page, sort_order=0, description="Ask us")
    html = get_page(client, "/en/search/?q=workshop")
    assert 'id="promoted-heading"' in html
    assert html.index('id="promoted-heading"') < html.rindex('<ul class="search-results">')


def test_results_are_ranked_then_newest_first(client):
    now = timezone.now().replace(microsecond=0)

    def news(title, intro, days_ago):
        return build(NewsPage, title=title, intro=intro, date=now - timedelta(days=days_ago), vietnamese=None)

    older_phrase = news("Zephyr quartz plan", "Plain words.", 5)
    newer_phrase = news("Zephyr quartz review", "Plain words.", 1)
    words_in_title = news("Quartz beside zephyr", "Plain words.", 0)
    phrase_in_text = news("A plan", "The zephyr quartz plan is here.", 0)
    words_apart = news("Another plan", "Quartz here, and a zephyr there.", 0)
    titles = result_titles(get_page(client, "/en/search/?q=zephyr+quartz"))
    expected = [newer_phrase, older_phrase, words_in_title, phrase_in_text, words_apart]
    assert titles == [page.title for page in expected]
    # One word: in the title before in the text only, each newest first.
    titles = result_titles(get_page(client, "/en/search/?q=quartz"))
    assert titles == [p.title for p in [words_in_title, newer_phrase, older_phrase, phrase_in_text, words_apart]]


def test_pages_of_results_show_each_match_once_and_the_promoted_one_only_on_top(client):
    items = [build(NewsPage, title=f"Kestrel note {i}", vietnamese=None) for i in range(12)]
    SearchPromotion.objects.create(query=Query.get("kestrel"), page=items[3], sort_order=0, description="Start here")
    first = get_page(client, "/en/search/?q=kestrel")
    second = get_page(client, "/en/search/?q=kestrel&page=2")
    listed = result_titles(first.split('id="promoted-heading"')[1].split("</section>", 1)[1]) + result_titles(second)
    assert sorted(listed) == sorted(item.title for i, item in enumerate(items) if i != 3)
    assert "11 results for" in first and "11 results for" in second
    assert 'id="promoted-heading"' not in second
    # Filtered by type, the promoted page is one of the results like any other.
    filtered = get_page(client, "/en/search/?q=kestrel&type=news.newspage")
    assert "12 results for" in filtered and 'id="promoted-heading"' not in filtered


def test_search_costs_a_bounded_number_of_queries(client):
    for query in ["park", "da nang", "xyzzy"]:
        count = warm_queries(client, "/en/search/", q=query)
        assert count <= 15, (query, count)


def _urls(client, part):
    return ET.fromstring(get_page(client, part)).findall(f"{SITEMAP}url")


def test_sitemap_is_an_index_of_sitemaps_per_section_and_language(client, vietnamese):
    page = build(StandardPage, vietnamese="translated")
    translation = twin(page, vietnamese)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    assert ET.fromstring(response.content).tag == f"{SITEMAP}sitemapindex"
    parts = sitemap_parts(client)
    news = section(NewsIndexPage, "vi")
    assert f"/sitemaps/en/{section(NewsIndexPage, 'en').slug}/1.xml" in parts
    assert f"/sitemaps/vi/{news.slug}/1.xml" in parts
    urls = [url for part in parts for url in _urls(client, part)]
    locations = [url.findtext(f"{SITEMAP}loc") for url in urls]
    assert any(loc.endswith(page.url) for loc in locations) and any(loc.endswith(translation.url) for loc in locations)
    assert len(locations) == len(set(locations))
    # A section's sitemap holds that section's pages in that language only.
    in_news = [url.findtext(f"{SITEMAP}loc") for url in _urls(client, f"/sitemaps/vi/{news.slug}/1.xml")]
    assert in_news and all(f"/vi/{news.slug}/" in loc for loc in in_news)
    entry = next(url for url in urls if url.findtext(f"{SITEMAP}loc").endswith(page.url))
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")}
    assert alternates["vi"].endswith(translation.url) and alternates["x-default"].endswith(page.url)
    assert entry.findtext(f"{SITEMAP}lastmod")
    live_real = Page.objects.live().filter(depth__gte=2, alias_of__isnull=True).count()
    assert len(locations) == live_real


def test_a_section_sitemap_is_split_beyond_its_limit_and_each_part_costs_the_same(client, settings):
    news = section(NewsIndexPage, "en")
    for number in range(3):
        build(NewsPage, title=f"Split article {number}")
    listed = news.get_descendants(inclusive=True).live().filter(alias_of__isnull=True).count()
    settings.SITEMAP_URLS_PER_FILE = 4
    cache.clear()
    parts = [part for part in sitemap_parts(client) if part.startswith(f"/sitemaps/en/{news.slug}/")]
    assert len(parts) == -(-listed // 4) and len(parts) > 1
    locations = [url.findtext(f"{SITEMAP}loc") for part in parts for url in _urls(client, part)]
    assert len(locations) == listed == len(set(locations))
    assert all(len(_urls(client, part)) <= 4 for part in parts)
    beyond = f"/sitemaps/en/{news.slug}/{len(parts) + 1}.xml"
    assert client.get(beyond).status_code == 404
    assert client.get("/sitemaps/en/no-such-section/1.xml").status_code == 404
    # Made-up addresses are a 404 and keep nothing: not a huge part, not another language.
    for made_up in (f"/sitemaps/en/{news.slug}/99999999999999999999.xml", f"/sitemaps/fr/{news.slug}/1.xml"):
        assert client.get(made_up).status_code == 404
    site = Site.objects.get(is_default_site=True).pk
    for name in ("sitemap/en/no-such-section/1", f"sitemap/fr/{news.slug}/1"):
        assert not cache.has_key(fragments._key(name, site))
    assert cache.has_key(fragments._key(f"sitemap/en/{news.slug}/1", site))  # a real part is kept
    # Flat per entry: a full part costs what the last, shorter one does.
    assert cold_queries(client, parts[0]) == cold_queries(client, parts[-1])


def test_robots_points_to_the_sitemap_and_keeps_the_admin_out(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body and "Sitemap: http://testserver/sitemap.xml" in body
    # It names the index, which names every section's sitemap.
    assert sitemap_parts(client)


@pytest.mark.parametrize(
    ("model", "language"),
    [
        (HomePage, "en"),
        (StandardPage, "vi"),
        (ParkPage, "en"),
        (EventIndexPage, "vi"),
        (PublicationPage, "en"),
        (NewsIndexPage, "vi"),
        (ContactPage, "en"),
    ],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_every_page_type_has_title_description_canonical_social_and_breadcrumb_data(client, model, language):
    url = section(model, language).url
    html = get_page(client, url)
    head = html.split("</head>")[0]
    assert re.search(r"<title>[^<]+ \| EIP Vi[eệ]t Nam</title>", head)
    assert re.search(r'<meta name="description" content="[^"]+">', head)
    assert '<link rel="canonical" href="http' in head
    assert '<meta property="og:title"' in head and '<meta name="twitter:card"' in head
    crumbs = json_ld(html, "BreadcrumbList")["itemListElement"]
    assert crumbs[-1]["item"].endswith(url) and crumbs[0]["position"] == 1


def test_home_page_describes_the_organisation(client):
    organisation = json_ld(get_page(client, "/en/"), "Organization")
    assert organisation["alternateName"] == "EIP Viet Nam" and organisation["url"].startswith("http")


def test_private_pages_stay_out_of_search_and_sitemap(client):
    park = build(ParkPage, title="Nhon Trach Industrial Park")
    assert park.title in result_titles(get_page(client, "/en/search/?q=nhon+trach"))
    assert park.url in sitemaps(client)
    PageViewRestriction.objects.create(page=park, restriction_type=PageViewRestriction.LOGIN)
    assert park.title not in result_titles(get_page(client, "/en/search/?q=nhon+trach"))
    cache.clear()  # the sitemap is cached for 15 minutes
    assert park.url not in sitemaps(client)


def test_a_breadcrumb_without_url_still_gives_structured_data(client, monkeypatch):
    """A step of the trail with no URL (a page under no site, as while seed_demo
    builds the tree) used to raise a TypeError and turn the page into a 500."""
    from pages import navigation

    monkeypatch.setattr(navigation, "breadcrumbs", lambda request, page: [{"title": "Home", "url": None}])
    url = section(StandardPage).url
    crumbs = json_ld(get_page(client, url), "BreadcrumbList")["itemListElement"]
    assert crumbs[0] == {"@type": "ListItem", "position": 1, "name": "Home"}
    assert crumbs[1]["item"].endswith(url)
