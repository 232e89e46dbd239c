"""Private pages (a view restriction on them or above) are named by no listing,
filter list, related list or total, in either language; future-dated news
stays out of search until its date; uploads served by Django never include
documents, whose privacy only Wagtail's serve view checks.

Each check first proves the thing is visible, then that it is gone, so the
"gone" check can fail."""

import datetime
import re
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

from events.models import EventIndexPage, EventPage, EventPark
from news.models import NewsIndexPage, NewsPage
from parks.indicators import Kind
from parks.models import (
    CaseStudyPage,
    CaseStudyPark,
    CompanyResult,
    CompanyResultsPage,
    ParkIndicator,
    ParkPage,
    Sector,
)
from publications.models import PublicationCategoryPage, PublicationIndexPage, PublicationPage

from .factories import build, section
from .fixtures import get_page

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "vi")
# The demo's page that shows the parks' totals (a live-data block in its body).
PROJECT_RESULTS = {"en": "/en/about/project-results/", "vi": "/vi/gioi-thieu/ket-qua-du-an/"}


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def in_language(page, language):
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def option(pk):
    return f'<option value="{pk}"'


def linked(page_or_url):
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    return f'href="{url}"'


# --- private parks -------------------------------------------------------------


@pytest.fixture
def private_park():
    """A park with an event, a case study, company results and a figure, in both languages."""
    park = build(ParkPage, vietnamese="translated", title="Green Valley park", vi={"title": "KCN Thung Lũng Xanh"})
    for language in LANGUAGES:
        page = in_language(park, language)
        ParkIndicator.objects.create(
            page=page, locale=page.locale, kind=Kind.CO2E, first_year=2020, year=2023, value=900, source="UNIDO"
        )
    build(EventPage, title="Study tour to Green Valley", park_links=[EventPark(park=park)])
    build(CaseStudyPage, title="Green Valley's mills trade by-products", park_links=[CaseStudyPark(park=park)])
    for company, measures in (("Food processor A", 3), ("Paper mill B", 4)):
        result = CompanyResult.objects.create(
            locale=Locale.objects.get(language_code="en"),
            company=company,
            park=park,
            sector=Sector.FOOD,
            year=2023,
            measures=measures,
            source="UNIDO, 2024",
        )
        result.copy_for_translation(Locale.objects.get(language_code="vi")).save()
    return park


def park_channels(park, language):
    """Where a park is named: (url, the text that names it there)."""
    twin = in_language(park, language)
    event = EventPage.objects.filter(locale__language_code=language, park_links__park=park).first()
    if event is None:  # event park links are synchronised: they point at the English park
        event = in_language(EventPage.objects.filter(park_links__park=park).first(), language)
    study = in_language(CaseStudyPage.objects.filter(park_links__park=park).first(), language)
    companies = section(CompanyResultsPage, language).url
    return {
        "events filter": (section(EventIndexPage, language).url, option(twin.pk)),
        "an event's parks": (event.url, linked(twin)),
        "a case study's parks": (study.url, linked(twin)),
        "company results filter": (companies, option(twin.pk)),
        "company results rows": (companies, f"<td>{twin.title}</td>"),
        "news filter": (section(NewsIndexPage, language).url, option(twin.pk)),
        "publications filter": (section(PublicationIndexPage, language).url, option(twin.pk)),
    }


def test_a_private_park_is_named_in_no_listing_or_filter(client, private_park):
    for language in LANGUAGES:  # seen while public, so the check below can fail
        for channel, (url, text) in park_channels(private_park, language).items():
            assert text in get_page(client, url), f"{channel} ({language}) should name the public park"
    restrict(private_park)
    leaks = [
        f"{channel} ({language})"
        for language in LANGUAGES
        for channel, (url, text) in park_channels(private_park, language).items()
        if text in get_page(client, url)
    ]
    assert leaks == [], "the private park shows in these places"


