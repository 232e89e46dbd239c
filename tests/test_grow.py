"""manage.py grow_content (issue #33): the demo grown by a factor, each page
with its Vietnamese twin, marked as generated in both languages, and never on
a database that may be a real site's by accident."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from events.models import EventPage
from news.models import NewsPage
from pages import origin
from publications.models import PublicationPage

from .fixtures import get_page

pytestmark = pytest.mark.django_db
GENERATED = {"en": "(generated for load testing)", "vi": "(tạo để thử tải)"}


def _generated(model=Page):
    return model.objects.filter(title__contains=GENERATED["en"]) | model.objects.filter(title__contains=GENERATED["vi"])


def test_it_refuses_without_debug_or_the_explicit_flag(settings):
    settings.DEBUG = False
    before = Page.objects.count()
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("grow_content", "--factor", "2", stdout=io.StringIO())
    assert Page.objects.count() == before and not _generated().exists()


def test_it_grows_each_kind_with_published_translated_twins_once(client):
    demo = {
        model: model.objects.live().filter(locale__language_code="en").count() for model in (NewsPage, PublicationPage)
    }
    out = io.StringIO()
    call_command("grow_content", "--factor", "2", "--yes-on-this-database", "--no-indexes", stdout=out)
    assert "each with its twin" in out.getvalue()
    for model in (NewsPage, PublicationPage, EventPage):
        made = _generated(model)
        english, vietnamese = made.filter(locale__language_code="en"), made.filter(locale__language_code="vi")
        assert english.exists() and english.count() == vietnamese.count(), model
        assert not made.filter(live=False).exists() and not made.filter(alias_of__isnull=False).exists()
        for page in english[:3]:
            twin = vietnamese.get(translation_key=page.translation_key)
            assert GENERATED["en"] in page.title and GENERATED["vi"] in twin.title
            assert twin.title.startswith(("Bài viết mẫu", "Ấn phẩm mẫu", "Sự kiện mẫu đã qua"))
            # Tracked by wagtail-localize like the demo's translations, every string translated.
            source = TranslationSource.objects.get(object_id=page.translation_key)
            translation = Translation.objects.get(source=source)
            done, total = translation.get_progress()
            assert total and done == total
            assert origin.source_of(page).locale_id == source.locale_id
    # About as many articles as the demo has again (the Vietnamese-only one has no copy).
    grown = _generated(NewsPage).filter(locale__language_code="en").count()
    assert demo[NewsPage] - 1 <= grown <= demo[NewsPage]
    # Past events only: every copy is dated before today.
    from django.utils import timezone

    assert not _generated(EventPage).filter(start__gte=timezone.now()).exists()
    # Pages a visitor reads, saying what they are, in both languages.
    article = _generated(NewsPage).filter(locale__language_code="en").first()
    assert "Generated for load testing" in get_page(client, article.url)
    twin = _generated(NewsPage).get(locale__language_code="vi", translation_key=article.translation_key)
    assert "Tạo tự động để thử tải" in get_page(client, twin.url)
    # Again with the same factor: nothing more.
    count = Page.objects.count()
    call_command("grow_content", "--factor", "2", "--yes-on-this-database", "--no-indexes", stdout=io.StringIO())
    assert Page.objects.count() == count
