"""News: listing, filters, feeds, scheduled publishing, article metadata."""

import datetime
import re
from html import unescape
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
import time_machine
from defusedxml import ElementTree as ET
from django.core.management import call_command
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page

from news.models import NewsCategoryPage, NewsIndexPage, NewsPage, NewsRelatedPage
from pages.models import HomePage, StandardPage
from pages.themes.models import Theme
from parks.models import ParkPage

from .editorial import twin
from .factories import build, section
from .fixtures import get_page, json_ld
from .queries import cold_and_warm

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
ATOM = "{http://www.w3.org/2005/Atom}"


def card_titles(html):
    return [
        unescape(t)
        for t in re.findall(r'<li class="card news-card"[^>]*>.*?<h3><a href="[^"]+">([^<]+)</a>', html, re.DOTALL)
    ]


def featured_title(html):
    match = re.search(r'<h2 id="featured-title"><a href="[^"]+">([^<]+)</a>', html)
    return unescape(match.group(1)) if match else None


def article(title, vietnamese, parent=None, vi=None, **fields):
    """A published article with its Vietnamese translation."""
    return build(
        NewsPage, parent, vietnamese="translated", title=title, vi={"title": vietnamese, **(vi or {})}, **fields
    )


def topic(english, vietnamese=None):
    """A theme (news topics are themes now), with its Vietnamese name if given."""
    topic = Theme.objects.create(locale=Locale.objects.get(language_code="en"), name=english)
    if vietnamese:
        vi = Locale.objects.get(language_code="vi")
        Theme.objects.create(locale=vi, translation_key=topic.translation_key, name=vietnamese)
    return topic


@pytest.mark.parametrize("language", ["en", "vi"])
def test_news_index_newest_first_with_a_featured_article(client, language):
    locale = Locale.objects.get(language_code=language)
    partners = build(NewsCategoryPage, vietnamese="translated", title="Partner news", vi={"title": "Tin đối tác"})
    now = timezone.now().replace(microsecond=0)
    # The featured article leads although a newer one exists; the others follow newest first.
    featured = article(
        "Deep C opens a shared steam line",
        "Deep C khánh thành đường ống hơi dùng chung",
        partners,
        featured=True,
        date=now - datetime.timedelta(hours=2),
    )
    newer = article("Can Tho's parks meet", "Các KCN Cần Thơ gặp gỡ", partners, date=now - datetime.timedelta(hours=1))
    older = article(
        "Water reuse in Amata", "Tái sử dụng nước tại Amata", partners, date=now - datetime.timedelta(hours=3)
    )
    html = get_page(client, section(NewsIndexPage, language).url)
    assert featured_title(html) == twin(featured, locale).title
    cards = card_titles(html)
    assert cards[:2] == [twin(newer, locale).title, twin(older, locale).title]
    articles = NewsPage.objects.live().filter(locale=locale).order_by("-date")
    assert cards == [a.title for a in articles.exclude(translation_key=featured.translation_key)[:9]]
    assert f'<time datetime="{timezone.localtime(newer.date).isoformat()}">' in html
    if language == "vi":
        assert "tháng" in html and "Tin đối tác" in html


def test_filters_by_category_topic_year_and_park(client, english):
    news = section(NewsIndexPage).url
    partners = build(NewsCategoryPage, title="Partner news")
    # A featured article: a filtered listing shows it as a card, never on top.
    in_category = {
        build(NewsPage, partners, title="Partner visit to Deep C", featured=True).title,
        build(NewsPage, partners, title="Partner workshop in Can Tho").title,
    }
    html = get_page(client, f"{news}?category={partners.slug}")
    assert set(card_titles(html)) == in_category
    assert featured_title(html) is None
    steam = topic("Steam exchange")
    tagged = build(NewsPage, title="Two mills trade steam", themes=[steam])
    assert card_titles(get_page(client, f"{news}?theme={steam.slug}")) == [tagged.title]
    old = build(NewsPage, title="A park's first symbiosis study", date=datetime.datetime(2012, 5, 4, 9, tzinfo=HCM))
    titles = card_titles(get_page(client, f"{news}?year=2012"))
    assert old.title in titles and tagged.title not in titles
    assert set(titles) == {a.title for a in NewsPage.objects.live().filter(locale=english, date__year=2012)}
    park = build(ParkPage, title="Green Valley park")
    about = build(NewsPage, title="Green Valley raises its score", related_links=[NewsRelatedPage(related=park)])
    assert card_titles(get_page(client, f"{news}?park={park.pk}")) == [about.title]


