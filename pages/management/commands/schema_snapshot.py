"""Write pages/operations/schema_snapshot.sql anew: every migration replayed on a
throwaway SQLite database, then dumped. Run it after adding a migration
(a test fails until the committed file matches the migrations)."""

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from pages.operations import schema_snapshot


def migrated_database(folder):
    """The path of a SQLite database in ``folder`` made by replaying every migration."""
    path = Path(folder) / "snapshot.sqlite3"
    subprocess.run(  # noqa: S603 - this interpreter and this project's manage.py
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "migrate", "--no-snapshot", "--noinput", "-v0"],
        # The project's apps only, never the test settings' test-only section.
        env={**os.environ, "DATABASE_URL": f"sqlite:///{path}", "TEST_SECTIONS": "false"},
        check=True,
    )
    return path


class Command(BaseCommand):
    help = "Replay every migration on a throwaway SQLite database and write pages/operations/schema_snapshot.sql."

    def handle(self, *args, **options):
        with tempfile.TemporaryDirectory() as folder:
            with sqlite3.connect(migrated_database(folder)) as raw:
                schema_snapshot.write(raw)
        self.stdout.write(f"Wrote {schema_snapshot.SNAPSHOT}")
