"""Periodic work runs from `manage.py run_jobs` (pages.operations.jobs), never
from a visitor's request: scheduled publishing, the outbox, the e-mail updates,
the purge of personal data and backups; one runner at a time per job, and
/healthz and the dashboard say when a job is late."""

import datetime
import io
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import OutputWrapper
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page
from wagtail.users.models import UserProfile

from pages.models import ContactPage, JobRun, StandardPage
from pages.operations import jobs

from .editorial import client_for, user_in
from .factories import build, section
from .fixtures import get_page
from .servers import ROOT, Site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_backup(monkeypatch):
    # The suite's database lives in memory (SQLite) or is the suite's own: the
    # backup job runs against a database of its own below.
    monkeypatch.setattr(jobs, "JOBS", tuple(job for job in jobs.JOBS if job.name != "backup"))


def run_jobs():
    call_command("run_jobs", stdout=io.StringIO())


def scheduled_page(moderator, go_live):
    page = build(StandardPage, vietnamese=None, publish=False, title="Scheduled for later")
    page.go_live_at = go_live
    page.save_revision(user=moderator, approved_go_live_at=go_live)
    return page


def test_a_scheduled_page_goes_live_when_the_jobs_run_not_on_a_visit(client, time_machine, moderator):
    go_live = timezone.now() + datetime.timedelta(hours=2)
    page = scheduled_page(moderator, go_live)
    time_machine.move_to(go_live + datetime.timedelta(minutes=1))
    for url in ("/en/", "/vi/", section(StandardPage).url):
        client.get(url)
    assert client.get(page.url).status_code == 404  # visits publish nothing
    assert not Page.objects.get(pk=page.pk).live
    run_jobs()
    assert Page.objects.get(pk=page.pk).live
    assert "Scheduled for later" in get_page(client, page.url)


def test_each_job_runs_once_per_interval():
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        run_jobs()
        first = {run.name: run.started_at for run in JobRun.objects.all()}
        assert set(first) == {job.name for job in jobs.JOBS} and set(first.values()) == {start}
        run_jobs()  # a second runner at once finds nothing due
        assert {run.name: run.started_at for run in JobRun.objects.all()} == first
    later = start + datetime.timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        run_jobs()
    runs = {run.name: run for run in JobRun.objects.all()}
    assert runs["publish_scheduled"].started_at == later and runs["purge_personal_data"].started_at == start
    assert {run.outcome for run in runs.values()} == {"ok"}


def test_the_purge_runs_once_a_day():
    contact = section(ContactPage)

    def aged_message(now):
        row = FormSubmission.objects.create(page=contact, form_data={"name": "Old"})
        FormSubmission.objects.filter(pk=row.pk).update(submit_time=now - datetime.timedelta(days=400))
        return row.pk

    start = timezone.now()
    with time_machine.travel(start, tick=False):
        first = aged_message(start)
        run_jobs()
        assert not FormSubmission.objects.filter(pk=first).exists()
    hours_later = start + datetime.timedelta(hours=23)
    with time_machine.travel(hours_later, tick=False):
        second = aged_message(hours_later)
        run_jobs()
        assert FormSubmission.objects.filter(pk=second).exists()  # not again within the day
    with time_machine.travel(start + datetime.timedelta(days=1), tick=False):
        run_jobs()
        assert not FormSubmission.objects.filter(pk=second).exists()


def test_a_job_claimed_by_a_runner_that_died_is_taken_again_after_its_lease():
    job = next(job for job in jobs.JOBS if job.name == "publish_scheduled")
    start = timezone.now()
    assert jobs.claim(job, start)  # and the runner is killed: the job stays "running"
    assert not jobs.claim(job, start + job.every)  # due, but claimed
    again = start + job.lease
    assert jobs.claim(job, again)
    jobs.run(job, start, OutputWrapper(io.StringIO()))  # the first runner was only slow: it ends now
    assert JobRun.objects.get(name=job.name).claimed_until == again + job.lease  # the second's claim holds


