"""What the importer may make in events (pages.importer): events under an
event category, with their dates, place, themes and parks."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pages.importer.columns import Column
from pages.importer.kinds import Kind
from pages.themes.models import Theme
from parks.models import ParkPage

from .models import EventCategoryPage, EventPage

COLUMNS = (
    Column(
        "start",
        gettext_lazy("Events only: when it starts, YYYY-MM-DD HH:MM in Viet Nam's time (a date alone: all day)."),
    ),
    Column("end", gettext_lazy("Events only: when it ends, in the same form; may be empty.")),
    Column("location_en", gettext_lazy("Events only: the name of the place, in English.")),
    Column("location_vi", gettext_lazy("Events only: the name of the place, in Vietnamese.")),
)


def read(cells):
    start, start_day = cells.moment("start", required=True)
    end, end_day = cells.moment("end")
    if start and end and end < start:
        cells.refuse("end", _("the end is before the start."))
    # Dates alone: an all-day event (EventPage.clean spans its whole days).
    return {"start": start, "end": end, "all_day": start_day and (end is None or end_day)}


KIND = Kind(
    name="events",
    label=gettext_lazy("event"),
    page_model=EventPage,
    category_model=EventCategoryPage,
    read=read,
    date_field="start",
    columns=COLUMNS,
    texts={"location": "venue"},
    parks=("park_links", "park", ParkPage),
    themes=("themes", None, Theme),
)
