from django.core.management.base import BaseCommand

from pages.demo_registry import seeders
from pages.search_index import rebuild as rebuild_search_entries


class Command(BaseCommand):
    help = "Load the bilingual demo content. Safe to run again: it only adds what is missing."

    def handle(self, *args, **options):
        for seeder in seeders():
            label = f"{seeder.__module__}.{seeder.__name__}"
            self.stdout.write(f"Seeding {label} …")
            # No transaction around a whole section: wagtail-localize publishes
            # each translation when its own transaction commits, and a publish
            # deferred past later tree changes would save stale tree counts.
            seeder()
        rebuild_search_entries()
        self.stdout.write(self.style.SUCCESS("Demo content is in place in English and Vietnamese."))
