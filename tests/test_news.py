"""News: listing, filters, feeds, scheduled publishing, article metadata."""

import datetime
import re
from html import unescape
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
import time_machine
from defusedxml import ElementTree as ET
from wagtail.models import Page

from news.models import NewsCategoryPage, NewsIndexPage, NewsPage, NewsTopic

from .conftest import get_page, json_ld
from .queries import cold_and_warm

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
NEWS = {"en": "/en/news/", "vi": "/vi/tin-tuc/"}
ATOM = "{http://www.w3.org/2005/Atom}"


def card_titles(html):
    return [
        unescape(t)
        for t in re.findall(r'<li class="card news-card">.*?<h3><a href="[^"]+">([^<]+)</a>', html, re.DOTALL)
    ]


def featured_title(html):
    match = re.search(r'<h2 id="featured-title"><a href="[^"]+">([^<]+)</a>', html)
    return unescape(match.group(1)) if match else None


@pytest.mark.parametrize("language", ["en", "vi"])
def test_news_index_newest_first_with_a_featured_article(client, language):
    html = get_page(client, NEWS[language])
    articles = NewsPage.objects.live().filter(locale__language_code=language).order_by("-date")
    assert articles.count() >= 20
    featured = articles.filter(featured=True).first()
    assert featured_title(html) == featured.title
    assert card_titles(html) == [a.title for a in articles.exclude(pk=featured.pk)[:9]]
    assert re.search(r'<time datetime="2025-[^"]+">', html)
    if language == "vi":
        assert "tháng" in html and "Tin trong nước" in html


def test_filters_by_category_topic_year_and_park(client, english):
    country = NewsCategoryPage.objects.get(locale=english, slug="countrys-news")
    html = get_page(client, NEWS["en"] + "?category=countrys-news")
    assert set(card_titles(html)) == {a.title for a in NewsPage.objects.child_of(country).live()}
    assert featured_title(html) is None
    topic = NewsTopic.objects.get(locale=english, slug="industrial-symbiosis")
    html = get_page(client, NEWS["en"] + "?topic=industrial-symbiosis")
    expected = {a.title for a in NewsPage.objects.live().filter(locale=english, topic_links__topic=topic)}
    assert set(card_titles(html)) == expected and expected
    assert set(card_titles(get_page(client, NEWS["en"] + "?year=2022"))) == {
        a.title for a in NewsPage.objects.live().filter(locale=english, date__year=2022)
    }
    from parks.models import ParkPage

    amata = ParkPage.objects.get(locale=english, slug="amata-industrial-park")
    titles = card_titles(get_page(client, f"{NEWS['en']}?park={amata.pk}"))
    assert "Amata raises its eco-industrial park score to 86%" in titles


def test_vietnamese_topic_filter_uses_vietnamese_topics(client):
    html = get_page(client, NEWS["vi"] + "?topic=cong-sinh-cong-nghiep")
    assert "Cộng sinh công nghiệp" in html
    assert card_titles(html)


@pytest.mark.parametrize(
    "query",
    ["?page=abc", "?page=0", "?page=10000", "?topic=<x>", "?year=2x", "?park=abc", "?category=nope&topic=&year=&park="],
)
def test_junk_news_filters_are_ignored(client, query):
    assert client.get(NEWS["en"] + query).status_code == 200
    assert client.get("/vi/tin-tuc/tin-du-an/" + query).status_code == 200


def test_pagination_keeps_every_article_once(client, english):
    seen = []
    first = get_page(client, NEWS["en"])
    seen.append(featured_title(first))
    seen += card_titles(first)
    seen += card_titles(get_page(client, NEWS["en"] + "?page=2"))
    seen += card_titles(get_page(client, NEWS["en"] + "?page=3"))
    all_titles = [a.title for a in NewsPage.objects.live().filter(locale=english)]
    assert sorted(seen) == sorted(all_titles)


