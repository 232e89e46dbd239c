from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self):
        # Imported here, not at the top: they need the models, which Django loads
        # only after every app config; importing them registers what they offer.
        from pages.mail import outbox
        from pages.operations import retention

        from . import datasets, listing, shell_slots, updates  # noqa: F401
        from .registration.models import Registration

        # The privacy notice: registrations are deleted a year after the event.
        retention.register(
            "event registrations", lambda months_ago, day_ago: Registration.objects.filter(event__end__lt=months_ago)
        )
        # A request nobody confirmed within a day (its link has expired) is not kept.
        retention.register(
            "unconfirmed event registrations",
            lambda months_ago, day_ago: Registration.objects.filter(status="pending", changed_at__lt=day_ago),
        )
        outbox.forget_with(Registration)
