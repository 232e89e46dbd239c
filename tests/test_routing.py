"""Pages are served by pages.cache.routing.serve: Wagtail's serve view through
Wagtail's public API only, with the request's Site and the routes remembered.

What Wagtail's own view does still happens on this path: view restrictions
(login and password), the before_serve_page hooks (404 for a page past its
date, sub-views included), routable pages' sub-views, 404 for drafts, and
Wagtail's redirects for addresses that lead nowhere.
"""

import re
from pathlib import Path

import pytest
from django.urls import resolve, reverse
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from events.models import EventPage
from news.models import NewsIndexPage
from pages.cache import routing
from pages.models import StandardPage

from .factories import build, section
from .fixtures import one_page_per_type_and_language
from .queries import warm_sql

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]


def test_pages_are_served_by_our_view_under_wagtails_name():
    page = build(StandardPage)
    with translation.override("en"):  # the language prefix resolved is the active language's
        match = resolve(page.url)
        # Wagtail reverses page URLs by that name.
        assert reverse("wagtail_serve", args=["about/"]) == "/en/about/"
    assert match.func is routing.serve
    assert match.url_name == "wagtail_serve"


def test_no_page_type_asks_the_database_for_the_site_once_warm(client):
    asked = {}
    for (page_type, language), url in one_page_per_type_and_language().items():
        sql = " ".join(warm_sql(client, url))
        if "wagtailcore_site" in sql:
            asked[f"{page_type} {language}"] = url
    assert not asked, asked


def test_a_remembered_page_is_loaded_as_the_orm_loads_it_for_every_page_type():
    from wagtail.models import Page

    for page in Page.objects.filter(depth__gte=2).specific().order_by("depth", "path"):
        model = type(page)
        loaded = routing.load_page(model, page.pk)
        assert type(loaded) is model
        for field in model._meta.concrete_fields:
            assert getattr(loaded, field.attname) == getattr(page, field.attname), (model.__name__, field.name)
        for field in model._meta.concrete_fields:  # StreamFields: the same blocks
            if hasattr(getattr(page, field.attname), "raw_data"):
                assert list(getattr(loaded, field.attname).raw_data) == list(getattr(page, field.attname).raw_data)
    assert routing.load_page(StandardPage, 10**9) is None


def test_a_remembered_page_that_was_deleted_is_not_found(client):
    page = build(StandardPage)
    assert client.get(page.url).status_code == 200  # its route is remembered
    url = page.url
    page.delete()
    assert client.get(url).status_code == 404


def test_routing_uses_no_private_wagtail_name():
    sources = [ROOT / "pages" / "cache" / "routing.py", *(ROOT / "pages" / "models").glob("*.py")]
    for source in sources:
        text = source.read_text()
        assert not re.search(r"_wagtail_|\._find_for_request|_cached_parent_obj", text), source


def test_a_password_protected_page_shows_its_form_then_the_page(client):
    page = build(StandardPage, title="Board papers")
    assert client.get(page.url).status_code == 200  # its route is remembered
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="board-only-2031"
    )
    response = client.get(page.url)
    html = response.content.decode()
    action = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    assert action in html
    assert 'type="password"' in html
    answer = client.post(action, {"password": "board-only-2031", "return_url": page.url})
    assert (answer.status_code, answer["Location"]) == (302, page.url)
    response = client.get(page.url)
    assert response.status_code == 200
    assert 'type="password"' not in response.content.decode()


def test_a_draft_is_not_found_and_a_published_page_is(client):
    draft = build(StandardPage, publish=False)
    assert client.get(draft.url or f"/en/{draft.slug}/").status_code == 404
    draft.save_revision().publish()
    assert client.get(draft.url).status_code == 200


def test_routable_sub_views_answer_after_the_page_is_remembered(client):
    event = build(EventPage)
    for _visit in range(2):
        assert client.get(event.url).status_code == 200
    calendar = client.get(event.url + "ics/")
    assert calendar.status_code == 200
    assert calendar["Content-Type"].startswith("text/calendar")
    # The registration view: a GET leads back to the event's form.
    response = client.get(event.url + "register/")
    assert (response.status_code, response["Location"]) == (302, event.url + "#registration")
    for listing in (section(NewsIndexPage, "en").url, section(NewsIndexPage, "vi").url):
        assert client.get(listing).status_code == 200
        assert client.get(listing + "feed/rss/").status_code == 200
        assert client.get(listing + "no-such-view/").status_code == 404


def test_wagtails_redirects_still_answer_an_address_that_leads_nowhere(client):
    page = build(StandardPage)
    Redirect.objects.create(old_path="/en/old-address-of-a-page", redirect_page=page)
    response = client.get("/en/old-address-of-a-page/")
    assert (response.status_code, response["Location"]) == (301, page.url)
