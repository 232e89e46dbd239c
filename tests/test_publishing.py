"""One publish pipeline (pages.publishing): what follows a publication runs in
one written order, the same whether an editor publishes through the admin, code
calls ``save_revision().publish()`` or the scheduler publishes at go-live time;
a first publication is announced once, whether Wagtail has logged it yet or not;
and Wagtail's page signals are heard in that one place."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.log_actions import log
from wagtail.models import PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from news.models import NewsCategoryPage, NewsIndexPage, NewsPage
from pages import publishing
from pages.lookups import twins
from pages.models import SearchEntry
from pages.operations import renditions
from pages.updates.models import Announcement

from .editorial import client_for
from .factories import build, section
from .fixtures import get_page
from .servers import _FormParser

pytestmark = pytest.mark.django_db

PUBLISHED = ["changes", "file_versions", "search", "announcements", "cache", "cdn", "renditions"]


class RecordingBackend(BaseBackend):
    """A CDN that notes the URLs it is asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


@pytest.fixture
def steps_run(monkeypatch):
    """Every step the pipeline runs, as (event, step, page id), in order."""
    calls = []

    def recording(kind, name, step):
        def run(page):
            calls.append((kind, name, page.pk if page is not None else None))
            return step(page)

        return run

    every_step = publishing.steps

    def recorded(kind, extra=None):
        return [(name, recording(kind, name, step)) for name, step in every_step(kind, extra)]

    monkeypatch.setattr(publishing, "steps", recorded)
    return calls


@pytest.fixture
def consequences(settings, monkeypatch):
    """What a publication leaves behind besides the steps: CDN purges and renditions made."""
    settings.WAGTAILFRONTENDCACHE = {"recorder": {"BACKEND": f"{__name__}.RecordingBackend"}}
    settings.PREPARE_RENDITIONS_ON_PUBLISH = True
    RecordingBackend.purged = []
    rendered = []
    monkeypatch.setattr(renditions, "prepare_renditions", rendered.append)
    return {"purged": RecordingBackend.purged, "rendered": rendered}


def publish_in_the_admin(page, user):
    client = client_for(user)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    parser = _FormParser("page-edit-form")
    parser.feed(get_page(client, url))
    response = client.post(url, {**parser.fields, "action-publish": "action-publish"})
    assert response.status_code == 302, response.content.decode()[:2000]


def publish_by_code(page, user):
    page.save_revision().publish()


def publish_on_schedule(page, user, time_machine):
    go_live = timezone.now() + datetime.timedelta(hours=1)
    page.go_live_at = go_live
    page.save_revision(user=user, approved_go_live_at=go_live)
    call_command("publish_scheduled")
    assert not NewsPage.objects.get(pk=page.pk).live
    time_machine.move_to(go_live + datetime.timedelta(minutes=1))
    call_command("publish_scheduled")


def test_the_order_of_every_event_is_written_down():
    assert publishing.order("published") == PUBLISHED
    assert publishing.order("unpublished") == ["search", "cache", "cdn"]
    assert publishing.order("moved") == ["cache"]
    assert publishing.order("reordered") == ["translations", "cache"]
    assert publishing.order("privacy changed") == ["translations", "cache", "cdn"]
    assert publishing.order("deleted") == ["cache"]


@pytest.mark.parametrize("path", ["admin", "code", "schedule"])
def test_every_way_of_publishing_has_the_same_consequences_in_the_written_order(
    client, path, moderator, steps_run, consequences, django_capture_on_commit_callbacks, time_machine
):
    article = build(NewsPage, title="Steam shared across the park", publish=False)
    (alias,) = twins(article)
    listing = section(NewsIndexPage).url
    assert article.title not in get_page(client, listing)
    steps_run.clear()

    with django_capture_on_commit_callbacks(execute=True):
        if path == "admin":
            publish_in_the_admin(article, moderator)
        elif path == "code":
            publish_by_code(article, moderator)
        else:
            publish_on_schedule(article, moderator, time_machine)

    # The article's steps in the written order, then its Vietnamese alias's (which follows it).
    assert steps_run == [("published", name, article.pk) for name in PUBLISHED] + [
        ("published", name, alias.pk) for name in PUBLISHED
    ]
    assert SearchEntry.objects.filter(page_id=article.pk).exists()
    assert list(Announcement.objects.values_list("page_id", "language")) == [(article.pk, "en")]
    assert article.title in get_page(client, listing)  # the listing was cached without it
    article.refresh_from_db()
    assert {url.split("://", 1)[1].split("/", 1)[1] for url in consequences["purged"]} >= {
        article.url.lstrip("/"),
        alias.url.lstrip("/"),
    }
    assert consequences["rendered"] == [article.pk]  # not the alias: it shows the same pictures


