import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pages.demo import grow


class Command(BaseCommand):
    help = (
        "Grow the seeded demo by a factor (articles, publications, past events, each with its Vietnamese twin), "
        "to measure what more content costs. Every page made says it was generated for load testing. "
        "Only with DEBUG on, or --yes-on-this-database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, default=100, help="Times the demo's count of each kind (100).")
        parser.add_argument(
            "--yes-on-this-database",
            action="store_true",
            help="Run although DEBUG is off: this database is a throw-away copy (never a real site's).",
        )
        parser.add_argument("--no-indexes", action="store_true", help="Leave the search indexes as they are.")

    def handle(self, *args, factor, yes_on_this_database, no_indexes, **options):
        try:
            grow.check_allowed(settings.DEBUG, yes_on_this_database)
            started = time.monotonic()
            made = grow.grow(factor, report=self.stdout.write, indexes=not no_indexes)
        except grow.Refused as error:
            raise CommandError(str(error)) from None
        for label, count in made.items():
            self.stdout.write(f"{label}: {count} added, each with its twin")
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Content grown to {factor}× the demo ({seconds:.0f} s)."))
