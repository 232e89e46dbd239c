"""Translation work: the report's states, publish-and-update, review of a
translation end to end, PO round trip and machine translation."""

import csv
import io
import re

import polib
import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from eipvn.settings.base import machine_translator
from news.demo import VIETNAMESE_ONLY
from pages.editorial.publish_sync import update_translation_sources
from pages.editorial.report import TranslationReportView
from pages.editorial.translation_status import TranslationStatus
from pages.models import RelatedAgency, StandardPage

from .editorial import client_for, translation_of, twin
from .factories import build
from .fixtures import get_page
from .queries import warm_queries

pytestmark = pytest.mark.django_db


def state_of(obj):
    kind = "page" if isinstance(obj, Page) else "snippet"
    return next(
        row
        for row in TranslationStatus().rows
        if row.kind == kind and row.source.translation_key == obj.translation_key
    )


def test_the_seeded_site_is_fully_translated_but_its_vietnamese_only_article():
    rows = TranslationStatus().rows
    assert rows, "the report lists the demo content"
    assert {row.state for row in rows if getattr(row.source, "slug", "") != VIETNAMESE_ONLY["slug"]} == {"current"}
    (vietnamese_only,) = [row for row in rows if row.state != "current"]
    assert (vietnamese_only.state, vietnamese_only.direction) == ("alias", "vi-en")
    assert {row.direction for row in rows} == {"en-vi", "vi-en"}
    assert {row.kind for row in rows} == {"page", "snippet"}


@pytest.fixture
def orphan():
    """An English page whose tree was not synchronised (no Vietnamese twin),
    in a section of its own whose index is translated."""
    return build(StandardPage, build(StandardPage, vietnamese="translated"), vietnamese=None, title="Orphan")


def partly_translated(text):
    """A translated page whose English gained the string ``text``, synced but
    not yet translated."""
    page = build(StandardPage, vietnamese="translated")
    page.intro = text
    page.save_revision().publish()
    TranslationSource.objects.get_for_instance(page).update_from_db()
    return page


def test_report_states_on_crafted_cases(orphan, english):
    # alias: an English page with its untranslated alias
    aliased = build(StandardPage)
    # out of date: English published after the last sync
    outdated = build(StandardPage, vietnamese="translated")
    outdated.intro = "A new first sentence."
    outdated.save_revision().publish()
    # partly translated: synced, with one new string not yet translated
    partial = partly_translated("A sentence nobody has translated.")
    # a snippet changed in English after its sync
    agency = RelatedAgency.objects.filter(locale=english).first()
    agency.name = "A renamed agency"
    agency.save()

    assert state_of(orphan).state == "missing"
    assert state_of(aliased).state == "alias"
    assert state_of(outdated).state == "outdated"
    partial_row = state_of(partial)
    assert partial_row.state == "partial"
    assert partial_row.translated == partial_row.total - 1
    assert state_of(agency).state == "outdated"
    assert state_of(build(StandardPage, vietnamese="translated")).state == "current"


def test_report_page_filters_counts_and_csv(moderator, orphan):
    client = client_for(moderator)
    url = reverse("pages_editorial:translations_report")
    html = get_page(client, url)
    assert 'data-state="missing"><strong>1</strong>' in html
    assert "Orphan" in get_page(client, f"{url}?state=missing")

    # The orphan's section also holds a current page (its index): the state filter leaves it out.
    section = f"page-{orphan.get_parent().slug}"
    html = get_page(client, f"{url}?section={section}&state=missing")
    assert html.count('<tr data-state="missing">') == 1
    assert '<tr data-state="current">' not in html

    # A bad filter value is ignored, not an error.
    assert client.get(f"{url}?state=nonsense&section=%3Cx%3E").status_code == 200

    response = client.get(f"{url}?state=missing&export=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Section", "Type", "Title"]
    assert [row[2] for row in rows[1:]] == ["Orphan"]
    assert rows[1][3:6] == ["en", "vi", "Missing"]


def test_report_is_paginated_with_counts_of_every_row(moderator, monkeypatch):
    monkeypatch.setattr(TranslationReportView, "paginate_by", 5)
    client = client_for(moderator)
    url = reverse("pages_editorial:translations_report")
    first, second = get_page(client, url), get_page(client, f"{url}?p=2")
    titles = re.compile(r'<tr data-state="\w+">\s*<td>(?:<a href="[^"]*">)?([^<]*)<')
    assert len(titles.findall(first)) == len(titles.findall(second)) == 5
    assert not set(titles.findall(first)) & set(titles.findall(second))
    assert "Page 2 of" in second
    # The counts are the whole report's, on every page: one row per source and other language.
    total = len(TranslationStatus().rows)
    counted = sum(int(n) for n in re.findall(r'data-state="\w+"><strong>(\d+)</strong>', second))
    assert counted == total > 10
    # A page number out of range or not a number shows the nearest page, not an error.
    assert "Page 1 of" in get_page(client, f"{url}?p=abc")


