"""Events as a topic of the e-mail updates (pages.updates.topics)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pages.updates import topics


def summarise(page):
    where = ", ".join(part for part in (page.venue, page.address) if part)
    date_line = _("%(dates)s (Viet Nam time)") % {"dates": page.dates_display}
    return topics.Summary(
        title=page.title,
        date_line=f"{date_line} · {where}" if where else date_line,
        teaser=page.intro or page.search_description,
    )


def still_to_come(event):
    """Subscribers hear of events they can still attend; a past event added to the record is not news."""
    return (event.end or event.start) >= timezone.now()


topics.register(
    topics.Topic(
        key="events",
        label=gettext_lazy("Events"),
        models=("events.EventPage",),
        summarise=summarise,
        order=20,
        announces=still_to_come,
    )
)
