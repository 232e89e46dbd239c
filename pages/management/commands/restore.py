from django.core.cache import cache
from django.core.management.base import BaseCommand

from pages import backups


class Command(BaseCommand):
    help = "Replace the configured database and MEDIA_ROOT with a backup made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a backup folder, e.g. var/backups/20260101T000000Z")

    def handle(self, *args, folder, **options):
        backups.restore(folder)
        cache.clear()  # pages and fragments cached from the replaced content
        self.stdout.write(f"Restored {folder}")
