from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand

from pages.cache import generations, receivers
from pages.operations import backups


class Command(BaseCommand):
    help = "Replace the configured database and MEDIA_ROOT with a backup made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a backup folder, e.g. var/backups/20260101T000000Z")

    def handle(self, *args, folder, **options):
        backups.restore(folder)
        # A backup made by an older release gets this release's tables.
        call_command("migrate", interactive=False, verbosity=0)
        # The backup holds the generations of its day, which running servers may
        # still hold entries for: new ones put everything cached out of reach.
        receivers.everything_changed()
        generations.announce_everything()  # the table is the backup's: what servers knew of it is forgotten
        for cache in caches.all():
            cache.clear()  # frees the room (Redis); coherence does not depend on it
        self.stdout.write(f"Restored {folder}")