def test_vietnamese_topic_filter_uses_vietnamese_topics(client):
    steam = topic("Steam exchange", "Trao đổi hơi nước")
    article("Two mills trade steam", "Hai nhà máy trao đổi hơi nước", themes=[steam])
    # The Vietnamese topic's own slug, made from its name.
    html = get_page(client, section(NewsIndexPage, "vi").url + "?theme=trao-doi-hoi-nuoc")
    assert '<option value="trao-doi-hoi-nuoc" selected>Trao đổi hơi nước</option>' in html
    assert card_titles(html) == ["Hai nhà máy trao đổi hơi nước"]


@pytest.mark.parametrize(
    "query",
    ["?page=abc", "?page=0", "?page=10000", "?theme=<x>", "?year=2x", "?park=abc", "?category=nope&topic=&year=&park="],
)
def test_junk_news_filters_are_ignored(client, query):
    assert client.get(section(NewsIndexPage).url + query).status_code == 200
    assert client.get(section(NewsCategoryPage, "vi").url + query).status_code == 200


def test_pagination_keeps_every_article_once(client, english):
    # The featured article on top of page 1, and one older than every other on the last page.
    featured = build(NewsPage, title="Featured on top", featured=True)
    oldest = build(NewsPage, title="The oldest article", date=datetime.datetime(1990, 1, 1, tzinfo=HCM))
    news = section(NewsIndexPage).url
    html = get_page(client, news)
    assert featured_title(html) == featured.title
    seen = [featured_title(html)]
    while True:  # through the pages by their "Next" links
        seen += card_titles(html)
        following = re.search(r'<a href="\?([^"]+)" rel="next">', html)
        if following is None:
            break
        html = get_page(client, f"{news}?{unescape(following.group(1))}")
    assert seen[-1] == oldest.title
    all_titles = [a.title for a in NewsPage.objects.live().filter(locale=english)]
    assert sorted(seen) == sorted(all_titles)


