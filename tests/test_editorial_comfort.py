"""Editor comfort: previews of every page type in both languages, the
accessibility checker, scheduled publishing, help text, the admin in Vietnamese."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.users.models import UserProfile

from pages.models import HomePage, NoticePage, StandardPage

from .editorial import client_for, twin
from .factories import build, section
from .fixtures import get_page

pytestmark = pytest.mark.django_db

PAGE_APPS = ["pages", "updates", "opendata", "importer", "themes", "parks", "events", "publications", "news"]


def page_types():
    return sorted(
        model._meta.label
        for app in PAGE_APPS
        for model in apps.get_app_config(app).get_models()
        if issubclass(model, Page)
    )


# The site has one home page, and one notice of each kind per language: those
# get no sparse twin of their own.
SINGLE = (HomePage, NoticePage)


@pytest.mark.parametrize("label", page_types())
def test_every_page_type_previews_in_both_languages(label, moderator, vietnamese):
    # The site's own page of the type, with its content, and a new one with only
    # what the type requires: both in both languages.
    model = apps.get_model(label)
    pages = [section(model, "en")]
    if model not in SINGLE:
        pages.append(build(model, vietnamese="translated"))
    client = client_for(moderator)
    for version in [version for page in pages for version in (page, twin(page, vietnamese))]:
        response = client.get(reverse("wagtailadmin_pages:view_draft", args=[version.pk]))
        assert response.status_code == 200, f"{label} {version.locale.language_code}"
        html = response.content.decode()
        assert f'<html lang="{version.locale.language_code}"' in html
        assert version.title in html


def test_live_preview_of_an_unsaved_change(moderator):
    page = build(StandardPage)
    client = client_for(moderator)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = {"title": "A title only in the preview", "slug": page.slug, "intro": "Preview intro.", "body-count": "0"}
    data.update({"corrections-TOTAL_FORMS": "0", "corrections-INITIAL_FORMS": "0"})  # the inline "Corrections"
    assert client.post(url, data).json()["is_valid"]
    html = get_page(client, url)
    assert "A title only in the preview" in html
    assert "A title only in the preview" not in get_page(client, page.url)


def test_the_accessibility_checker_is_on_for_editors_and_hidden_from_visitors(client, editor):
    page = build(StandardPage)
    assert "wagtail-userbar" in get_page(client_for(editor), page.url)
    assert "checker-axe-configuration" in get_page(client_for(editor), page.url)
    assert "wagtail-userbar" not in get_page(client, page.url)


def test_a_scheduled_page_goes_live_at_its_time(time_machine, moderator):
    page = build(StandardPage, vietnamese=None, publish=False)
    go_live = timezone.now() + timezone.timedelta(hours=2)
    page.go_live_at = go_live
    page.save_revision(user=moderator, approved_go_live_at=go_live)
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    time_machine.move_to(go_live + timezone.timedelta(minutes=1))
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live


def test_every_field_an_editor_sees_has_help_text():
    page_fields = {field.name for field in Page._meta.get_fields()}
    internal = {
        "SearchEntry",
        "SegmentChange",  # written by a sync (pages.editorial.segment_history), never edited
        "DocumentDownloads",
        "EditingLanguage",
        "Generation",
        "RateLimitHit",
        "DatasetChange",
        "EventSeats",
        # E-mail updates: written by the site itself (pages.updates), never edited.
        "SuppressedAddress",
        "SubscriberTheme",  # the themes a subscriber chose on the form
        "Announcement",
        "Delivery",
        # The mail outbox (pages.mail): written and sent by the site, deleted once sent.
        "OutgoingMail",
        # The periodic jobs' state (pages.operations.jobs): written by run_jobs, shown read-only.
        "JobRun",
        # The importer's records (pages.importer): written by an import, never edited.
        "ImportedItem",
        "ImportBatch",
        "ImportRow",
        # Written by the publish pipeline (pages.changes, publications.versions), never edited.
        "ContentChange",
        "EarlierFile",
    }
    skipped = {"locale", "translation_key", "sort_order", "page", "id"}
    # Filled in by visitors on an event's page; in the admin, staff edit only the attendance.
    by_visitors = {"event", "name", "email", "organisation", "position", "phone", "preferred_language", "needs"}
    missing = [
        f"{model.__name__}.{field.name}"
        for app in PAGE_APPS
        for model in apps.get_app_config(app).get_models()
        if model.__name__ not in internal
        for field in model._meta.get_fields()
        if getattr(field, "editable", False) and field.concrete and not field.auto_created
        if not (issubclass(model, Page) and field.name in page_fields) and field.name not in skipped
        if not (model.__name__ == "Registration" and field.name in by_visitors)
        if not str(getattr(field, "help_text", ""))
    ]
    assert missing == []


def test_each_user_chooses_the_admin_language(translator):
    client = client_for(translator)
    assert '<html lang="en"' in get_page(client, reverse("wagtailadmin_home"))
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "vi"
    profile.save()
    html = get_page(client, reverse("wagtailadmin_home"))
    assert '<html lang="vi"' in html
    assert "Tiếng Việt → Tiếng Anh" in html  # the translations panel, per direction
    assert "Trang" in html  # Wagtail's own menu, from the supplementary catalogue
