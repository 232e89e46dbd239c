"""Rendering without the page cache stays lean and right.

Pages are routed from remembered addresses (pages.cache.routing), cards and pictures
are kept as HTML with the shell's fragments, and searches read promotions from
them. Each test shows that what a visitor sees still follows every change at
once, in both languages, and that a preview never leaks into, or is hidden by,
what is kept.
"""

import io
import re
import warnings

import pytest
from django.contrib.auth.models import Group
from django.core.cache.backends.base import CacheKeyWarning
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site

from news.models import NewsCategoryPage, NewsIndexPage, NewsPage
from pages.models import HomePage, StandardPage
from pages.themes.models import Theme

from .editorial import client_for, twin
from .factories import build, section
from .fixtures import get_page

pytestmark = pytest.mark.django_db


def translated_article(**fields):
    """A new article and its published Vietnamese translation, newest on the listings."""
    article = build(NewsPage, vietnamese="translated", **fields)
    return article, twin(article, section(HomePage, "vi").locale)


def picture(name, colour):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1600, 900), colour).save(buffer, "PNG")
    return get_image_model().objects.create(title=name, description=name, file=ImageFile(buffer, name=f"{name}.png"))


# --- routing from remembered addresses ---------------------------------------------


def test_a_known_address_costs_no_site_or_locale_query(client):
    for page in translated_article():
        url = page.url
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        sql = " ".join(query["sql"] for query in queries)
        assert "wagtailcore_site" not in sql
        assert "wagtailcore_locale" not in sql
        assert len(queries) <= 5, [query["sql"][:120] for query in queries]


def test_an_unpublished_page_is_gone_at_once_and_its_twin_stays(client):
    article, translation = translated_article()
    assert client.get(article.url).status_code == 200
    assert client.get(translation.url).status_code == 200
    article.unpublish()
    assert client.get(article.url).status_code == 404
    assert client.get(translation.url).status_code == 200


def test_a_renamed_page_answers_at_its_new_address(client, django_capture_on_commit_callbacks):
    page = build(StandardPage)
    old_url = page.url
    assert client.get(old_url).status_code == 200
    page.slug = "about-the-initiative"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail makes its redirect on commit
        page.save_revision().publish()
    new_url = Page.objects.get(pk=page.pk).url
    assert new_url.endswith("/about-the-initiative/")
    assert page.title in get_page(client, new_url)
    response = client.get(old_url)
    # The old address leads to the new one for good (Wagtail's automatic redirect).
    assert (response.status_code, response["Location"]) == (301, new_url)


def test_an_address_is_remembered_per_language(client, vietnamese):
    page = build(StandardPage, vietnamese="translated")
    translation = twin(page, vietnamese)
    assert client.get(page.url).status_code == 200
    # The same path under the other language is not the English page: at most
    # a redirect to the Vietnamese one.
    response = client.get(page.url.replace("/en/", "/vi/", 1))
    assert (response.status_code, response["Location"]) == (301, translation.url)
    assert client.get(translation.url).status_code == 200


def test_a_page_made_private_asks_for_a_login_at_once(client, vietnamese):
    page = build(StandardPage, vietnamese="translated")
    translation = twin(page, vietnamese)
    for url in (page.url, translation.url):
        assert client.get(url).status_code == 200
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    # Restrictions are mirrored to translations (pages.editorial.view_restrictions).
    assert client.get(translation.url).status_code == 302
    restriction.delete()
    assert client.get(page.url).status_code == 200


def test_an_odd_address_is_a_plain_not_found(client):
    # Spaces and very long paths are fine in a URL but not in a cache key.
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        for path, heading in (
            (section(NewsIndexPage, "en").url + "a%20b/", "Page not found"),
            (section(NewsIndexPage, "vi").url + "x" * 300 + "/", "Không tìm thấy trang"),
        ):
            response = client.get(path)
            assert response.status_code == 404
            assert heading in response.content.decode()


