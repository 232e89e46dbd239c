"""What events show in the shell: upcoming events on the home page and
"Highlighted events" in every page's footer (pages.slots)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from pages import slots
from pages.cache import fragments
from pages.listing import public
from pages.localized import active_locale

from .models import EventPage

# What is "upcoming" changes with the clock, not only with publishing.
CLOCK_TIMEOUT = 300


def _cards(events):
    return [
        {"title": event.title, "url": event.url, "dates": event.dates_display, "venue": event.venue} for event in events
    ]


@slots.register("home", "events/includes/home_upcoming.html", order=10)
def home_upcoming(request):
    def build():
        events = public(EventPage.objects.live().filter(locale_id=active_locale().pk))
        return {"events": _cards(events.filter(end__gte=timezone.now()).order_by("start")[:3])}

    return fragments.cached("home-upcoming-events", 0, build, timeout=CLOCK_TIMEOUT)


@slots.register("footer", "events/includes/footer_highlighted.html", order=10)
def footer_highlighted(request):
    def build():
        events = public(EventPage.objects.live().filter(locale_id=active_locale().pk, highlighted=True))
        return {"events": _cards(events.order_by("-start")[:3])}

    return fragments.cached("footer-highlighted-events", 0, build)


@slots.register("park", "includes/related_list.html", order=10)
def park_events(request, park):
    def build():
        events = public(
            EventPage.objects.live().filter(
                locale_id=park.locale_id, park_links__park__translation_key=park.translation_key
            )
        ).distinct()
        items = [{"title": e.title, "url": e.url, "meta": e.dates_display} for e in events.order_by("-start")[:6]]
        return {"key": "events", "heading": _("Events at this park"), "items": items}

    return fragments.cached(f"park-events:{park.pk}", 0, build, timeout=CLOCK_TIMEOUT)
