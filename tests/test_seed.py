"""seed_demo builds the bilingual site once, through wagtail-localize."""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from news.demo import VIETNAMESE_ONLY
from news.models import NewsPage
from pages import origin
from pages.models import Partner, RelatedAgency, StandardPage, TeamMember
from publications.models import PublicationPage

pytestmark = pytest.mark.django_db


def _counts():
    return {
        "pages": Page.objects.count(),
        "partners": Partner.objects.count(),
        "agencies": RelatedAgency.objects.count(),
        "team": TeamMember.objects.count(),
        "images": get_image_model().objects.count(),
        "translations": Translation.objects.count(),
        "sources": TranslationSource.objects.count(),
        "redirects": Redirect.objects.count(),  # the old websites' addresses among them
    }


def test_running_seed_demo_again_changes_nothing_and_reports_each_section():
    before = _counts()
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert _counts() == before
    lines = out.getvalue().splitlines()
    # One progress line per section, with the time it took.
    for section in ("seed_shell", "seed_parks", "seed_events", "seed_publications", "seed_news", "seed_contact"):
        assert any(re.search(rf"^Seeding \S+\.{section} … \d+\.\d s$", line) for line in lines), section
    assert before["agencies"] == 20 and before["partners"] == 8


def test_every_page_is_a_complete_wagtail_localize_translation_of_its_source(english, vietnamese):
    """English pages translated into Vietnamese, Vietnamese originals (laws, the
    country's news) into English; the one Vietnamese-only article has its alias."""
    directions = set()
    for page in Page.objects.live().filter(depth__gte=2, alias_of__isnull=True).select_related("locale"):
        if not origin.is_source(page):
            continue
        other = vietnamese if page.locale_id == english.pk else english
        twin = page.get_translation(other)
        if page.slug == VIETNAMESE_ONLY["slug"]:
            assert twin.alias_of_id == page.pk, "the Vietnamese-only article is not translated"
            continue
        assert twin.alias_of_id is None, f"{page.url_path} is still an alias"
        source = TranslationSource.objects.get_for_instance(page)
        translation = Translation.objects.get(source=source, target_locale=other)
        total, translated = translation.get_progress()
        assert total > 0 and translated == total, f"{page.url_path}: {translated}/{total}"
        assert translation.get_status_display() == "Up to date"
        directions.add((page.locale.language_code, other.language_code))
    assert directions == {("en", "vi"), ("vi", "en")}


def test_laws_and_the_countrys_news_are_vietnamese_originals(vietnamese):
    laws = PublicationPage.objects.live().filter(publication_type=PublicationPage.Type.LAW, alias_of__isnull=True)
    country = NewsPage.objects.live().filter(alias_of__isnull=True).exclude(source_name="")
    for page in [*laws, *country]:
        assert origin.source_locale_id(page) == vietnamese.pk, page.title
    assert laws.count() == 8 and country.count() >= 10


def test_snippets_are_translated_too(vietnamese):
    agencies = RelatedAgency.objects.filter(locale=vietnamese)
    assert {a.short_name for a in agencies} >= {"Hải Phòng", "Đà Nẵng", "Cần Thơ", "TP.HCM", "Đồng Nai"}
    for agency in agencies:
        assert Translation.objects.filter(source__object_id=agency.translation_key, target_locale=vietnamese).exists()


def test_editing_the_english_source_leaves_the_translation_out_of_date(english, vietnamese):
    page = StandardPage.objects.get(locale=english, slug="project-benefits")
    page.intro = "A new sentence nobody has translated yet."
    page.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(page)
    source.update_from_db()
    translation = Translation.objects.get(source=source, target_locale=vietnamese)
    total, translated = translation.get_progress()
    assert translated < total
    assert translation.get_status_display() != "Up to date"
