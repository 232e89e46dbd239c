"""Event listings: upcoming soonest first, past newest first, filters by
category, park and year, pagination. Bad filter values are ignored."""

from django.utils import timezone

from pages.cache import fragments
from pages.listing import choice_param, paginate, public, querystring_without
from parks.models import public_parks

from .models import EventCategoryPage, EventIndexPage, EventPage

PER_PAGE = 10


def events_in(locale_id):
    return public(EventPage.objects.live().filter(locale_id=locale_id))


def filter_options(locale_id):
    """The categories and parks to filter by, and the calendar feed's address,
    cached with the shell so a listing spends its queries on events only."""

    def build():
        index = EventIndexPage.objects.live().filter(locale_id=locale_id).first()
        if index is None:
            return {"categories": [], "parks": [], "calendar_url": ""}
        categories = public(EventCategoryPage.objects.child_of(index).live()).only("title", "slug", "path", "url_path")
        parks = public_parks(locale_id).only("title", "translation_key", "path")
        return {
            "categories": [{"path": c.path, "slug": c.slug, "title": c.title, "url": c.url} for c in categories],
            "parks": [{"pk": p.pk, "title": p.title, "translation_key": p.translation_key} for p in parks],
            "calendar_url": index.url + index.reverse_subpage("calendar"),
        }

    return fragments.cached(f"event-filters:{locale_id}", 0, build)


def _past_years(locale_id):
    def build():
        now = timezone.now()
        starts = events_in(locale_id).filter(end__lt=now).datetimes("start", "year", order="DESC")
        return [start.year for start in starts]

    return fragments.cached(f"event-years:{locale_id}", 0, build, timeout=300)


def annotate(events, categories):
    """Give each event its category without a query per event."""
    by_path = {category["path"]: category for category in categories}
    for event in events:
        event.category_page = by_path.get(event.path[: -EventPage.steplen])
    return events


def event_listing(request, page):
    """Context for the index, the upcoming page and a category page."""
    options = filter_options(page.locale_id)
    categories, parks = options["categories"], options["parks"]
    now = timezone.now()
    events = events_in(page.locale_id)

    selected = {"category": None, "park": None, "year": None}
    if page.listing_scope == "category":
        events = events.child_of(page)
    else:
        selected["category"] = choice_param(request, "category", [c["slug"] for c in categories])
        if selected["category"]:
            category = next(c for c in categories if c["slug"] == selected["category"])
            events = events.filter(path__startswith=category["path"], depth=len(category["path"]) // 4 + 1)
    selected["park"] = choice_param(request, "park", [park["pk"] for park in parks])
    if selected["park"]:
        park = next(p for p in parks if p["pk"] == selected["park"])
        events = events.filter(park_links__park__translation_key=park["translation_key"]).distinct()

    upcoming = events.filter(end__gte=now).order_by("start", "pk")
    context = {
        "categories": categories,
        "parks": parks,
        "selected": selected,
        "filter_query": querystring_without(request, "page"),
        "calendar_url": options["calendar_url"],
        "show_category_filter": page.listing_scope != "category",
    }
    if page.listing_scope == "upcoming":
        context["upcoming"] = annotate(paginate(request, upcoming, PER_PAGE), categories)
        return context

    years = _past_years(page.locale_id)
    selected["year"] = choice_param(request, "year", years)
    past = events.filter(end__lt=now).order_by("-start", "-pk")
    if selected["year"]:
        past = past.filter(start__year=selected["year"])
    context.update(
        {
            "upcoming": annotate(list(upcoming[:6]), categories),
            "past": annotate(paginate(request, past, PER_PAGE), categories),
            "years": years,
        }
    )
    return context
