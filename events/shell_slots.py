"""What events show in the shell: upcoming events on the home page and
"Highlighted events" in every page's footer (slots declared in its section)."""

from django.utils import timezone

from pages.navigation.localized import active_locale

from .models import events_in

# What is "upcoming" changes with the clock, not only with publishing.
CLOCK_TIMEOUT = 300


def _cards(events):
    return [
        {"title": event.title, "url": event.url, "dates": event.dates_display, "venue": event.venue} for event in events
    ]


def home_upcoming():
    events = events_in(active_locale().pk)
    return {"events": _cards(events.filter(end__gte=timezone.now()).order_by("start")[:3])}


def footer_highlighted():
    events = events_in(active_locale().pk).filter(highlighted=True)
    return {"events": _cards(events.order_by("-start")[:3])}