def log_publication_first(page):
    """Wagtail writing its log entry before it signals the publication."""
    if not page.alias_of_id:
        log(instance=page, action="wagtail.publish", revision=page.live_revision)


@pytest.mark.parametrize("wagtail_logs_first", [False, True], ids=["logged after", "logged before"])
def test_a_first_publication_is_announced_once_whenever_wagtail_logs_it(monkeypatch, wagtail_logs_first):
    if wagtail_logs_first:
        steps = [("wagtail's log", log_publication_first), *publishing.STEPS["published"]]
        monkeypatch.setitem(publishing.STEPS, "published", steps)
    article = build(NewsPage, title="A park joins the programme")
    assert list(Announcement.objects.values_list("page_id", flat=True)) == [article.pk]
    article.save_revision().publish()
    article.unpublish()
    article.save_revision().publish()
    assert Announcement.objects.filter(page_id=article.pk).count() == 1

    # Published first while private: never announced, however often published again.
    category = section(NewsCategoryPage)
    restriction = PageViewRestriction.objects.create(page=category, restriction_type=PageViewRestriction.LOGIN)
    internal = build(NewsPage, category, title="A note for the steering committee")
    restriction.delete()
    internal.save_revision().publish()
    assert not Announcement.objects.filter(page_id=internal.pk).exists()


def test_a_privacy_change_runs_for_the_page_then_its_mirrored_twin(admin_user, steps_run):
    page = build(NewsPage, title="Minutes of the steering committee")
    (alias,) = twins(page)
    steps_run.clear()
    response = client_for(admin_user).post(
        reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), {"restriction_type": "login"}
    )
    assert response.status_code == 200
    assert PageViewRestriction.objects.filter(page=alias).exists()
    # The twin's own event runs inside the page's translations step.
    assert steps_run[:5] == [
        ("privacy changed", "translations", page.pk),
        ("privacy changed", "translations", alias.pk),
        ("privacy changed", "cache", alias.pk),
        ("privacy changed", "cdn", alias.pk),
        ("privacy changed", "cache", page.pk),
    ]


def test_a_sections_step_runs_where_its_declaration_says():
    extra = [
        publishing.Step("published", "trainings", print, after="cache"),
        publishing.Step("published", "last", print),
    ]
    names = [name for name, _run in publishing.steps("published", extra)]
    assert names == ["changes", "search", "cache", "trainings", "cdn", "renditions", "last"]
    assert publishing.Step("published", "x", print, after="cache").problems() == []
    assert publishing.Step("published", "cache", print).problems()  # the shell's own name
    assert publishing.Step("published", "x", print, after="nowhere").problems()
    assert publishing.Step("renamed", "x", print).problems()


def receivers_of(signal):
    found = set()
    for model in (NewsPage, NewsCategoryPage):
        for receiver in signal._live_receivers(model)[0]:
            found.add(receiver.__module__)
    return found


def test_wagtails_page_signals_are_heard_by_the_pipeline_alone(monkeypatch):
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        assert {module for module in receivers_of(signal) if not module.startswith("wagtail")} == {"pages.publishing"}
    # Wagtail's own CDN purge (before the commit) is switched off where it is installed.
    from wagtail.contrib.frontend_cache import signal_handlers

    signal_handlers.register_signal_handlers()
    try:
        assert "wagtail.contrib.frontend_cache.signal_handlers" in receivers_of(page_published)
        monkeypatch.setattr(publishing.apps, "is_installed", lambda name: True)
        publishing.disconnect_wagtails_purge()
        assert "wagtail.contrib.frontend_cache.signal_handlers" not in receivers_of(page_published)
        assert "wagtail.contrib.frontend_cache.signal_handlers" not in receivers_of(page_unpublished)
    finally:
        for model in get_page_models():
            page_published.disconnect(signal_handlers.page_published_signal_handler, sender=model)
            page_unpublished.disconnect(signal_handlers.page_unpublished_signal_handler, sender=model)
