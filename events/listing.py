"""Event listings: upcoming soonest first, past newest first, filters by
category, theme, park and year, pagination. Bad filter values are ignored (a
theme that is not offered says so)."""

from django.utils import timezone

from pages.cache import fragments
from pages.listing import (
    Filters,
    KeptRows,
    PageRef,
    ShownPages,
    category_options,
    paginate,
    public,
    querystring_without,
)
from pages.lookups import category_path
from pages.themes import filters as theme_filters
from parks.models import park_options

from .models import EventCategoryPage, EventIndexPage, EventPage, events_in
from .shell_slots import CLOCK_TIMEOUT

PER_PAGE = 10


def filter_options(locale_id):
    """The categories and parks to filter by, and the calendar feed's address,
    cached with the shell so a listing spends its queries on events only."""

    def build():
        index = EventIndexPage.objects.live().filter(locale_id=locale_id).first()
        if index is None:
            return {"categories": [], "parks": [], "calendar_url": ""}
        categories = public(EventCategoryPage.objects.child_of(index).live()).only("title", "slug", "path", "url_path")
        return {
            "categories": category_options(categories),
            "parks": park_options(locale_id),
            "calendar_url": index.url + index.reverse_subpage("calendar"),
        }

    return fragments.cached(f"event-filters:{locale_id}", 0, build)


def _past_years(locale_id):
    def build():
        now = timezone.now()
        starts = events_in(locale_id).filter(end__lt=now).datetimes("start", "year", order="DESC")
        return [start.year for start in starts]

    return fragments.cached(f"event-years:{locale_id}", 0, build, timeout=CLOCK_TIMEOUT)


def event_listing(request, page):
    """Context for the index, the upcoming page and a category page."""
    options = filter_options(page.locale_id)
    categories = options["categories"]
    filters = Filters(request, lambda: events_in(page.locale_id))
    filters.category(categories, page if page.listing_scope == "category" else None)
    themes = theme_filters.apply(filters, theme_filters.listing_options("events", lambda: events_in(page.locale_id)))
    filters.linked("park", options["parks"], via="park_links__park")

    # The matching events' ids and paths, counted and sliced in the database
    # and kept per filter choice (pages.listing.KeptRows) for as long as the
    # clock cannot move an event from upcoming to past. The shown ones are
    # refs: their cards are kept with the fragments ({% card_list %}), so
    # events are loaded (in one query, without their StreamFields) only for a
    # card that must be built.
    shown = ShownPages(EventPage.objects.defer_streamfields(), [])
    by_path = {category["path"]: category for category in categories}

    def refs(rows):
        rows = list(rows)
        shown.pks.extend(pk for pk, _path in rows)
        return [PageRef(pk, shown, category_page=by_path.get(category_path(path))) for pk, path in rows]

    def shown_page(rows):
        results = paginate(request, rows, PER_PAGE)
        results.object_list = refs(results.object_list)
        return results

    def kept(part, rows):
        return KeptRows(f"events:{page.pk}:{part}:{filters.key()}", rows, timeout=CLOCK_TIMEOUT)

    def upcoming():
        now = timezone.now()
        return filters.pages.filter(end__gte=now).order_by("start", "pk").values_list("pk", "path")

    context = {
        "categories": categories,
        "parks": options["parks"],
        "selected": filters.selected,
        "filter_query": querystring_without(request, "page"),
        "calendar_url": options["calendar_url"],
        "show_category_filter": page.listing_scope != "category",
        **themes,
    }
    if page.listing_scope == "upcoming":
        filters.selected["year"] = None
        context["upcoming"] = shown_page(kept("upcoming", upcoming))
        context["filter_key"] = filters.key()
        return context

    years = _past_years(page.locale_id)
    soon = kept("upcoming", upcoming)[:6]  # before the year filter, which concerns past events only
    filters.then(lambda pages: pages.filter(end__lt=timezone.now()))
    filters.year(years, "start")
    past = kept("past", lambda: filters.pages.order_by("-start", "-pk").values_list("pk", "path"))
    context.update({"upcoming": refs(soon), "past": shown_page(past), "years": years, "filter_key": filters.key()})
    return context
