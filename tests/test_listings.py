"""Every listing filters by park the same way (pages.listing.Filters): it offers
the public parks of its language, a park's pages in any language are found by
its translation, and a park that is not offered (private, or made up) filters
nothing."""

import html as markup
import re

import pytest
from wagtail.models import Locale, PageViewRestriction

from events.models import EventIndexPage, EventPage, EventPark
from news.models import NewsIndexPage, NewsPage, NewsRelatedPage
from parks.models import ParkPage
from publications.models import PublicationIndexPage, PublicationPage, PublicationPark

from .editorial import twin
from .factories import build, section

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "vi")
# Each listing, the model it lists, and how its pages name a park.
LISTINGS = {
    "events": (EventIndexPage, EventPage, "park_links__park"),
    "news": (NewsIndexPage, NewsPage, "related_links__related"),
    "publications": (PublicationIndexPage, PublicationPage, "park_links__park"),
}


def naming(park, page_model):
    """The links that make a new page of ``page_model`` name ``park``."""
    if page_model is NewsPage:
        return {"related_links": [NewsRelatedPage(related=park)]}
    link = EventPark if page_model is EventPage else PublicationPark
    return {"park_links": [link(park=park)]}


def park_select(html):
    """The park filter's options: {pk: title}."""
    select = re.search(r'<select[^>]*name="park".*?</select>', html, re.S).group(0)
    return {
        int(pk): markup.unescape(title.strip())
        for pk, title in re.findall(r'<option value="(\d+)"[^>]*>([^<]+)<', select)
    }


def listed_titles(html):
    main = re.search(r'<main id="main-content".*?</main>', html, re.S).group(0)
    return {markup.unescape(t.strip()) for t in re.findall(r"<h[23][^>]*>\s*<a [^>]*>([^<]+)</a>", main)}


def public_parks(language):
    return {
        park.pk: park.title
        for park in ParkPage.objects.live().public().filter(locale__language_code=language).order_by("path")
    }


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("listing", LISTINGS)
def test_every_listing_offers_the_public_parks_and_filters_by_translation(client, listing, language):
    index_model, page_model, via = LISTINGS[listing]
    locale = Locale.objects.get(language_code=language)
    park = build(ParkPage, vietnamese="translated", title="Green Valley park", vi={"title": "KCN Thung Lũng Xanh"})
    # Its pages link the English park (links are synchronised): they are found
    # through the park's translation, whichever language's park is chosen.
    about = build(
        page_model,
        vietnamese="translated",
        title="About Green Valley",
        vi={"title": "Về Thung Lũng Xanh"},
        **naming(park, page_model),
    )
    build(page_model, vietnamese="translated", title="Elsewhere", vi={"title": "Nơi khác"})
    index = section(index_model, language)
    offered = park_select(client.get(index.url).content.decode())
    assert offered == public_parks(language) and offered[twin(park, locale).pk] == twin(park, locale).title

    linked = page_model.objects.live().filter(
        locale__language_code=language, **{f"{via}__translation_key": park.translation_key}
    )
    others = page_model.objects.live().filter(locale__language_code=language).exclude(pk__in=linked)
    linked_titles = {page.title for page in linked}
    other_titles = {page.title for page in others} - linked_titles
    assert linked_titles == {twin(about, locale).title} and other_titles
    shown = listed_titles(client.get(index.url, {"park": twin(park, locale).pk}).content.decode())
    assert shown & (linked_titles | other_titles) == linked_titles


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_private_park_is_offered_by_no_listing_and_filters_nothing(client, language):
    english = build(ParkPage, vietnamese="translated", title="Green Valley park", vi={"title": "KCN Thung Lũng Xanh"})
    park = twin(english, Locale.objects.get(language_code=language))
    # Each listing has a page about the park, which the forged filter would pick out.
    for _index, page_model, _via in LISTINGS.values():
        build(page_model, title="About Green Valley", **naming(english, page_model))
    urls = {name: section(index, language).url for name, (index, _, _) in LISTINGS.items()}
    before = {name: client.get(url).content.decode() for name, url in urls.items()}
    for name, html in before.items():
        assert park.pk in park_select(html), name

    PageViewRestriction.objects.create(page=park, restriction_type=PageViewRestriction.LOGIN)
    for name, url in urls.items():
        unfiltered = client.get(url).content.decode()
        assert park.pk not in park_select(unfiltered), name
        # ?park=<the private park> is not a choice: the listing is shown unfiltered.
        forged = client.get(url, {"park": park.pk}).content.decode()
        assert listed_titles(forged) == listed_titles(unfiltered), name


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("listing", LISTINGS)
def test_a_kept_listing_follows_each_filter_and_every_publish(client, listing, language):
    """The rows a listing shows are kept per filter choice (pages.listing.KeptRows):
    each choice gets its own, and a publish reaches every one of them."""
    index_model, page_model, _via = LISTINGS[listing]
    locale = Locale.objects.get(language_code=language)
    park = build(ParkPage, vietnamese="translated", title="Green Valley park", vi={"title": "KCN Thung Lũng Xanh"})
    build(page_model, vietnamese="translated", title="First about the valley", vi={"title": "Bài đầu về thung lũng"},
          **naming(park, page_model))  # fmt: skip
    url, chosen = section(index_model, language).url, {"park": twin(park, locale).pk}
    unfiltered, filtered = (listed_titles(client.get(url, query).content.decode()) for query in ({}, chosen))
    first = twin(page_model.objects.get(title="First about the valley"), locale).title
    assert first in filtered and first in unfiltered and len(unfiltered) > len(filtered)

    build(page_model, vietnamese="translated", title="Second about the valley", vi={"title": "Bài hai về thung lũng"},
          **naming(park, page_model))  # fmt: skip
    second = twin(page_model.objects.get(title="Second about the valley"), locale).title
    assert second in listed_titles(client.get(url, chosen).content.decode())
    assert second in listed_titles(client.get(url).content.decode())


def test_the_library_keeps_no_rows_for_a_visitors_search_words(client):
    from django.core.cache import cache

    library = section(PublicationIndexPage, "en")
    build(PublicationPage, title="Guide to zirconium recovery")
    cache.clear()
    html = client.get(library.url, {"q": "zirconium"}).content.decode()
    assert "Guide to zirconium recovery" in listed_titles(html)
    kept = " ".join(str(key) for key in cache._cache)  # the test settings' local-memory cache
    assert "rows:library" not in kept and "zirconium" not in kept
    # Without search words, the same listing is kept.
    client.get(library.url)
    assert "rows:library" in " ".join(str(key) for key in cache._cache)


@pytest.mark.parametrize("listing", LISTINGS)
def test_a_visitors_unknown_theme_is_told_to_that_visitor_only(client, listing):
    """The filter form is kept per checked choice; what a visitor typed that is not
    a choice is answered to them, never kept into the form everyone else gets."""
    url = section(LISTINGS[listing][0], "vi").url
    typed = client.get(url, {"theme": "free-crypto-prize"}).content.decode()
    assert "free-crypto-prize" in typed
    assert "free-crypto-prize" not in client.get(url).content.decode()
