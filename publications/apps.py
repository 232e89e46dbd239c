from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    """What publications bring to the shell is declared in publications/section.py (pages.sections)."""

    name = "publications"
    verbose_name = "Publications"

    def ready(self):
        # Counting downloads listens to Wagtail's document_served signal.
        from . import downloads  # noqa: F401
