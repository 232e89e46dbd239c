import time

from django.core.management.base import BaseCommand

from pages.demo.registry import seeders, seeding
from pages.operations import bulk_load, renditions
from pages.search.index import rebuild as rebuild_search_entries


class Command(BaseCommand):
    help = "Load the bilingual demo content. Safe to run again: it only adds what is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--renditions",
            action="store_true",
            help="Also render every page once, so that its image sizes exist before the first visit (slower).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        # The demo's pages are not news: publishing them announces nothing (pages.updates).
        with bulk_load.deferred(), seeding():
            for seeder in seeders():
                self._step(f"{seeder.__module__}.{seeder.__name__}", seeder)
        self._step("the reference and admin search indexes", bulk_load.rebuild_indexes)
        self._step("the site's search entries", rebuild_search_entries)
        if options["renditions"]:
            self._step("image renditions (every page rendered once)", renditions.prepare_all)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content is in place in English and Vietnamese ({time.monotonic() - started:.0f} s)."
            )
        )

    def _step(self, label, function):
        # One line per section, so a first run shows where it is and what is slow.
        self.stdout.write(f"Seeding {label} …", ending="")
        self.stdout.flush()
        started = time.monotonic()
        # No transaction around a whole section: wagtail-localize publishes
        # each translation when its own transaction commits, and a publish
        # deferred past later tree changes would save stale tree counts.
        function()
        self.stdout.write(f" {time.monotonic() - started:.1f} s")
