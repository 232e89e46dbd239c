from django.conf import settings
from django.core.management.base import BaseCommand

from pages import backups


class Command(BaseCommand):
    help = "Back up the database and the uploads into var/backups/<timestamp>/ (or --into)."

    def add_arguments(self, parser):
        parser.add_argument("--into", default=str(settings.VAR_DIR / "backups"), help="folder that receives the backup")

    def handle(self, *args, into, **options):
        folder = backups.backup(into)
        self.stdout.write(f"Backup written to {folder}")
