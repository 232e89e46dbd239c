"""The events' open dataset (pages.opendata): every public event of the
language, past and upcoming, from the queryset the listings use."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.lookups import category_path
from pages.navigation.localized import active_locale
from pages.opendata.registry import Dataset, columns
from pages.themes.lookups import names_by_item
from parks.models import public_parks

from .listing import filter_options
from .models import EventPage, EventPark, events_in


def _parks_by_event(events, locale_id):
    """Each event's public parks in the language, in two queries for all events."""
    parks = {park.translation_key: park.title for park in public_parks(locale_id).only("title", "translation_key")}
    links = EventPark.objects.filter(page__in=[event.pk for event in events]).order_by("sort_order")
    found = {}
    for page_id, key in links.values_list("page_id", "park__translation_key"):
        if key in parks:
            found.setdefault(page_id, []).append(parks[key])
    return found


def _rows(request):
    locale = active_locale()
    locale_id = locale.pk
    categories = {category["path"]: category["title"] for category in filter_options(locale_id)["categories"]}
    events = list(events_in(locale_id).defer_streamfields().order_by("start", "pk"))
    parks = _parks_by_event(events, locale_id)
    themes = names_by_item(EventPage, [event.pk for event in events], locale)
    for event in events:
        url = event.get_full_url(request)
        end = event.end or event.start
        yield (event.title, timezone.localtime(event.start).isoformat(), timezone.localtime(end).isoformat(),
               event.all_day, event.month_only, categories.get(category_path(event.path), ""), event.venue,
               event.address, parks.get(event.pk, []), event.organisers, event.event_language.split("-"), url,
               url + event.reverse_subpage("ics"), themes.get(event.pk, []))  # fmt: skip


EVENTS = Dataset(
    name="events",
    title=_("Events"),
    description=_("The project's events, past and upcoming, as listed on the events pages."),
    columns=columns(
        ("title", _("The event's name")),
        ("start", _("When it starts: ISO 8601 with the time zone of Viet Nam (+07:00)")),
        ("end", _("When it ends, in the same form")),
        ("all_day", _("True when only the dates count, not the times")),
        ("month_only", _("True when only the month is known")),
        ("category", _("The kind of event")),
        ("venue", _("The place")),
        ("address", _("The place's address")),
        ("parks", _("The demonstration parks it is about")),
        ("organisers", _("Who organises it")),
        ("languages", _("The languages spoken at it, as codes (en, vi)")),
        ("url", _("The event's page")),
        ("ics_url", _("The event as an iCalendar file")),
        ("themes", _("Its themes, in the dataset's language")),
    ),
    rows=_rows,
    key=("url",),
    pages=("events.EventPage",),
    order=30,
)
