"""Every page type, made by the test builders with only what it requires, is
served in both languages: a page an editor leaves sparse never breaks, and the
builders the other tests rely on make real, routable pages."""

import pytest
from wagtail.models import get_page_models

from news.models import NewsPage
from pages.models import HomePage, NoticePage, StandardPage

from .factories import DEFAULTS, build, section
from .fixtures import get_page

pytestmark = pytest.mark.django_db

# A second home page is no page a visitor can reach (it has no site).
BUILT = [model for model in get_page_models() if model in DEFAULTS and model is not HomePage]


def test_every_page_type_has_a_builder():
    missing = {model.__name__ for model in get_page_models() if model._meta.app_label != "wagtailcore"} - {
        model.__name__ for model in DEFAULTS
    }
    assert not missing


@pytest.mark.parametrize("model", BUILT, ids=lambda model: model.__name__)
def test_a_sparse_page_of_each_type_is_served_in_both_languages(client, model):
    fields = {}
    if model is NoticePage:
        # One notice of a kind per language: make room for the new one.
        for notice in NoticePage.objects.filter(kind=NoticePage.Kind.TERMS):
            notice.delete()
        fields["kind"] = NoticePage.Kind.TERMS
    page = build(model, vietnamese="translated", **fields)
    vietnamese = page.get_translation(section(HomePage, "vi").locale)
    english_html = get_page(client, page.url)
    vietnamese_html = get_page(client, vietnamese.url)
    assert page.title in english_html and '<html lang="en"' in english_html
    assert vietnamese.title.startswith("Trang thử nghiệm ")
    assert vietnamese.title in vietnamese_html and '<html lang="vi"' in vietnamese_html
    assert vietnamese.url.startswith("/vi/") and "trang-thu-nghiem-" in vietnamese.url


def test_an_alias_twin_follows_the_english_page(client):
    article = build(NewsPage, title="Park operators sign a symbiosis agreement")
    alias = article.get_translation(section(HomePage, "vi").locale)
    assert alias.alias_of_id == article.pk
    assert "Park operators sign a symbiosis agreement" in get_page(client, alias.url)


def test_a_draft_is_not_served(client):
    draft = build(StandardPage, publish=False, vietnamese=None)
    assert not draft.live and draft.has_unpublished_changes
    assert client.get(draft.url).status_code == 404
