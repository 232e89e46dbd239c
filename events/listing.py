"""Event listings: upcoming soonest first, past newest first, filters by
category, park and year, pagination. Bad filter values are ignored."""

from django.utils import timezone

from pages.cache import fragments
from pages.listing import Filters, builds, category_options, paginate, public, querystring_without, with_categories
from parks.models import park_options

from .models import EventCategoryPage, EventIndexPage, UpcomingEventsPage, events_in

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


@builds(EventIndexPage, UpcomingEventsPage, EventCategoryPage)
def event_listing(request, page):
    """Context for the index, the upcoming page and a category page."""
    options = filter_options(page.locale_id)
    categories = options["categories"]
    now = timezone.now()
    # The cards show no body: the events' StreamFields stay in the database.
    filters = Filters(request, events_in(page.locale_id).defer_streamfields())
    filters.category(categories, page if page.listing_scope == "category" else None)
    filters.linked("park", options["parks"], via="park_links__park")

    upcoming = filters.pages.filter(end__gte=now).order_by("start", "pk")
    context = {
        "categories": categories,
        "parks": options["parks"],
        "selected": filters.selected,
        "filter_query": querystring_without(request, "page"),
        "calendar_url": options["calendar_url"],
        "show_category_filter": page.listing_scope != "category",
    }
    if page.listing_scope == "upcoming":
        filters.selected["year"] = None
        context["upcoming"] = with_categories(paginate(request, upcoming, PER_PAGE), categories)
        return context

    years = _past_years(page.locale_id)
    filters.pages = filters.pages.filter(end__lt=now)  # years filter the record of past events only
    filters.year(years, "start")
    context.update(
        {
            "upcoming": with_categories(list(upcoming[:6]), categories),
            "past": with_categories(paginate(request, filters.pages.order_by("-start", "-pk"), PER_PAGE), categories),
            "years": years,
        }
    )
    return context
