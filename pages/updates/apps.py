from django.apps import AppConfig


class UpdatesConfig(AppConfig):
    """E-mail updates, a room of its own: models, migrations, views, admin,
    templates and tests here; it builds on the shell (pages), never the reverse.
    What it brings to the shell is declared in its section.py (pages.sections)."""

    name = "pages.updates"
    label = "updates"
    verbose_name = "E-mail updates"
