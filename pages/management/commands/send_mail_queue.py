"""Send the mail waiting in the outbox (pages.mail.outbox).

Run every minute by `manage.py run_jobs` (pages.operations.jobs), before the
e-mail updates; safe to run twice at once: each message is claimed before it is sent.
"""

from django.core.management.base import BaseCommand

from pages.mail import outbox


class Command(BaseCommand):
    help = "Send the mail waiting in the outbox: registrations, subscriptions, contact messages."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200, help="Send at most this many messages (200).")

    def handle(self, *args, batch_size, **options):
        for line in outbox.send_due(batch_size=max(1, batch_size)).lines():
            self.stdout.write(line)
