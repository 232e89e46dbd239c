"""Event listings: upcoming soonest first, past newest first, filters by
category, theme, park and year, pagination. Bad filter values are ignored (a
theme that is not offered says so)."""

from django.utils import timezone

from pages.cache import fragments
from pages.listing import (
    Filters,
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

    return fragments.cached(f"event-years:{locale_id}", 0, build, timeout=300)


def event_listing(request, page):
    """Context for the index, the upcoming page and a category page."""
    options = filter_options(page.locale_id)
    categories = options["categories"]
    now = timezone.now()
    filters = Filters(request, events_in(page.locale_id))
    filters.category(categories, page if page.listing_scope == "category" else None)
    themes = theme_filters.apply(filters, theme_filters.listing_options("events", lambda: events_in(page.locale_id)))
    filters.linked("park", options["parks"], via="park_links__park")

    # The matching events' ids and paths in light queries. The shown ones are
    # refs: their cards are kept with the fragments ({% card_list %}), so events
    # are loaded (in one query, without their StreamFields) only for a card
    # that must be built.
    shown = ShownPages(EventPage.objects.defer_streamfields(), [])
    by_path = {category["path"]: category for category in categories}

    def refs(rows):
        rows = list(rows)
        shown.pks.extend(pk for pk, _path in rows)
        return [PageRef(pk, shown, category_page=by_path.get(category_path(path))) for pk, path in rows]

    def shown_page(rows):
        results = paginate(request, list(rows), PER_PAGE)
        results.object_list = refs(results.object_list)
        return results

    upcoming = filters.pages.filter(end__gte=now).order_by("start", "pk").values_list("pk", "path")
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
        context["upcoming"] = shown_page(upcoming)
        return context

    years = _past_years(page.locale_id)
    filters.pages = filters.pages.filter(end__lt=now)  # years filter the record of past events only
    filters.year(years, "start")
    context.update(
        {
            "upcoming": refs(upcoming[:6]),
            "past": shown_page(filters.pages.order_by("-start", "-pk").values_list("pk", "path")),
            "years": years,
        }
    )
    return context
