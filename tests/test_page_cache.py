"""The whole-page cache: what a visitor gets from it, and when a change shows.

Each test turns the cache on (the test settings leave it off so that other
tests see every render) and changes content the way an editor does.
"""

import gzip
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from news.models import NewsCategoryPage, NewsIndexPage, NewsPage
from pages.models import ContactPage, RelatedAgency, StandardPage

from .factories import build, section
from .test_contact import VALID

pytestmark = pytest.mark.django_db

HOME = {"en": "/en/", "vi": "/vi/"}


def about_url(language):
    """The first text page under the home page (About, in the demo)."""
    return section(StandardPage, language).url


def news_url(language):
    return section(NewsIndexPage, language).url


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE = True


def cache_state(client, url, **headers):
    response = client.get(url, **headers)
    return response.status_code, response.get("X-Cache")


def warm(client, *urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    for url in urls:
        assert client.get(url)["X-Cache"] == "hit", url


def hits(client, *urls):
    return {url: client.get(url)["X-Cache"] == "hit" for url in urls}


def article(language):
    return NewsPage.objects.live().filter(locale__language_code=language).order_by("-date").first()


def test_second_visit_is_served_from_the_cache_after_one_query_for_the_generations(client):
    url = about_url("en")
    first = client.get(url)
    assert first["X-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second["X-Cache"] == "hit"
    # The only question asked: is what this worker holds still current?
    assert [query["sql"].split(" FROM ")[1].split()[0] for query in queries] == ["pages_generation"]
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "public" in second["Cache-Control"]
    assert "s-maxage=300" in second["Cache-Control"]
    assert "stale-while-revalidate=" in second["Cache-Control"]


def test_a_browser_revalidating_gets_not_modified(client):
    etag = client.get(about_url("en"))["ETag"]
    response = client.get(about_url("en"), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag


def test_query_strings_in_any_order_share_one_entry_and_differ_from_others(client):
    assert client.get(news_url("en") + "?page=1&theme=policy-and-regulation")["X-Cache"] == "miss"
    assert client.get(news_url("en") + "?theme=policy-and-regulation&page=1")["X-Cache"] == "hit"
    assert client.get(news_url("en") + "?page=2")["X-Cache"] == "miss"


def test_compressed_and_plain_answers_are_kept_apart(client):
    gzipped = client.get(about_url("en"), HTTP_ACCEPT_ENCODING="gzip, br")
    assert (gzipped["X-Cache"], gzipped["Content-Encoding"]) == ("miss", "gzip")
    plain = client.get(about_url("en"))
    assert plain["X-Cache"] == "miss"
    assert "Content-Encoding" not in plain
    assert "Skip to main content" in plain.content.decode()
    again = client.get(about_url("en"), HTTP_ACCEPT_ENCODING="gzip")
    assert (again["X-Cache"], again["Content-Encoding"]) == ("hit", "gzip")
    assert gzip.decompress(again.content) == plain.content


def test_the_language_cookie_does_not_bypass_the_cache(client):
    client.get(about_url("vi"))
    client.cookies["django_language"] = "en"
    assert client.get(about_url("vi"))["X-Cache"] == "hit"


def test_the_root_redirect_follows_each_visitors_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="vi")["Location"] == "/vi/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/"


def test_logged_in_editors_never_get_or_leave_a_cached_page(client, admin_user):
    anonymous = Client()
    anonymous.get(about_url("en"))
    client.force_login(admin_user)
    response = client.get(about_url("en"))
    assert response["X-Cache"] == "bypass"
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]

    other = build(StandardPage, vietnamese=None).url
    client.get(other)
    assert Client().get(other)["X-Cache"] == "miss"  # the editor's copy was not stored


def test_error_pages_are_never_stored(client):
    assert cache_state(client, "/en/no-such-page/") == (404, "bypass")
    assert cache_state(client, "/en/no-such-page/") == (404, "bypass")
    assert cache_state(client, news_url("en") + "?page=999")[0] == 200  # a listing clamps bad pages


def test_the_contact_form_keeps_a_valid_csrf_token(english):
    url = section(ContactPage).url
    browser = Client(enforce_csrf_checks=True)
    warm_up = Client()
    assert warm_up.get(url)["X-Cache"] == "bypass"  # the form page is never stored
    response = browser.get(url)
    assert response["X-Cache"] == "bypass"
    assert "no-store" in response["Cache-Control"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)
    page = ContactPage.objects.get(locale=english)
    posted = browser.post(url, {**VALID["en"], "csrfmiddlewaretoken": token})
    assert posted.status_code == 200
    assert page.get_submission_class().objects.filter(page=page).count() == 1
    # A page without a form stays cached for a visitor holding a CSRF cookie.
    browser.get(about_url("en"))
    assert browser.get(about_url("en"))["X-Cache"] == "hit"


def test_publishing_shows_on_the_page_its_listings_and_the_home_page(client):
    news = article("en")
    category = news.get_parent()
    warm(client, news.url, category.url, news_url("en"), HOME["en"])
    news.title = "Eco-industrial parks cut water use by a third"
    news.save_revision().publish()
    for url in (news.url, category.url, news_url("en"), HOME["en"]):
        response = client.get(url)
        assert response["X-Cache"] == "miss", url
        assert "Eco-industrial parks cut water use by a third" in response.content.decode(), url


def test_a_vietnamese_translation_published_alone_keeps_the_english_cache(client, english):
    vi_article = article("vi")
    en_article = vi_article.get_translation(english)
    english_pages = [HOME["en"], news_url("en"), about_url("en")]
    warm(client, vi_article.url, news_url("vi"), HOME["vi"], en_article.url, *english_pages)

    vi_article.title = "Khu công nghiệp sinh thái giảm một phần ba lượng nước"
    vi_article.save_revision().publish()

    assert hits(client, *english_pages) == dict.fromkeys(english_pages, True)
    for url in (vi_article.url, news_url("vi"), HOME["vi"]):
        response = client.get(url)
        assert response["X-Cache"] == "miss", url
        assert "Khu công nghiệp sinh thái giảm một phần ba lượng nước" in response.content.decode(), url
    # The English twin links to it from its language switcher, so it is rendered again.
    assert client.get(en_article.url)["X-Cache"] == "miss"


@pytest.mark.parametrize("remove", ["unpublish", "delete"])
def test_unpublishing_or_deleting_removes_the_page_and_its_card(client, remove):
    news = article("en")
    title = news.title
    warm(client, news.url, news_url("en"))
    getattr(news, remove)()
    assert client.get(news.url).status_code == 404
    assert title not in client.get(news_url("en")).content.decode()


def test_moving_shows_at_the_new_address_in_every_language(
    client, english, vietnamese, django_capture_on_commit_callbacks
):
    news = article("en")
    old_url = news.url
    other_category = NewsCategoryPage.objects.filter(locale=english).exclude(pk=news.get_parent().pk).first()
    vi_twin = news.get_translation(vietnamese)
    warm(client, old_url, vi_twin.url)
    with django_capture_on_commit_callbacks(execute=True):
        news.move(other_category, pos="last-child")
    news.refresh_from_db()
    moved = client.get(old_url)
    assert (moved.status_code, moved["Location"]) == (301, news.url)  # Wagtail's automatic redirect
    assert client.get(news.url).status_code == 200
    # The Vietnamese twin's language switcher now points at the new English address.
    assert f'href="{news.url}" lang="en"' in client.get(vi_twin.url).content.decode()


def test_a_changed_slug_updates_links_in_every_language(client, english, django_capture_on_commit_callbacks):
    page = section(StandardPage, "en")  # in the menu of every page
    warm(client, HOME["en"], HOME["vi"], about_url("vi"))
    assert f'href="{page.url}"' in client.get(HOME["en"]).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page.slug = "about-us"
        page.save_revision().publish()
    assert 'href="/en/about-us/"' in client.get(HOME["en"]).content.decode()
    assert 'href="/en/about-us/" lang="en"' in client.get(about_url("vi")).content.decode()


def test_a_footer_change_shows_on_every_page_of_both_languages(client, english):
    pages = [HOME["en"], about_url("en"), news_url("en"), HOME["vi"], about_url("vi"), news_url("vi")]
    warm(client, *pages)
    agency = RelatedAgency.objects.filter(locale=english).first()
    agency.name = "Ministry of Environment and Industrial Symbiosis"
    agency.save()
    for url in pages:
        response = client.get(url)
        assert response["X-Cache"] == "miss", url
    assert "Ministry of Environment and Industrial Symbiosis" in client.get(about_url("en")).content.decode()


def test_a_vietnamese_footer_translation_keeps_the_english_cache(client, vietnamese):
    warm(client, HOME["en"], about_url("en"), HOME["vi"])
    agency = RelatedAgency.objects.filter(locale=vietnamese).first()
    agency.name = "Bộ Tài nguyên và Cộng sinh công nghiệp"
    agency.save()
    assert hits(client, HOME["en"], about_url("en")) == {HOME["en"]: True, about_url("en"): True}
    assert "Bộ Tài nguyên và Cộng sinh công nghiệp" in client.get(HOME["vi"]).content.decode()


def test_a_footer_item_written_in_vietnamese_reaches_the_english_cache(client, vietnamese):
    """A Vietnamese original is every language's fallback until translated (pages.origin)."""
    warm(client, HOME["en"], HOME["vi"])
    RelatedAgency.objects.create(
        locale=vietnamese, short_name="Bắc Ninh", name="Ban Quản lý các KCN tỉnh Bắc Ninh", url="https://example.org/bn"
    )
    response = client.get(HOME["en"])
    assert response["X-Cache"] == "miss" and "Ban Quản lý các KCN tỉnh Bắc Ninh" in response.content.decode()


def test_a_language_changed_in_settings_shows_on_every_page(client, vietnamese):
    # Menus, language switchers and the active locale of every fragment depend on the locales.
    pages = [HOME["en"], news_url("en"), HOME["vi"], news_url("vi")]
    warm(client, *pages)
    vietnamese.save()
    assert hits(client, *pages) == dict.fromkeys(pages, False)


def test_without_the_setting_nothing_is_stored(client, settings):
    settings.PAGE_CACHE = False
    client.get(about_url("en"))
    response = client.get(about_url("en"))
    assert "X-Cache" not in response


def test_admin_pages_are_untouched(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    assert "X-Cache" not in client.get("/admin/")


def test_a_page_made_private_is_no_longer_shown_to_visitors(client, english):
    intro = build(StandardPage, vietnamese=None)
    warm(client, intro.url)
    PageViewRestriction.objects.create(page=intro, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(intro.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


# --- what visitors can put in the query string -----------------------------------


def stored_entries():
    """How many answers the page caches hold (each worker's own memory, as in the tests)."""
    return {alias: len(caches[alias]._cache) for alias in ("pages", "page_variants")}


def test_a_listing_keeps_the_filters_and_pages_it_offers(client):
    category = NewsCategoryPage.objects.live().filter(locale__language_code="en").first()
    listing = news_url("en")
    for url in (f"{listing}?page=2", f"{listing}?category={category.slug}", f"{listing}?category="):
        assert client.get(url)["X-Cache"] == "miss", url
        assert client.get(url)["X-Cache"] == "hit", url


@pytest.mark.parametrize(
    "query",
    [
        "z=1",  # a parameter no page reads
        "utm_source=newsletter",  # tracking: answered fresh, never stored with the visitor's words in its links
        "page=abc",  # not a page number
        "page=999",  # past the last page: the listing shows the last one
        "page=2&page=3",  # one value only
        "category=no-such-category",
        "year=1999",
    ],
)
def test_query_strings_a_page_does_not_take_as_given_are_answered_fresh_and_not_kept(client, query):
    url = f"{news_url('en')}?{query}"
    assert client.get(url).status_code == 200
    again = client.get(url)
    assert again.status_code == 200 and again["X-Cache"] == "bypass", url


def test_searches_are_answered_fresh_and_not_kept(client):
    for _ in range(2):
        response = client.get("/en/search/?q=industrial+park")
        assert response.status_code == 200 and response["X-Cache"] == "bypass"


def test_junk_query_strings_do_not_grow_the_cache_or_evict_pages(client):
    warm(client, HOME["en"], news_url("en"), news_url("en") + "?page=2")
    before = stored_entries()
    for number in range(300):
        client.get(f"/en/?z={number}")
        client.get(f"{news_url('en')}?page=abc{number}")
        client.get(f"/en/search/?q=word{number}")
    assert stored_entries() == before
    assert hits(client, HOME["en"], news_url("en"), news_url("en") + "?page=2") == dict.fromkeys(
        (HOME["en"], news_url("en"), news_url("en") + "?page=2"), True
    )


def test_variants_can_only_evict_variants(client, settings):
    rooms = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 4}}
    settings.CACHES = {**settings.CACHES, "page_variants": {**rooms, "LOCATION": "small-variants"}}
    warm(client, HOME["en"], about_url("en"))
    categories = NewsCategoryPage.objects.live().filter(locale__language_code="en")
    for category in categories:
        for number in (1, 2):
            client.get(f"{news_url('en')}?category={category.slug}&page={number}")
    assert hits(client, HOME["en"], about_url("en")) == {HOME["en"]: True, about_url("en"): True}
