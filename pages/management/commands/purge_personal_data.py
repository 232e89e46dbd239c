"""Delete personal data the site no longer needs (what the privacy notice promises).

What each section keeps and when it goes is in its declaration (pages.sections,
``personal_data``): e.g. the shell's contact messages and sign-in records
PERSONAL_DATA_MONTHS (default 12) after they were made, counters after a day,
events' registrations PERSONAL_DATA_MONTHS after the event.
Runs once a day from `manage.py run_jobs` (pages.operations.jobs).
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from pages.operations import retention


def purge(now=None):
    """Delete what is past its time; returns {what: how many deleted}."""
    now = now or timezone.now()
    # Months as 30-day blocks: nothing is kept longer than promised.
    months_ago = now - datetime.timedelta(days=30 * settings.PERSONAL_DATA_MONTHS)
    day_ago = now - datetime.timedelta(days=1)
    deletions = {what: select(months_ago, day_ago) for what, select in retention.selectors().items()}
    return {what: queryset.delete()[0] for what, queryset in deletions.items()}


class Command(BaseCommand):
    help = "Delete contact messages and sign-in records older than PERSONAL_DATA_MONTHS, and day-old counters."

    def handle(self, *args, **options):
        deleted = purge()
        self.stdout.write("Deleted " + "; ".join(f"{what}: {count}" for what, count in deleted.items()) + ".")
