"""manage.py import_content FILE [--dry-run] [--publish] [--kind news|events|publications]

News, events and publications from a CSV or XLSX file (docs/editing.md,
"Importing content"). Each row is checked, then made in its own transaction;
a refused row is reported with its reasons and leaves nothing behind. Rows are
read one at a time, so a large file needs little memory; progress is printed
every ``--progress`` rows.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from pages.importer import reader, rows, run
from pages.importer.kinds import kinds

ORDER = (rows.CREATE, rows.UPDATE, rows.UNCHANGED, rows.REFUSED, run.SKIPPED)


def summary(counts):
    return ", ".join(f"{counts.get(action, 0)} {action}" for action in ORDER)


class Command(BaseCommand):
    help = "Import news, events and publications from a CSV or XLSX file (a dry run first: --dry-run)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV or XLSX file (the admin's template: Settings → Import content)")
        parser.add_argument("--dry-run", action="store_true", help="check every row and report; change nothing")
        parser.add_argument("--publish", action="store_true", help="publish what is made (default: drafts for review)")
        parser.add_argument("--kind", choices=sorted(kinds()), help="import only the rows of this kind")
        parser.add_argument(
            "--files",
            help=f"the folder that files named by path are read from (default: IMPORT_ROOT, {settings.IMPORT_ROOT})",
        )
        parser.add_argument("--user", help="the user the new revisions are saved by (a username)")
        parser.add_argument(
            "--progress", type=int, default=250, help="print progress every this many rows (default 250)"
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help=f"the language of the reasons given for refused rows (default {settings.LANGUAGE_CODE})",
        )

    def handle(self, *args, language, **options):
        # The reasons speak the language asked for, whatever was active before (a shell, a test).
        with translation.override(language):
            self._import(**options)

    def _import(self, *, file, dry_run, publish, kind, files, user, progress, verbosity, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        author = None
        if user:
            author = get_user_model().objects.filter(username=user).first()
            if author is None:
                raise CommandError(f"--user {user}: no such user")
        root = Path(files) if files else settings.IMPORT_ROOT

        def report(outcome):
            if outcome.action == rows.REFUSED:
                self.stdout.write(f"row {outcome.number}: refused: {outcome.title}")
                for reason in outcome.reasons:
                    self.stdout.write(f"    {reason}")
            elif verbosity > 1 and outcome.action != run.SKIPPED:
                self.stdout.write(f"row {outcome.number}: {outcome.action}: {outcome.title}")

        def show_progress(number, counts):
            self.stdout.write(f"… row {number}: {summary(counts)}")
            self.stdout.flush()

        with path.open("rb") as handle:
            try:
                counts, _last, _done = run.process(
                    handle,
                    write=not dry_run,
                    publish=publish,
                    user=author,
                    root=root,
                    only_kind=kind or "",
                    on_outcome=report,
                    progress=show_progress if progress > 0 else None,
                    every=max(progress, 1),
                )
            except reader.BadFile as error:
                raise CommandError(f"{file}: {error}") from error
        what = (
            "Dry run, nothing changed" if dry_run else ("Imported and published" if publish else "Imported as drafts")
        )
        self.stdout.write(f"{what}: {summary(counts)}.")
