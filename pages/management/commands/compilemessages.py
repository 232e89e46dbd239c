"""Compile locale/*.po into .mo with polib, so no system gettext is needed.

Replaces Django's command of the same name (which needs GNU msgfmt) for this
project; the output is the same binary catalogue Django reads.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogues():
    for locale_dir in settings.LOCALE_PATHS:
        yield from sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = "Compile the project's .po files into .mo files (pure Python, no gettext needed)."

    def handle(self, *args, **options):
        for po_path in catalogues():
            catalogue = polib.pofile(str(po_path))
            catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
            self.stdout.write(f"Compiled {po_path} ({catalogue.percent_translated()}% translated)")
