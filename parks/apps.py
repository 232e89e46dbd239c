from django.apps import AppConfig


class ParksConfig(AppConfig):
    name = "parks"
    verbose_name = "EIP demonstration"

    def ready(self):
        from pages.cache.receivers import invalidate_on_change

        from . import datasets, live_data  # noqa: F401
        from .models import CompanyResult, ParkIndicator

        invalidate_on_change(CompanyResult, ParkIndicator)