def test_a_private_park_is_not_offered_as_a_filter_value(client, private_park):
    restrict(private_park)
    html = get_page(client, f"{section(EventIndexPage).url}?park={private_park.pk}")
    assert option(private_park.pk) not in html
    assert f'value="{private_park.pk}" selected' not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_private_park_counts_in_no_total(client, private_park, language):
    locale = Locale.objects.get(language_code=language)
    rows = CompanyResult.objects.filter(locale=locale)
    hidden = rows.filter(park__translation_key=private_park.translation_key)
    assert hidden.exists()
    separator = "," if language == "en" else "."

    def measures():
        # One total per year and status: together they add every listed row.
        html = get_page(client, section(CompanyResultsPage, language).url)
        return sum(int(value.replace(separator, "")) for value in re.findall(r'data-total="measures">([^<]+)<', html))

    def park_totals():
        html = get_page(client, PROJECT_RESULTS[language])
        start = html.index('class="block-key-figures park-totals"')
        return html[start : html.index("</section>", start)]

    name = private_park.get_translation(locale).title
    assert measures() == sum(row.measures for row in rows)
    assert name in park_totals()
    restrict(private_park)
    assert measures() == sum(row.measures for row in rows) - sum(row.measures for row in hidden)
    assert name not in park_totals()


def test_a_private_publication_is_not_among_related_publications(client):
    category = build(PublicationCategoryPage, title="Toolkit")
    publication, sibling = build(PublicationPage, category), build(PublicationPage, category)
    assert linked(publication) in get_page(client, sibling.url)
    restrict(publication)
    assert linked(publication) not in get_page(client, sibling.url)


# --- future-dated news in search ---------------------------------------------------


def test_search_shows_a_future_dated_article_only_once_its_date_comes(client):
    word = "Zyxwvutron"  # a word no other page has
    article = build(NewsPage, title=f"{word} announcement", date=timezone.now() + datetime.timedelta(days=3))
    search = f"/en/search/?q={word.lower()}"
    listing = section(NewsIndexPage).url
    assert linked(article) not in get_page(client, listing), "the listing hides the article before its date"
    assert linked(article) not in get_page(client, search), "search shows an article the listing hides"
    with time_machine.travel(article.date + datetime.timedelta(minutes=1)):
        assert linked(article) in get_page(client, search), "once its date comes, search finds it without reindexing"


# --- documents and SERVE_MEDIA -------------------------------------------------------

SECRET = b"budget-line-7Qx-not-for-anyone"


@pytest.fixture
def private_document():
    private = Collection.get_first_root_node().add_child(name="Partners only")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Internal budget", collection=private, file=ContentFile(b"%PDF-1.4 " + SECRET, name="budget.pdf")
    )
    yield document
    document.file.delete(save=False)


def test_documents_are_never_served_from_their_media_path(client, private_document):
    name = private_document.file.name
    assert name.startswith("documents/")
    assert (Path(settings.MEDIA_ROOT) / name).is_file()
    assert client.get(private_document.url).status_code == 302, "Wagtail's serve view asks for a login"
    media = settings.MEDIA_URL
    for url, status in {
        f"{media}{name}": 404,
        f"{media}./{name}": 404,
        f"{media}/{name}": 404,
        # Climbing out of a public folder is refused as a suspicious path.
        f"{media}images/../{name}": 400,
        f"{media}images/%2e%2e/{name}": 400,
        f"{media}videos/../{name}": 400,
    }.items():
        response = client.get(url)
        assert response.status_code == status, f"{url} answered {response.status_code}"
        assert SECRET not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_images_are_still_served_from_media(client):
    image = get_image_model().objects.create(title="Park", file=get_test_image_file())
    try:
        response = client.get(image.file.url)
        assert response.status_code == 200
        rendition = image.get_rendition("width-100")
        assert client.get(rendition.url).status_code == 200
    finally:
        image.delete()
