"""One rule decides what the public may see now (pages.visibility, issue #28).

A private article (login), a password-protected one, a draft (unpublished), one
dated ahead, one past its expiry date (before the scheduler unpublishes it) and
a document in a private collection attached to a public publication are walked
through every public surface in both languages: the news listing and its year
filter, the home page, the RSS and Atom feeds, search and its promotions, the
datasets in CSV and JSON, the API (search, newest news, detail), the sitemap, a
park's list of news, the e-mail announcements and the pages' own addresses. A
public control item is on every one of them, so each check can fail; the
article dated ahead appears everywhere once its date comes.
"""

import datetime
import json

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction

from news.models import NewsIndexPage, NewsPage, NewsRelatedPage
from pages.models import StandardPage
from pages.updates.announcements import announced_at, is_shown
from parks.models import ParkPage
from publications.models import PublicationIndexPage, PublicationPage

from .factories import build, section
from .fixtures import clear_caches, get_page

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "vi")
WORD = "zephyrquill"  # in every item's title, in no other page
HIDDEN = ("private", "password", "draft", "future", "expired")


def twins_of(page):
    locales = {language: Locale.objects.get(language_code=language) for language in LANGUAGES}
    return {language: page.get_translation(locale).specific for language, locale in locales.items()}


@pytest.fixture
def articles():
    """The control and each hidden article, as {name: {language: page}}, all about one park.
    The expired one is still live, as until the scheduler's job (run_jobs) unpublishes it."""
    now = timezone.now().replace(microsecond=0)
    park = section(ParkPage)
    dates = {"control": now - datetime.timedelta(minutes=2), "future": now + datetime.timedelta(days=3 * 366)}
    made = {}
    for name in ("control", *HIDDEN):
        page = build(
            NewsPage,
            vietnamese="translated",
            title=f"{WORD.capitalize()} {name} article",
            vi={"title": f"Bài {WORD.capitalize()} {name}"},
            date=dates.get(name, now - datetime.timedelta(minutes=1)),
            related_links=[NewsRelatedPage(related=park)],
        )
        made[name] = twins_of(page)
    for page in made["private"].values():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for page in made["password"].values():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    for page in made["draft"].values():
        page.unpublish()
    Page.objects.filter(pk__in=[p.pk for p in made["expired"].values()]).update(
        expire_at=now - datetime.timedelta(minutes=1)
    )
    for name, pages in made.items():
        for page in pages.values():
            SearchPromotion.objects.create(
                query=Query.get(WORD), page=page, sort_order=0, description=f"Promoted {name} pick"
            )
    clear_caches()  # updates on querysets send no signal
    return made


def news_surfaces(language):
    """Where an article may be named: {surface: url}."""
    index = section(NewsIndexPage, language)
    park = section(ParkPage, language)
    return {
        "news listing": index.url,
        "home page": f"/{language}/",
        "RSS feed": index.url + index.reverse_subpage("rss"),
        "Atom feed": index.url + index.reverse_subpage("atom"),
        "search and promotions": f"/{language}/search/?q={WORD}",
        "news dataset CSV": f"/{language}/data/news.csv",
        "news dataset JSON": f"/{language}/data/news.json",
        "API search": f"/api/v2/pages/?search={WORD}&locale={language}&limit=50",
        "API newest news": f"/api/v2/pages/?type=news.NewsPage&order=-first_published_at&locale={language}&limit=50",
        "sitemap": f"/sitemaps/{language}/{index.slug}/1.xml",
        "park's news": park.url,
    }


def named(client, url, page, name):
    """Whether the answer at ``url`` names the page (its address or its promotion)."""
    text = get_page(client, url)
    return page.url in text or f"Promoted {name} pick" in text


def test_no_hidden_article_on_any_surface_in_either_language(client, articles):
    missing, leaks = [], []
    for language in LANGUAGES:
        for surface, url in news_surfaces(language).items():
            if not named(client, url, articles["control"][language], "control"):
                missing.append(f"{surface} ({language})")
            leaks += [
                f"{name} on {surface} ({language})"
                for name in HIDDEN
                if named(client, url, articles[name][language], name)
            ]
    assert missing == [], "the public control article should be on every surface"
    assert leaks == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_api_detail_and_the_pages_own_addresses(client, articles, language):
    def api(name):
        return client.get(f"/api/v2/pages/{articles[name][language].pk}/").status_code

    assert api("control") == 200
    assert {name: api(name) for name in HIDDEN} == dict.fromkeys(HIDDEN, 404)
    own = {name: client.get(articles[name][language].url) for name in ("control", *HIDDEN)}
    assert own["control"].status_code == 200
    # Dated ahead or past its expiry: not found, like a page scheduled to go live.
    assert {name: own[name].status_code for name in ("draft", "future", "expired")} == dict.fromkeys(
        ("draft", "future", "expired"), 404
    )
    assert own["private"].status_code == 302, "a login is asked for"
    assert own["password"].status_code == 200 and 'name="password"' in own["password"].content.decode()
    assert articles["password"][language].intro not in own["password"].content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_year_filter_offers_no_year_only_future_articles_hold(client, articles, language):
    future = articles["future"][language]
    year = f'<option value="{timezone.localtime(future.date).year}"'
    listing = section(NewsIndexPage, language).url
    assert f'<option value="{timezone.localdate().year}"' in get_page(client, listing)
    assert year not in get_page(client, listing)
    with time_machine.travel(future.date + datetime.timedelta(minutes=1)):
        clear_caches()
        assert year in get_page(client, listing), "its year comes with it"