def test_a_routable_pages_own_addresses_still_answer(client):
    for listing in (section(NewsIndexPage, "en").url, section(NewsIndexPage, "vi").url):
        for _visit in range(2):
            assert client.get(listing).status_code == 200
            feed = client.get(listing + "feed/rss/")
            assert feed.status_code == 200
            assert "xml" in feed["Content-Type"]


def test_a_change_to_the_site_is_followed_at_once(client):
    url = build(StandardPage).url
    assert client.get(url).status_code == 200
    site = Site.objects.get(is_default_site=True)
    hostname = site.hostname
    site.hostname, site.is_default_site = "eip.example", False
    site.save()
    assert client.get(url).status_code == 404  # no site answers for "testserver"
    site.hostname, site.is_default_site = hostname, True
    site.save()
    assert client.get(url).status_code == 200


# --- cards and pictures kept as HTML ----------------------------------------------------


def test_a_new_title_shows_on_the_listing_cards_in_its_language(client):
    article, translation = translated_article()
    listings = {language: section(NewsIndexPage, language).url for language in ("en", "vi")}
    assert article.title in get_page(client, listings["en"])
    assert translation.title in get_page(client, listings["vi"])
    article.title = "Eco-industrial parks meet in Hai Phong"
    article.save_revision().publish()
    assert "Eco-industrial parks meet in Hai Phong" in get_page(client, listings["en"])
    vietnamese_listing = get_page(client, listings["vi"])
    assert "Eco-industrial parks meet in Hai Phong" not in vietnamese_listing
    assert translation.title in vietnamese_listing


def test_a_replaced_picture_shows_on_cards_and_articles(client):
    image = picture("harbour-at-noon", "#26a")
    article = build(NewsPage, lead_image=image)
    listing = section(NewsIndexPage).url
    assert article.url in get_page(client, listing)
    get_page(client, article.url)
    # As the admin's image form does when a new file is uploaded.
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1600, 900), "#2a6").save(buffer, "PNG")
    image.file = ImageFile(buffer, name="harbour-at-dawn.png")
    image.description = "A harbour at dawn"
    image._set_image_file_metadata()
    image.save()
    image.renditions.all().delete()
    assert "harbour-at-dawn" in get_page(client, listing)
    article_html = get_page(client, article.url)
    assert "harbour-at-dawn" in article_html
    assert 'alt="A harbour at dawn"' in article_html


# --- previews neither leak into nor are hidden by what is kept ----------------------------


@pytest.fixture
def draft_article(english, moderator):
    """An article with a draft that has another lead picture and one more topic."""
    topic, extra_topic = Theme.objects.filter(locale=english).order_by("pk")[:2]
    article = build(NewsPage, lead_image=picture("live-lead", "#36c"), themes=[topic])
    draft = NewsPage.objects.get(pk=article.pk)
    draft.lead_image = picture("only-in-the-draft", "#c33")
    draft.themes.add(extra_topic)
    draft.save_revision(user=moderator)
    return article, extra_topic


def preview(moderator, page):
    return get_page(client_for(moderator), reverse("wagtailadmin_pages:view_draft", args=[page.pk]))


@pytest.mark.parametrize("visitor_first", [True, False])
def test_a_preview_shows_the_draft_and_visitors_the_live_page(client, moderator, draft_article, visitor_first):
    article, extra_topic = draft_article
    if visitor_first:
        assert "only-in-the-draft" not in get_page(client, article.url)
    draft_html = preview(moderator, article)
    assert 'alt="only-in-the-draft"' in draft_html
    assert extra_topic.name in re.search(r'<p class="themes">.*?</p>', draft_html, re.S).group(0)
    live_html = get_page(client, article.url)
    assert "only-in-the-draft" not in live_html
    topics = re.search(r'<p class="themes">.*?</p>', live_html, re.S)
    assert topics is None or extra_topic.name not in topics.group(0)


# --- search ----------------------------------------------------------------------------