@pytest.mark.parametrize("language", ["en", "vi"])
def test_rss_and_atom_feeds_list_the_languages_items_with_absolute_urls(client, language):
    index = NewsIndexPage.objects.get(locale__language_code=language)
    rss = client.get(index.url + "feed/rss/")
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(rss.content).find("channel")
    assert channel.findtext("language") == language
    items = channel.findall("item")
    expected = NewsPage.objects.live().filter(locale=index.locale).order_by("-date")[:20]
    assert [item.findtext("title") for item in items] == [a.title for a in expected]
    assert all(item.findtext("link").startswith(f"http://testserver/{language}/") for item in items)
    atom = client.get(index.url + "feed/atom/")
    root = ET.fromstring(atom.content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [a.title for a in expected]
    assert all(e.find(f"{ATOM}link").get("href").startswith("http://testserver/") for e in entries)


def test_feeds_are_linked_from_every_page_head(client):
    head = get_page(client, "/vi/gioi-thieu/").split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml"' in head and 'href="/vi/tin-tuc/feed/rss/"' in head


def test_scheduled_article_stays_hidden_until_its_time(client, english):
    project = NewsCategoryPage.objects.get(locale=english, slug="project-news")
    go_live = datetime.datetime(2031, 5, 1, 8, 0, tzinfo=HCM)
    article = NewsPage(
        title="Scheduled announcement", slug="scheduled-announcement", date=go_live, go_live_at=go_live, live=False
    )
    project.add_child(instance=article)
    article.save_revision(approved_go_live_at=go_live)
    with time_machine.travel(go_live - datetime.timedelta(hours=1), tick=False):
        assert "Scheduled announcement" not in get_page(client, NEWS["en"])
        assert client.get("/en/news/project-news/scheduled-announcement/").status_code == 404
        rss = client.get("/en/news/feed/rss/").content.decode()
        assert "Scheduled announcement" not in rss
    from django.core.cache import cache

    cache.clear()  # a new minute: the scheduler may run again
    with time_machine.travel(go_live + datetime.timedelta(minutes=1), tick=False):
        client.get("/en/")  # any visit lets due pages go live
        assert Page.objects.get(pk=article.pk).live
        assert "Scheduled announcement" in get_page(client, NEWS["en"])
        assert client.get("/en/news/project-news/scheduled-announcement/").status_code == 200


def test_article_page_metadata_share_links_and_more_news(client, english):
    article = NewsPage.objects.live().filter(locale=english, featured=True).first()
    html = get_page(client, article.url)
    head = html.split("</head>")[0]
    assert f'<meta property="og:title" content="{article.title.replace(chr(39), "&#x27;")}">' in head
    site_root = article.get_site().root_url
    assert re.search(rf'<meta property="og:image" content="{site_root}/media/[^"]+\.jpg">', head)
    data = json_ld(html, "NewsArticle")
    assert data["@type"] == "NewsArticle" and data["image"][0].startswith(site_root + "/media/")
    assert data["datePublished"].endswith("+07:00")
    assert f"https://www.facebook.com/sharer/sharer.php?u={quote(article.full_url, safe='')}" in html
    assert 'id="more-heading"' in html and "Photo: EIP Viet Nam (illustration)" in html
    vi = get_page(client, article.get_translation(article.locale.__class__.objects.get(language_code="vi")).url)
    assert "Ảnh: EIP Việt Nam (minh họa)" in vi and "Chủ đề:" in vi and "Kinh tế tuần hoàn" in vi
    assert "Tin khác" in vi and 'href="/vi/mo-hinh-kcn-sinh-thai/kcn-hiep-phuoc/"' in vi


def test_country_news_shows_its_source(client, english):
    article = NewsPage.objects.live().filter(locale=english, source_url__gt="").first()
    assert f'<a href="{article.source_url}" rel="noopener">' in get_page(client, article.url)


def test_home_shows_latest_news(client):
    html = get_page(client, "/en/")
    section = html[html.index('id="home-news-heading"') :]
    latest = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date")[:3]
    assert all(a.title.replace("'", "&#x27;") in section for a in latest)


def test_listing_costs_the_same_with_10_and_100_articles(client, english):
    project = NewsCategoryPage.objects.get(locale=english, slug="project-news")
    urls = [NEWS["en"], project.url, NEWS["en"] + "?topic=policy&year=2022"]
    before = {url: cold_and_warm(client, url) for url in urls}
    assert all(warm <= 12 for _cold, warm in before.values()), before
    for number in range(80):
        article = NewsPage(
            title=f"Extra article {number}",
            slug=f"extra-article-{number}",
            date=datetime.datetime(2020, 1, 1, tzinfo=HCM) + datetime.timedelta(days=number),
        )
        project.add_child(instance=article)
        article.save_revision().publish()
    after = {url: cold_and_warm(client, url) for url in urls}
    # Cold as well as warm: an N+1 must show while the caches refill.
    assert after == before
