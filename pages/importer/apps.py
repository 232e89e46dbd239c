from django.apps import AppConfig


class ImporterConfig(AppConfig):
    """Bringing existing content in from a spreadsheet, a room of its own: its
    models, migrations, views, templates and command are here; it builds on the
    shell (pages), and the sections say what it may import (their ``imports``)."""

    name = "pages.importer"
    label = "importer"
    verbose_name = "Import"