def test_the_future_article_is_everywhere_once_its_date_comes(client, articles):
    future = articles["future"]
    with time_machine.travel(future["en"].date + datetime.timedelta(minutes=1)):
        clear_caches()
        absent = [
            f"{surface} ({language})"
            for language in LANGUAGES
            for surface, url in news_surfaces(language).items()
            if not named(client, url, future[language], "future")
        ]
        assert client.get(future["vi"].url).status_code == 200
    # The home page shows the three newest and a park its six newest: dated
    # years ahead, the article leads both.
    assert absent == []


def test_announcements_follow_the_rule(articles):
    en = {name: pages["en"] for name, pages in articles.items()}
    assert is_shown(en["control"])
    assert {name: is_shown(en[name]) for name in ("private", "password", "draft", "expired")} == dict.fromkeys(
        ("private", "password", "draft", "expired"), False
    )
    # Dated ahead: announced on its date, not before (pages.updates.announcements.announced_at).
    assert is_shown(en["future"]) and announced_at(en["future"]) == en["future"].date


# --- a private collection's document and image ------------------------------------------


@pytest.fixture
def private_collection():
    private = Collection.get_first_root_node().add_child(name="Partners only")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    return private


@pytest.fixture
def files(private_collection):
    """A public publication with a private collection's file (English) and a public one (Vietnamese)."""

    def pdf(name, collection=None):
        document = get_document_model()(title=name, **({"collection": collection} if collection else {}))
        document.file.save(name, ContentFile(b"%PDF-1.4 " + b"0" * 512), save=False)
        document._set_document_file_metadata()
        document.save()
        return document

    private, public = pdf("partners-budget.pdf", private_collection), pdf("public-report.pdf")
    publication = build(
        PublicationPage,
        vietnamese="translated",
        title="Zephyrquill cleaner production report",
        vi={"title": "Báo cáo Zephyrquill sản xuất sạch hơn"},
        file_en=private,
        file_vi=public,
    )
    article = build(
        StandardPage,
        vietnamese=None,
        body=[("document", {"document": private, "title": ""}), ("document", {"document": public, "title": ""})],
    )
    yield {"private": private, "public": public, "publication": twins_of(publication), "page": article}
    for document in (private, public):
        document.file.delete(save=False)


def test_a_private_collections_document_is_named_nowhere(client, files):
    assert client.get(files["private"].url).status_code == 302, "the file itself asks for a login"
    missing, leaks = [], []
    for language in LANGUAGES:
        surfaces = {
            "publications dataset CSV": f"/{language}/data/publications.csv",
            "publications dataset JSON": f"/{language}/data/publications.json",
            "the publication's page": files["publication"][language].url,
            "the library": section(PublicationIndexPage, language).url,
            "API documents": "/api/v2/documents/?limit=50",
        }
        for surface, url in surfaces.items():
            text = get_page(client, url)
            if files["public"].url not in text and files["public"].title not in text:
                missing.append(f"{surface} ({language})")
            if files["private"].url in text or files["private"].title in text:
                leaks.append(f"{surface} ({language})")
    body = get_page(client, files["page"].url)  # a document block in a page's body
    assert files["public"].url in body and files["private"].url not in body
    assert missing == [], "the public file should be named on every surface"
    assert leaks == []
    row = next(
        item
        for item in json.loads(get_page(client, "/en/data/publications.json"))["rows"]
        if item["url"].endswith(files["publication"]["en"].url)
    )
    assert row["languages"] == ["vi"] and row["file_url_en"] == ""


def test_a_private_collections_image_is_not_listed_by_the_api(client, private_collection):
    # Wagtail's own viewset held this already; the site's rule must keep it.
    image = get_image_model().objects.create(title="Zephyrquill board meeting", file=get_test_image_file())
    try:
        assert image.title in get_page(client, "/api/v2/images/?limit=50")
        image.collection = private_collection
        image.save()
        assert image.title not in get_page(client, "/api/v2/images/?limit=50")
    finally:
        image.delete()


def test_the_language_switcher_and_hreflang_point_at_no_twin_the_public_may_not_see(client):
    article = build(NewsPage, vietnamese="translated", title="Switcher article", vi={"title": "Bài chuyển ngôn ngữ"})
    vietnamese = article.get_translation(Locale.objects.get(language_code="vi"))
    alternate = '<link rel="alternate" hreflang="vi" href="'
    html = get_page(client, article.url)
    assert alternate in html and f'href="{vietnamese.url}"' in html
    # The Vietnamese twin past its expiry date (until the scheduler unpublishes it): not pointed at.
    Page.objects.filter(pk=vietnamese.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    clear_caches()
    html = get_page(client, article.url)
    assert vietnamese.url not in html and alternate not in html
    assert client.get(vietnamese.url).status_code == 404
