"""What events show in the shell: upcoming events on the home page and
"Highlighted events" in every page's footer (pages.navigation.slots)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.navigation import slots
from pages.navigation.localized import active_locale
from parks.related import register_park_list

from .models import events_in

# What is "upcoming" changes with the clock, not only with publishing.
CLOCK_TIMEOUT = 300


def _cards(events):
    return [
        {"title": event.title, "url": event.url, "dates": event.dates_display, "venue": event.venue} for event in events
    ]


@slots.cached("home", "events/includes/home_upcoming.html", "home-upcoming-events", order=10, timeout=CLOCK_TIMEOUT)
def home_upcoming():
    events = events_in(active_locale().pk)
    return {"events": _cards(events.filter(end__gte=timezone.now()).order_by("start")[:3])}


@slots.cached("footer", "events/includes/footer_highlighted.html", "footer-highlighted-events", order=10)
def footer_highlighted():
    events = events_in(active_locale().pk).filter(highlighted=True)
    return {"events": _cards(events.order_by("-start")[:3])}


park_events = register_park_list(
    "events",
    _("Events at this park"),
    events_in,
    via="park_links__park",
    newest_first="-start",
    meta=lambda event: event.dates_display,
    order=10,
    timeout=CLOCK_TIMEOUT,
)
