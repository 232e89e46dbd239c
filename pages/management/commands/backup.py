from django.conf import settings
from django.core.management.base import BaseCommand

from pages.operations import backups


class Command(BaseCommand):
    """See pages.operations.backups: owner-only files, and checksums that are no signature."""

    help = (
        "Back up the database and the uploads into BACKUP_DIR/<timestamp>/ (var/backups/; or --into). The backup holds "
        "password hashes, two-step verification secrets and personal data: its files are readable by their "
        "owner only (0600 in a 0700 folder). The checksums in manifest.json detect damage; they are not a "
        "signature and prove nothing about who wrote the files."
    )

    def add_arguments(self, parser):
        parser.add_argument("--into", default=str(settings.BACKUP_DIR), help="folder that receives the backup")
        parser.add_argument(
            "--prune",
            action="store_true",
            help="then delete the backups in that folder older than BACKUP_KEEP_DAYS days (as run_jobs does daily)",
        )

    def handle(self, *args, into, prune, **options):
        folder = backups.backup(into)
        self.stdout.write(f"Backup written to {folder}")
        if prune:
            for old in backups.prune(into, settings.BACKUP_KEEP_DAYS):
                self.stdout.write(f"Deleted the backup {old.name}")
