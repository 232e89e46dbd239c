from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Pages"

    def ready(self):
        from . import privacy, purge, signals  # noqa: F401

        purge.connect()
