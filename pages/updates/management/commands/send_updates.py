"""Send the e-mail updates that are due (pages.updates.sender).

Run every minute by `manage.py run_jobs` (pages.operations.jobs), after the outbox;
it sends at most --batch-size messages and says when more are due. Safe to run
twice at once and after a crash: no message is sent twice.
"""

from django.core.management.base import BaseCommand

from pages.updates import sender


class Command(BaseCommand):
    help = "Send the e-mail updates that are due: one per publication, and the daily and weekly digests."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200, help="Send at most this many messages (200).")
        parser.add_argument("--dry-run", action="store_true", help="List what would be sent; send and record nothing.")

    def handle(self, *args, batch_size, dry_run, **options):
        report = sender.run(batch_size=max(1, batch_size), dry_run=dry_run)
        for line in report.lines():
            self.stdout.write(line)
