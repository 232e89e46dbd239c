from django.apps import AppConfig


class OpendataConfig(AppConfig):
    """Open data, a room of its own: models, migrations, views, templates and
    tests here; it builds on the shell (pages), never the reverse."""

    name = "pages.opendata"
    label = "opendata"
    verbose_name = "Open data"
