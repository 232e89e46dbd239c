from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "News"

    def ready(self):
        from pages.cache.receivers import invalidate_on_change

        from . import datasets, shell_slots, updates  # noqa: F401
        from .models import NewsTopic

        invalidate_on_change(NewsTopic)