@pytest.mark.parametrize("language", ["en", "vi"])
def test_rss_and_atom_feeds_list_the_languages_items_with_absolute_urls(client, language):
    index = section(NewsIndexPage, language)
    newest = twin(article("Feeds carry the newest article", "Nguồn tin mang bài mới nhất"), index.locale)
    rss = client.get(index.url + "feed/rss/")
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(rss.content).find("channel")
    assert channel.findtext("language") == language
    items = channel.findall("item")
    # What is written in the feed's language: no untranslated alias (the demo's Vietnamese-only article).
    expected = NewsPage.objects.live().filter(locale=index.locale, alias_of__isnull=True).order_by("-date")[:20]
    assert items[0].findtext("title") == newest.title
    assert [item.findtext("title") for item in items] == [a.title for a in expected]
    assert all(item.findtext("link").startswith(f"http://testserver/{language}/") for item in items)
    atom = client.get(index.url + "feed/atom/")
    root = ET.fromstring(atom.content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [a.title for a in expected]
    assert all(e.find(f"{ATOM}link").get("href").startswith("http://testserver/") for e in entries)


def test_feeds_are_linked_from_every_page_head(client, vietnamese):
    page = twin(build(StandardPage, vietnamese="translated"), vietnamese)
    head = get_page(client, page.url).split("</head>")[0]
    feed = section(NewsIndexPage, "vi").url + "feed/rss/"
    assert '<link rel="alternate" type="application/rss+xml"' in head and f'href="{feed}"' in head


def test_scheduled_article_stays_hidden_until_its_time(client):
    go_live = datetime.datetime(2031, 5, 1, 8, 0, tzinfo=HCM)
    # Published with a go-live date ahead: Wagtail schedules it rather than making it live.
    article = build(NewsPage, title="Scheduled announcement", date=go_live, go_live_at=go_live, live=False)
    news = section(NewsIndexPage).url
    with time_machine.travel(go_live - datetime.timedelta(hours=1), tick=False):
        assert "Scheduled announcement" not in get_page(client, news)
        assert client.get(article.url).status_code == 404
        rss = client.get(news + "feed/rss/").content.decode()
        assert "Scheduled announcement" not in rss
    with time_machine.travel(go_live + datetime.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")  # run_jobs runs it every minute (tests/test_jobs.py)
        assert Page.objects.get(pk=article.pk).live
        assert "Scheduled announcement" in get_page(client, news)
        assert client.get(article.url).status_code == 200


def test_article_page_metadata_share_links_and_more_news(client, vietnamese):
    steam = topic("Steam exchange", "Trao đổi hơi nước")
    park = build(ParkPage, vietnamese="translated", title="Green Valley park", vi={"title": "KCN Thung Lũng Xanh"})
    other = article("Water reuse in Amata", "Tái sử dụng nước tại Amata")
    article_en = article(
        "Can Tho's parks share steam",  # an apostrophe, escaped in the head
        "Các KCN Cần Thơ dùng chung hơi nước",
        lead_image=get_image_model().objects.create(title="Steam line", file=get_test_image_file()),
        image_credit="EIP Viet Nam (illustration)",
        themes=[steam],
        related_links=[NewsRelatedPage(related=park)],
        vi={"image_credit": "EIP Việt Nam (minh họa)"},
    )
    html = get_page(client, article_en.url)
    head = html.split("</head>")[0]
    assert '<meta property="og:title" content="Can Tho&#x27;s parks share steam">' in head
    site_root = article_en.get_site().root_url
    assert re.search(rf'<meta property="og:image" content="{site_root}/media/[^"]+\.jpg">', head)
    data = json_ld(html, "NewsArticle")
    assert data["@type"] == "NewsArticle" and data["image"][0].startswith(site_root + "/media/")
    assert data["datePublished"].endswith("+07:00")
    assert f"https://www.facebook.com/sharer/sharer.php?u={quote(article_en.full_url, safe='')}" in html
    assert 'id="more-heading"' in html and "Photo: EIP Viet Nam (illustration)" in html
    vi = get_page(client, twin(article_en, vietnamese).url)
    assert "Ảnh: EIP Việt Nam (minh họa)" in vi and "Chủ đề:" in vi and ">Trao đổi hơi nước</a>" in vi
    assert f'href="{twin(park, vietnamese).url}"' in vi
    more = vi[vi.index('id="more-heading"') :]
    assert "Tin khác" in more and twin(other, vietnamese).title in more


def test_the_kept_share_links_and_search_engine_data_follow_a_renamed_article(client):
    article = build(NewsPage, title="Steam line opens", vietnamese=None)
    html = get_page(client, article.url)
    assert json_ld(html, "NewsArticle")["headline"] == "Steam line opens"  # kept now
    article.title = "Steam & water line opens"
    article.slug = "steam-and-water-line-opens"
    article.save_revision().publish()
    article.refresh_from_db()
    html = get_page(client, article.url)
    assert json_ld(html, "NewsArticle")["headline"] == "Steam & water line opens"
    assert json_ld(html, "NewsArticle")["url"] == article.full_url
    assert f"subject={quote('Steam & water line opens', safe='')}&amp;body={quote(article.full_url, safe='')}" in html


def test_country_news_shows_its_source(client):
    article = build(NewsPage, source_name="Viet Nam News", source_url="https://vietnamnews.vn/economy/eip")
    html = get_page(client, article.url)
    assert '<a href="https://vietnamnews.vn/economy/eip" rel="noopener">Viet Nam News</a>' in html


def test_home_shows_latest_news(client):
    now = timezone.now().replace(microsecond=0)
    latest = [build(NewsPage, date=now - datetime.timedelta(minutes=n)) for n in range(3)]
    html = get_page(client, section(HomePage).url)
    news = html[html.index('id="home-news-heading"') :]
    assert all(a.title in news for a in latest)
    newest = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date")[:3]
    assert all(a.title.replace("'", "&#x27;") in news for a in newest)


def test_listing_costs_the_same_with_10_and_100_articles(client):
    category = section(NewsCategoryPage)
    steam = topic("Steam exchange")

    def add_articles(numbers):
        for number in numbers:
            build(
                NewsPage,
                category,
                vietnamese=None,
                title=f"Extra article {number}",
                date=datetime.datetime(2020, 1, 1, tzinfo=HCM) + datetime.timedelta(days=number),
                themes=[steam],
            )

    # Ten articles of the topic and year before, more than one page of them after.
    add_articles(range(10))
    urls = [section(NewsIndexPage).url, category.url, f"{section(NewsIndexPage).url}?theme={steam.slug}&year=2020"]
    before = {url: cold_and_warm(client, url) for url in urls}
    assert all(warm <= 12 for _cold, warm in before.values()), before
    add_articles(range(10, 90))
    after = {url: cold_and_warm(client, url) for url in urls}
    # Cold as well as warm: an N+1 must show while the caches refill.
    assert after == before
