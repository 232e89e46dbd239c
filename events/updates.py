"""Events as a topic of the e-mail updates (pages.updates.topics; declared in its section)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pages.updates import topics


def date_line(page):
    where = ", ".join(part for part in (page.venue, page.address) if part)
    when = _("%(dates)s (Viet Nam time)") % {"dates": page.dates_display}
    return f"{when} · {where}" if where else when


def still_to_come(event):
    """Subscribers hear of events they can still attend; a past event added to the record is not news."""
    return (event.end or event.start) >= timezone.now()


TOPIC = topics.Topic(
    key="events",
    label=gettext_lazy("Events"),
    models=("events.EventPage",),
    date_line=date_line,
    order=20,
    announces=still_to_come,
)