def test_report_and_dashboard_cost_the_same_queries_as_content_grows(moderator):
    client = client_for(moderator)
    urls = [reverse("pages_editorial:translations_report"), reverse("wagtailadmin_home")]
    before = [warm_queries(client, url) for url in urls]
    parent = build(StandardPage, vietnamese="translated")
    for n in range(3):
        build(StandardPage, parent, vietnamese="translated", title=f"Grown {n}", vi={"title": f"Thêm {n}"})
        build(StandardPage, parent, title=f"Alias {n}")
    partly_translated("One more sentence nobody has translated.")
    assert [warm_queries(client, url) for url in urls] == before


def test_dashboard_panel_shows_the_counts(translator, orphan):
    html = get_page(client_for(translator), reverse("wagtailadmin_home"))
    assert 'id="translations-panel-heading"' in html
    assert 'data-state="missing"><strong>1</strong>' in html


def test_report_is_in_vietnamese_for_a_vietnamese_admin(translator):
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "vi"
    profile.save()
    html = get_page(client_for(translator), reverse("pages_editorial:translations_report"))
    assert '<html lang="vi"' in html
    assert "Đã dịch xong" in html  # the "Current" state
    assert "Tải CSV" in html


# Publishing English with "Publish and update translations" ----------------


def edit_form(client, page, **changes):
    """POST the edit form of a StandardPage with a few fields changed."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "body-count": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        **changes,
    }
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_publish_and_update_translations_shows_new_strings_to_the_translator(moderator, vietnamese):
    page = build(StandardPage, vietnamese="translated")
    client = client_for(moderator)
    html = get_page(client, reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert 'value="update-translations"' in html

    response = edit_form(client, page, intro="Brand-new intro.", **{"action-publish": "update-translations"})
    assert response.status_code == 302
    source = TranslationSource.objects.get_for_instance(page)
    assert StringSegment.objects.filter(source=source, string__data="Brand-new intro.").exists()
    row = state_of(page)
    assert row.state == "partial"
    # The live Vietnamese page is untouched until its translation is reviewed.
    assert "Brand-new intro." not in get_page(client, twin(page, vietnamese).url)


def test_a_plain_publish_leaves_the_translation_out_of_date(moderator):
    page = build(StandardPage, vietnamese="translated")
    response = edit_form(client_for(moderator), page, intro="Another intro.", **{"action-publish": "action-publish"})
    assert response.status_code == 302
    assert state_of(page).state == "outdated"


# The whole review cycle ------------------------------------------------------


def approve(client, page):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code == 302, response.content[:500]  # back to where the moderator was
    state.refresh_from_db()
    assert state.status == "approved"


def test_edit_review_translate_review_publish(
    editor, moderator, translator, vietnamese, django_capture_on_commit_callbacks
):
    page = build(StandardPage, vietnamese="translated")
    vi_page = twin(page, vietnamese)
    new_intro = "The initiative now covers five parks in four provinces."
    vi_intro = "Sáng kiến nay bao gồm năm khu công nghiệp ở bốn tỉnh, thành phố."

    # The Editor changes English and submits it for review: nothing goes live.
    response = edit_form(client_for(editor), page, intro=new_intro, **{"action-submit": "submit"})
    assert response.status_code == 302
    assert new_intro not in get_page(client_for(editor), page.url)

    # The Moderator approves: English is live.
    approve(client_for(moderator), page)
    assert new_intro in get_page(client_for(editor), page.url)
    assert state_of(page).state == "outdated"

    # The Translator syncs (publishing is not offered to them), translates and submits.
    translator_client = client_for(translator)
    source = TranslationSource.objects.get_for_instance(page)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert re.search(r'<input[^>]*name="publish_translations"[^>]*disabled', get_page(translator_client, sync_url))
    with django_capture_on_commit_callbacks(execute=True):  # forged: refused as a whole
        translator_client.post(sync_url, {"publish_translations": "on"})
    assert state_of(page).state == "outdated"
    with django_capture_on_commit_callbacks(execute=True):
        translator_client.post(sync_url, {})
    assert state_of(page).state == "partial"
    assert new_intro not in get_page(translator_client, vi_page.url), "syncing did not publish Vietnamese"

    translation = translation_of(page, vietnamese)
    segment = StringSegment.objects.get(source=source, string__data=new_intro)
    response = translator_client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        f"value={vi_intro}",
        content_type="application/x-www-form-urlencoded; charset=utf-8",
    )
    assert response.status_code in (200, 201)
    assert state_of(page).state == "current"

    review_url = reverse("pages_editorial:submit_for_review", args=[translation.pk])
    assert "Submit for review" in get_page(translator_client, review_url)
    with django_capture_on_commit_callbacks(execute=True):
        assert translator_client.post(review_url).status_code == 302
    assert vi_intro not in get_page(translator_client, vi_page.url), "nothing is live before review"

    # The Moderator approves the translation: the Vietnamese page shows it.
    approve(client_for(moderator), vi_page)
    assert vi_intro in get_page(client_for(editor), vi_page.url)
    assert state_of(page).state == "current"


def test_a_translator_cannot_publish_by_posting_to_the_translation_editor(translator, vietnamese):
    vi_page = twin(build(StandardPage, vietnamese="translated"), vietnamese)
    before = vi_page.last_published_at
    client_for(translator).post(reverse("wagtailadmin_pages:edit", args=[vi_page.pk]), {"action": "publish"})
    vi_page.refresh_from_db()
    assert vi_page.last_published_at == before


# PO files and machine translation -----------------------------------------


def test_po_export_translate_import_publish_round_trip(moderator, vietnamese):
    page = partly_translated("Benefits in one line.")
    translation = translation_of(page, vietnamese)
    client = client_for(moderator)

    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    entry = po.find("Benefits in one line.")
    assert entry is not None and entry.msgstr == ""
    entry.msgstr = "Lợi ích trong một dòng."

    upload = io.BytesIO(str(po).encode())
    upload.name = "benefits.po"
    next_url = reverse("wagtailadmin_pages:edit", args=[twin(page, vietnamese).pk])
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload, "next": next_url}
    )
    assert response.status_code == 302
    assert StringTranslation.objects.filter(data="Lợi ích trong một dòng.", locale=vietnamese).exists()

    client.post(next_url, {"action": "publish"})
    assert "Lợi ích trong một dòng." in get_page(client, twin(page, vietnamese).url)


def test_a_po_file_for_another_translation_is_refused(moderator, vietnamese):
    first, second = (translation_of(build(StandardPage, vietnamese="translated"), vietnamese) for _ in range(2))
    client = client_for(moderator)
    po = client.get(reverse("wagtail_localize:download_pofile", args=[first.pk])).content
    upload = io.BytesIO(po)
    upload.name = "wrong.po"
    before = StringTranslation.objects.count()
    response = client.post(reverse("wagtail_localize:upload_pofile", args=[second.pk]), {"file": upload}, follow=True)
    assert "different translation" in response.content.decode()
    assert StringTranslation.objects.count() == before


def test_machine_translation_is_the_dummy_translator_in_tests_and_off_by_default(translator, vietnamese):
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"].endswith("DummyTranslator")
    assert machine_translator("") is None
    page = partly_translated("Machines translate this.")
    translation = translation_of(page, vietnamese)
    response = client_for(translator).post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code == 302
    machine = StringTranslation.objects.get(translation_of__data="Machines translate this.", locale=vietnamese)
    assert machine.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert machine.data != "Machines translate this."


def test_libretranslate_needs_its_url(monkeypatch):
    monkeypatch.delenv("LIBRETRANSLATE_URL", raising=False)
    with pytest.raises(ImproperlyConfigured):
        machine_translator("libretranslate")
    monkeypatch.setenv("LIBRETRANSLATE_URL", "http://127.0.0.1:5000")
    config = machine_translator("libretranslate")
    assert config["CLASS"].endswith("LibreTranslator")
    assert config["OPTIONS"]["LIBRETRANSLATE_URL"] == "http://127.0.0.1:5000"
    with pytest.raises(ImproperlyConfigured):
        machine_translator("deepl-by-accident")


def test_scheduled_english_page_is_not_synced_before_it_goes_live(moderator):
    # Translated, so that there is a translation the sync would update.
    page = build(StandardPage, vietnamese="translated")
    page.go_live_at = timezone.now() + timezone.timedelta(days=1)
    page.save()
    assert update_translation_sources(Page.objects.get(pk=page.pk), moderator) == 0
