from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = "Publications"

    def ready(self):
        from wagtail.documents import get_document_model

        from pages.cache.receivers import invalidate_on_change

        from . import datasets, downloads, shell_slots, updates  # noqa: F401

        # File names and sizes are shown from the shell's cache.
        invalidate_on_change(get_document_model())