def test_a_failed_job_is_recorded_and_the_others_still_run(monkeypatch):
    publish = next(job for job in jobs.JOBS if job.name == "publish_scheduled")
    failing = jobs.Job("publish_scheduled", publish.label, publish.every, ("no_such_command",), publish.lease)
    monkeypatch.setattr(jobs, "JOBS", (failing, *jobs.JOBS[1:]))
    with pytest.raises(Exception, match="Failed: publish_scheduled"):
        run_jobs()
    runs = {run.name: run for run in JobRun.objects.all()}
    assert runs["publish_scheduled"].outcome == "failed" and runs["publish_scheduled"].error == "CommandError"
    assert runs["publish_scheduled"].succeeded_at is None and runs["publish_scheduled"].claimed_until is None
    assert runs["send_updates"].outcome == "ok"


def test_healthz_says_when_a_job_is_late_and_still_answers_200(client):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        run_jobs()
        body = client.get("/healthz").json()
        assert body["jobs"] == "ok"
        assert body["job_runs"]["publish_scheduled"]["late"] is False
    # Four minutes without a run: the minute jobs are late, the daily purge is not.
    with time_machine.travel(start + datetime.timedelta(minutes=4), tick=False):
        response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200 and body["database"] == "ok" and body["jobs"] == "late"
    assert body["job_runs"]["publish_scheduled"]["late"] is True
    assert body["job_runs"]["publish_scheduled"]["last_succeeded"].startswith(start.isoformat()[:19])
    assert body["job_runs"]["purge_personal_data"]["late"] is False


def test_healthz_calls_a_job_that_never_ran_late(client):
    body = client.get("/healthz").json()
    assert body["jobs"] == "late" and body["job_runs"]["send_mail_queue"]["outcome"] == ""


def test_the_dashboard_shows_moderators_a_late_job(moderator):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        run_jobs()
    client = client_for(moderator)
    with time_machine.travel(start + datetime.timedelta(minutes=1), tick=False):
        html = get_page(client, reverse("wagtailadmin_home"))
    assert 'id="jobs-panel-heading"' in html and 'role="alert"' not in html
    with time_machine.travel(start + datetime.timedelta(minutes=4), tick=False):
        html = get_page(client, reverse("wagtailadmin_home"))
    assert 'role="alert"' in html and '<tr data-job="publish_scheduled" class="jobs-panel__late">' in html
    assert '<tr data-job="purge_personal_data">' in html
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "vi"
    profile.save()
    with time_machine.travel(start + datetime.timedelta(minutes=4), tick=False):
        html = get_page(client, reverse("wagtailadmin_home"))
    assert "Công việc định kỳ" in html and "Xuất bản theo lịch" in html and "(trễ)" in html


def test_editors_do_not_see_the_jobs():
    html = get_page(client_for(user_in("Editors (English)")), reverse("wagtailadmin_home"))
    assert "jobs-panel-heading" not in html


def test_three_runners_started_at_once_run_each_job_once(tmp_path):
    """Real processes on a database of their own, the backup included: one backup."""
    site = Site("jobs")
    try:
        site.database.create()
        site.manage("migrate", "--noinput")
        env = {**site.env, "BACKUP_DIR": str(tmp_path / "backups")}
        # Backups older than BACKUP_KEEP_DAYS (30) go; other folders and recent backups stay.
        yesterday = (timezone.now() - datetime.timedelta(days=1)).strftime("%Y%m%dT%H%M%SZ")
        for name in ("20200101T000000Z", yesterday, "keep-me"):
            (tmp_path / "backups" / name).mkdir(parents=True)
            (tmp_path / "backups" / name / "manifest.json").write_text("{}")
        command = [sys.executable, str(ROOT / "manage.py"), "run_jobs"]
        runners = [subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True) for _ in range(3)]
        output = "".join(runner.communicate(timeout=120)[0] for runner in runners)
        assert [runner.returncode for runner in runners] == [0, 0, 0], output
        for name in [*(job.name for job in jobs.JOBS), "backup"]:  # JOBS here lacks the backup
            assert output.count(f"[{name}: ok in ") == 1, output
        kept = sorted(folder.name for folder in (tmp_path / "backups").iterdir())
        assert len(kept) == 3 and kept[0] == yesterday and kept[2] == "keep-me", kept  # one new backup between
    finally:
        site.remove()


def test_make_run_starts_the_jobs_loop_beside_the_server():
    makefile = Path(ROOT / "Makefile").read_text()
    recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "run_jobs --every 30 &" in recipe and "trap 'kill $$jobs" in recipe and "runserver" in recipe
