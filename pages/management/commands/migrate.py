"""Django's ``migrate``, which on an empty SQLite database first loads the
schema snapshot (pages/operations/schema_snapshot.py) when it was made from the same
migrations; Django's command then finds nothing left to apply and runs its
post-migrate steps as always. ``--no-snapshot`` replays every migration.
"""

from django.core.management.commands.migrate import Command as DjangoMigrate
from django.db import connections

from pages.operations import schema_snapshot


class Command(DjangoMigrate):
    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-snapshot",
            action="store_true",
            help="Replay every migration, even on an empty SQLite database.",
        )

    def handle(self, *args, **options):
        partial = options["app_label"] or options["fake"] or options["plan"] or options["check_unapplied"]
        if not (partial or options["no_snapshot"]) and schema_snapshot.load_if_fresh(connections[options["database"]]):
            if options["verbosity"] >= 1:
                self.stdout.write("Loaded the schema snapshot of today's migrations (pages/operations/).")
        super().handle(*args, **options)
