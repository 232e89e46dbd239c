"""News listings: newest first, a featured article, filters by category, theme,
year and park, pagination. Bad filter values are ignored (a theme that is not
offered says so)."""

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

from .models import NewsCategoryPage, NewsIndexPage, NewsPage, articles_in

PER_PAGE = 9
# Articles dated ahead appear at their time: what is kept of a listing lives this long.
TIMEOUT = 120


def filter_options(locale_id):
    def build():
        index = NewsIndexPage.objects.live().filter(locale_id=locale_id).first()
        categories = public(NewsCategoryPage.objects.child_of(index).live()) if index else []
        return {
            "categories": category_options(categories),
            "parks": park_options(locale_id),
            # Years of the articles shown now: never a year only future articles hold.
            "years": [d.year for d in articles_in(locale_id).datetimes("date", "year", "DESC")],
            "feeds": {
                "rss": index.url + index.reverse_subpage("rss"),
                "atom": index.url + index.reverse_subpage("atom"),
            }
            if index
            else {},
        }

    # A short life: an article dated ahead brings its year on its date.
    return fragments.cached(f"news-filters:{locale_id}", 0, build, timeout=TIMEOUT)


def news_listing(request, page):
    options = filter_options(page.locale_id)
    filters = Filters(request, lambda: articles_in(page.locale_id))
    filters.category(options["categories"], page if isinstance(page, NewsCategoryPage) else None)
    themes = theme_filters.apply(filters, theme_filters.listing_options("news", lambda: articles_in(page.locale_id)))
    filters.year(options["years"], "date")
    filters.linked("park", options["parks"], via="related_links__related")

    # Unfiltered, the newest featured article leads page 1 and is left out of
    # the cards on every page, so pagination neither repeats nor skips one.
    featured_pk = featured_path = None
    if not filters.any_chosen():
        featured_pk, featured_path = fragments.cached(
            f"news-featured:{page.pk}",
            0,
            lambda: (
                filters.pages.filter(featured=True).order_by("-date", "-pk").values_list("pk", "path").first()
                or (None, None)
            ),
            timeout=TIMEOUT,
        )
    # The matching articles' ids and paths, counted and sliced in the database
    # and kept per filter choice (pages.listing.KeptRows). The shown ones are
    # refs: their cards are kept with the fragments, so pages are loaded (in
    # one query) only for a card that must be built.
    # The featured article is part of the name: when another one leads (one
    # dated ahead reaching its date), the kept rows it was left out of are not read.
    rows = KeptRows(
        f"news:{page.pk}:{filters.key()}:{featured_pk}",
        lambda: filters.pages.exclude(pk=featured_pk).order_by("-date", "-pk").values_list("pk", "path"),
        timeout=TIMEOUT,
    )
    results = paginate(request, rows, PER_PAGE)
    show_featured = featured_pk is not None and results.number == 1
    paths = dict(results.object_list)
    shown = ShownPages(
        NewsPage.objects.select_related("lead_image").defer_streamfields(),
        [*paths, *([featured_pk] if show_featured else [])],
    )
    by_path = {c["path"]: c for c in options["categories"]}
    category = {pk: by_path.get(category_path(path)) for pk, path in paths.items()}
    results.object_list = [PageRef(pk, shown, category_page=category[pk]) for pk in paths]
    # A list: shown by {% card_list %}.
    featured = [PageRef(featured_pk, shown, by_path.get(category_path(featured_path)))] if show_featured else []
    return {
        **options,
        **themes,
        "featured": featured,
        "results": results,
        "selected": filters.selected,
        "show_category_filter": not isinstance(page, NewsCategoryPage),
        "filter_query": querystring_without(request, "page"),
        "filter_key": filters.key(),
    }