def result_urls(html):
    """The addresses in the result list (after the promoted section, if any)."""
    listing = html.rsplit('<ul class="search-results">', 1)[-1].split("</ul>")[0]
    return re.findall(r'<h3><a href="([^"]+)"', listing)


def test_searching_stores_nothing(client):
    before = Query.objects.count()
    get_page(client, "/en/search/?q=a+phrase+nobody+promoted")
    get_page(client, "/vi/search/?q=khu+cong+nghiep")
    assert Query.objects.count() == before


def test_a_promoted_page_leads_page_one_and_is_never_repeated(client, english):
    url = "/en/search/?q=industrial+park"
    before = [get_page(client, url), get_page(client, url + "&page=2")]
    total = int(re.search(r"(\d+) results? for", before[0]).group(1))
    assert total > 10  # two pages of results
    second_page = result_urls(before[1])
    by_url = {page.url: page for page in Page.objects.live().filter(locale=english)}
    target = by_url[second_page[0]]
    SearchPromotion.objects.create(query=Query.get("Industrial  Park"), page=target, sort_order=0)

    after = [get_page(client, url), get_page(client, url + "&page=2")]
    promoted = after[0].split('id="promoted-heading"')[1].split("</section>")[0]
    assert f'href="{target.url}"' in promoted
    assert 'id="promoted-heading"' not in after[1]
    listed = result_urls(after[0]) + result_urls(after[1])
    assert target.url not in listed
    assert len(listed) == len(set(listed))
    for html in after:
        assert int(re.search(r"(\d+) results? for", html).group(1)) == total - 1


def test_a_promoted_private_page_is_not_shown(client):
    page = build(StandardPage)
    SearchPromotion.objects.create(query=Query.get("introduction"), page=page, sort_order=0)
    assert 'id="promoted-heading"' in get_page(client, "/en/search/?q=introduction")
    group = Group.objects.get(name="Editors (English)")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(group)
    assert 'id="promoted-heading"' not in get_page(client, "/en/search/?q=introduction")


def test_category_pages_route_like_any_other(client, english, vietnamese):
    for category in NewsCategoryPage.objects.live().filter(locale__in=[english, vietnamese]):
        assert category.title in get_page(client, category.url)
        assert category.title in get_page(client, category.url)  # from the remembered address


# --- the menu kept as HTML --------------------------------------------------------------


def menu_of(html):
    return html.split('<ul class="menu">', 1)[1].split("</nav>", 1)[0]


def active_sections(menu):
    return re.findall(r'<li class="menu-item is-active">\s*<a href="([^"]+)"', menu)


@pytest.mark.parametrize(
    ("address", "active", "current"),
    [
        ("page in about", "about", "page in about"),
        ("news", "news", "news"),
        ("news by topic", "news", "news"),
        ("vi about", "vi about", "vi about"),
        ("vi news", "vi news", "vi news"),
        ("search", None, None),
    ],
)
def test_the_menu_marks_the_section_and_page_of_each_address(client, address, active, current):
    about, news = section(StandardPage, "en").url, section(NewsIndexPage, "en").url
    vi_about, vi_news = section(StandardPage, "vi").url, section(NewsIndexPage, "vi").url
    urls = {
        "page in about": build(StandardPage, section(StandardPage), show_in_menus=True).url,
        "about": about,
        "news": news,
        "news by topic": news + "?theme=policy-and-regulation",
        "vi about": vi_about,
        "vi news": vi_news,
        "search": "/en/search/?q=park",
    }
    # Other pages first, so that the menu kept for them is what could be served.
    for other in ("/en/", "/vi/", about, news, vi_about, vi_news):
        get_page(client, other)
    url = urls[address]
    menu = menu_of(get_page(client, url))
    assert active_sections(menu) == ([urls[active]] if active else [])
    assert re.findall(r'href="([^"]+)" aria-current="page"', menu) == ([urls[current]] if current else [])
    assert ("Trang chủ" in menu) == url.startswith("/vi/")
