"""Run the periodic jobs that are due (pages.operations.jobs).

Production: eipvn/deploy/eipvn-jobs.timer starts it every minute on each app
server. Development: `make run` starts `run_jobs --every 30` beside runserver.
"""

import os
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from pages.operations import jobs


class Command(BaseCommand):
    help = (
        "Run the periodic jobs that are due: scheduled publishing, the outbox and the e-mail updates every "
        "minute, the deletion of personal data past its time and a backup every day. Safe beside other runners: "
        "a job runs on one of them at a time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--every",
            type=int,
            metavar="SECONDS",
            help="For development: run again every SECONDS seconds until interrupted or until the process that "
            "started this one stops.",
        )

    def handle(self, *args, every, **options):
        if not every:
            failed = [name for name, ok in jobs.run_due(self.stdout).items() if not ok]
            if failed:
                raise CommandError("Failed: " + ", ".join(failed))
            return
        parent = os.getppid()
        try:
            # A loop whose starter is gone (make killed, a closed terminal) is reparented: it stops too.
            while os.getppid() == parent:
                jobs.run_due(self.stdout)  # failures are logged and recorded; the loop goes on
                close_old_connections()
                deadline = time.monotonic() + every
                while time.monotonic() < deadline and os.getppid() == parent:
                    time.sleep(1)
        except KeyboardInterrupt:
            pass
