"""Periodic work, all of it outside visitors' requests: `manage.py run_jobs`.

The platform's timer is the clock: in production one systemd timer
(eipvn/deploy/eipvn-jobs.timer) starts `run_jobs` every minute on each app
server; in development `make run` starts `run_jobs --every 30` beside
runserver. Each start runs the jobs that are due, one after the other, the
short ones first. A runner starts a job only by claiming its row of JobRun
with one conditional UPDATE, so two runners (two servers, or a timer and a
hand) never run the same job at once, and the row tells /healthz and the
admin dashboard when each job last ran.
"""

import dataclasses
import datetime
import io
import logging
import time

from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.models import JobRun

logger = logging.getLogger(__name__)

MINUTE = datetime.timedelta(minutes=1)
DAY = datetime.timedelta(days=1)
# A timer's tick may come a few seconds before a full interval since the last
# start (the last one took time to boot): it is due then all the same.
EARLY = datetime.timedelta(seconds=15)
LATE_AFTER = 3  # intervals without a successful run


@dataclasses.dataclass(frozen=True)
class Job:
    name: str
    label: str  # on the admin dashboard
    every: datetime.timedelta
    command: tuple  # what call_command gets
    # The longest a run may take: a runner killed in the middle of a run leaves
    # the job to the next runner after this.
    lease: datetime.timedelta

    def is_late(self, run, now):
        last = run.succeeded_at if run else None
        return last is None or now - last > LATE_AFTER * self.every


JOBS = (
    # Pages whose go-live time has passed are published, expired ones unpublished.
    Job("publish_scheduled", _("Scheduled publishing"), MINUTE, ("publish_scheduled",), 10 * MINUTE),
    # Registrations', subscriptions' and contact messages' mail (pages.mail.outbox).
    Job("send_mail_queue", _("Waiting mail"), MINUTE, ("send_mail_queue", "--batch-size", "200"), 15 * MINUTE),
    # Announcements and the daily and weekly digests (pages.updates).
    Job("send_updates", _("E-mail updates"), MINUTE, ("send_updates", "--batch-size", "200"), 15 * MINUTE),
    # What the privacy notice promises to delete (purge_personal_data).
    Job("purge_personal_data", _("Deleting personal data past its time"), DAY, ("purge_personal_data",), 60 * MINUTE),
    # The database and the uploads into BACKUP_DIR, then those older than BACKUP_KEEP_DAYS go.
    Job("backup", _("Backup"), DAY, ("backup", "--prune"), 120 * MINUTE),
)


def claim(job, now):
    """Mark ``job`` started at ``now`` if it is due and nobody runs it; True
    when this caller got it. One UPDATE: the database lets one of two
    concurrent runners match the row."""
    JobRun.objects.bulk_create([JobRun(name=job.name)], ignore_conflicts=True)
    due = Q(started_at__isnull=True) | Q(started_at__lte=now - job.every + EARLY)
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lte=now)
    claimed = JobRun.objects.filter(due, free, name=job.name).update(
        started_at=now, claimed_until=now + job.lease, outcome="running", error=""
    )
    return claimed == 1


def run(job, claimed_at, stdout):
    """Run ``job``, claimed at ``claimed_at``, and record how it ended; True if it succeeded."""
    output, started = io.StringIO(), time.monotonic()
    try:
        call_command(*job.command, stdout=output)
    except Exception as error:  # recorded and logged; the other jobs still run
        logger.exception("Periodic job %s failed", job.name)
        outcome = {"outcome": "failed", "error": type(error).__name__[:100]}
    else:
        outcome = {"outcome": "ok", "succeeded_at": timezone.now()}
    stdout.write(output.getvalue(), ending="")
    stdout.write(f"[{job.name}: {outcome['outcome']} in {time.monotonic() - started:.1f} s]")
    # Unless a run that outlived its lease was started again meanwhile: that one's claim stays.
    JobRun.objects.filter(name=job.name, started_at=claimed_at).update(
        finished_at=timezone.now(), claimed_until=None, **outcome
    )
    return outcome["outcome"] == "ok"


def run_due(stdout):
    """Run every job that is due and free; {name: succeeded} of those run here."""
    ran = {}
    for job in JOBS:
        now = timezone.now()
        if claim(job, now):
            ran[job.name] = run(job, now, stdout)
    return ran


def status(now=None):
    """Every job's last run, for /healthz and the dashboard."""
    now = now or timezone.now()
    runs = JobRun.objects.in_bulk([job.name for job in JOBS])
    return [
        {
            "name": job.name,
            "label": job.label,
            "every": job.every,
            "started_at": run.started_at if run else None,
            "finished_at": run.finished_at if run else None,
            "succeeded_at": run.succeeded_at if run else None,
            "outcome": run.outcome if run else "",
            "late": job.is_late(run, now),
        }
        for job in JOBS
        for run in [runs.get(job.name)]
    ]
