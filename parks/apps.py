from django.apps import AppConfig


class ParksConfig(AppConfig):
    name = "parks"
    verbose_name = "EIP demonstration"

    def ready(self):
        # Imported here, not at the top: they need the models, which Django loads
        # only after every app config; importing them registers what they offer.
        from pages.cache.receivers import invalidate_on_change

        from . import company_results, datasets, live_data  # noqa: F401
        from .models import CompanyResult, ParkIndicator

        invalidate_on_change(CompanyResult, ParkIndicator)
