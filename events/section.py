"""What events bring to the shell (pages.sections): their listings, dataset,
update topic, slots (upcoming events on the home page, highlighted events in
every footer, the events on each park's page), demo, and the registrations
they keep and for how long (the privacy notice)."""

from django.utils.translation import gettext_lazy as _

from pages.demo.registry import Seeder
from pages.navigation.slots import cached
from pages.old_addresses import OldAddress
from pages.operations.retention import Retained
from pages.sections import Section
from parks.related import park_list

from . import datasets, importing, shell_slots, updates
from .listing import event_listing
from .models import EventCategoryPage, EventIndexPage, UpcomingEventsPage, events_in
from .registration.models import Registration


def _after_the_event(months_ago, day_ago):
    """Registrations go PERSONAL_DATA_MONTHS (a year) after the event."""
    return Registration.objects.filter(event__end__lt=months_ago)


def _unconfirmed(months_ago, day_ago):
    """A request nobody confirmed within a day (its link has expired) is not kept."""
    return Registration.objects.filter(status="pending", changed_at__lt=day_ago)


SECTION = Section(
    listings={EventIndexPage: event_listing, UpcomingEventsPage: event_listing, EventCategoryPage: event_listing},
    datasets=(datasets.EVENTS,),
    topics=(updates.TOPIC,),
    slots=(
        cached(
            "home",
            "events/includes/home_upcoming.html",
            "home-upcoming-events",
            shell_slots.home_upcoming,
            order=10,
            timeout=shell_slots.CLOCK_TIMEOUT,
        ),  # fmt: skip
        cached(
            "footer",
            "events/includes/footer_highlighted.html",
            "footer-highlighted-events",
            shell_slots.footer_highlighted,
            order=10,
        ),  # fmt: skip
        park_list(
            "events",
            _("Events at this park"),
            events_in,
            via="park_links__park",
            newest_first="-start",
            meta=lambda event: event.dates_display,
            order=10,
            timeout=shell_slots.CLOCK_TIMEOUT,
        ),  # fmt: skip
    ),
    demo=(Seeder("events.demo.seed_events", order=30), Seeder("events.registration.demo.seed_registrations", order=31)),
    personal_data=(
        Retained("events.Registration", "event registrations", _after_the_event, forget_mail=True),
        Retained("events.Registration", "unconfirmed event registrations", _unconfirmed),
    ),
    # eip-vietnam.org/event/48, khucongnghiepsinhthai-vietnam.vn/event/15 (docs/operations.md, "Old addresses").
    old_addresses=(OldAddress("events", r"event/\d+", EventIndexPage, _("Here are the project's events.")),),
    imports=(importing.KIND,),
)
