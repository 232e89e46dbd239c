"""iCalendar (RFC 5545) for one event and a per-language feed of upcoming events.

Times carry the Asia/Ho_Chi_Minh zone with its VTIMEZONE, so calendar apps
anywhere show the right local time; all-day events are dates.
"""

import datetime

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

PRODID = "-//EIP Viet Nam//Events//EN"


def _event_component(event, request):
    component = icalendar.Event()
    component.add("uid", f"event-{event.translation_key}-{event.locale_id}@eipvn")
    component.add("summary", event.title)
    component.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    start = timezone.localtime(event.start)
    end = timezone.localtime(event.end or event.start)
    if event.all_day or event.month_only:
        component.add("dtstart", start.date())
        component.add("dtend", end.date() + datetime.timedelta(days=1))  # DTEND is exclusive for dates
    else:
        component.add("dtstart", start)
        component.add("dtend", end)
    if event.venue or event.address:
        component.add("location", ", ".join(part for part in (event.venue, event.address) if part))
    description = event.search_description or event.intro
    if description:
        component.add("description", description)
    component.add("url", event.get_full_url(request))
    if event.last_published_at:
        component.add("last-modified", event.last_published_at.astimezone(datetime.UTC))
    return component


def _calendar(name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _response(calendar, filename):
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _event_calendar(request, event):
    calendar = _calendar(event.title)
    calendar.add_component(_event_component(event, request))
    return calendar


def event_ics(request, event):
    """The event as an .ics file's bytes (attached to registration e-mails)."""
    calendar = _event_calendar(request, event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_calendar_response(request, event):
    return _response(_event_calendar(request, event), f"{event.slug}.ics")


def upcoming_calendar_response(request, index, events):
    """The index's feed of the listed ``events`` still to come."""
    calendar = _calendar(f"{index.title} – EIP Viet Nam")
    for event in events.filter(end__gte=timezone.now()).order_by("start")[:200]:
        calendar.add_component(_event_component(event, request))
    return _response(calendar, f"eipvn-events-{get_language()}.ics")
