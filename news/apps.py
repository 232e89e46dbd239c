from django.apps import AppConfig


class NewsConfig(AppConfig):
    """What news brings to the shell is declared in news/section.py (pages.sections)."""

    name = "news"
    verbose_name = "News"
