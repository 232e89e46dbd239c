"""Delete personal data the site no longer needs (what the privacy notice promises).

Contact-form messages and the records of sign-ins to the admin (with the
device's address) older than PERSONAL_DATA_MONTHS (default 12) are deleted;
rate-limit entries (keyed hashes of addresses) and sign-in failure counters
older than a day; and what the section apps register (pages.operations.retention), such
as event registrations PERSONAL_DATA_MONTHS after the event.
Runs once a day from `manage.py run_jobs` (pages.operations.jobs).
"""

import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from pages.models import RateLimitHit
from pages.operations import retention


def purge(now=None):
    """Delete what is past its time; returns {what: how many deleted}."""
    now = now or timezone.now()
    # Months as 30-day blocks: nothing is kept longer than promised.
    months_ago = now - datetime.timedelta(days=30 * settings.PERSONAL_DATA_MONTHS)
    day_ago = now - datetime.timedelta(days=1)
    deletions = {
        "contact messages": FormSubmission.objects.filter(submit_time__lt=months_ago),
        "sign-in records": AccessLog.objects.filter(attempt_time__lt=months_ago),
        "sign-in failure records": AccessFailureLog.objects.filter(attempt_time__lt=months_ago),
        "sign-in failure counters": AccessAttempt.objects.filter(attempt_time__lt=day_ago),
        "rate-limit entries": RateLimitHit.objects.filter(at__lt=day_ago),
        **{what: select(months_ago, day_ago) for what, select in retention.selectors().items()},
    }
    return {what: queryset.delete()[0] for what, queryset in deletions.items()}


class Command(BaseCommand):
    help = "Delete contact messages and sign-in records older than PERSONAL_DATA_MONTHS, and day-old counters."

    def handle(self, *args, **options):
        deleted = purge()
        self.stdout.write("Deleted " + "; ".join(f"{what}: {count}" for what, count in deleted.items()) + ".")
