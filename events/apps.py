from django.apps import AppConfig


class EventsConfig(AppConfig):
    """What events bring to the shell is declared in events/section.py (pages.sections)."""

    name = "events"
    verbose_name = "Events"
