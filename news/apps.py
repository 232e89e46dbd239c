from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "News"

    def ready(self):
        # Imported here, not at the top: they need the models, which Django loads
        # only after every app config; importing them registers what they offer.
        from pages.cache.receivers import invalidate_on_change

        from . import datasets, listing, shell_slots, updates  # noqa: F401
        from .models import NewsTopic

        invalidate_on_change(NewsTopic)
