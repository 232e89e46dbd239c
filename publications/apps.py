from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = "Publications"

    def ready(self):
        # Imported here, not at the top: they need the models, which Django loads
        # only after every app config; importing them registers what they offer.
        from wagtail.documents import get_document_model

        from pages.cache.receivers import invalidate_on_change

        from . import datasets, downloads, library, shell_slots, updates  # noqa: F401

        # File names and sizes are shown from the shell's cache.
        invalidate_on_change(get_document_model())
