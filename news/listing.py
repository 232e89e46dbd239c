"""News listings: newest first, a featured article, filters by category, theme,
year and park, pagination. Bad filter values are ignored (a theme that is not
offered says so)."""

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

from .models import NewsCategoryPage, NewsIndexPage, NewsPage, articles_in

PER_PAGE = 9


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
    return fragments.cached(f"news-filters:{locale_id}", 0, build, timeout=120)


def news_listing(request, page):
    options = filter_options(page.locale_id)
    filters = Filters(request, articles_in(page.locale_id))
    filters.category(options["categories"], page if isinstance(page, NewsCategoryPage) else None)
    themes = theme_filters.apply(filters, theme_filters.listing_options("news", lambda: articles_in(page.locale_id)))
    filters.year(options["years"], "date")
    filters.linked("park", options["parks"], via="related_links__related")
    articles = filters.pages.order_by("-date", "-pk")

    # The matching articles' ids, flags and paths in one light query. The
    # shown ones are refs: their cards are kept with the fragments, so pages
    # are loaded (in one query) only for a card that must be built.
    # Unfiltered, the newest featured article leads page 1 and is left out of
    # the cards on every page, so pagination neither repeats nor skips one.
    rows = list(articles.values_list("pk", "featured", "path"))
    featured_pk = None
    if not filters.any_chosen():
        featured_pk = next((pk for pk, is_featured, _path in rows if is_featured), None)
    results = paginate(request, [pk for pk, _featured, _path in rows if pk != featured_pk], PER_PAGE)
    show_featured = featured_pk is not None and results.number == 1
    shown = ShownPages(
        NewsPage.objects.select_related("lead_image").defer_streamfields(),
        [*results.object_list, *([featured_pk] if show_featured else [])],
    )
    by_path = {c["path"]: c for c in options["categories"]}
    paths = {pk: path for pk, _featured, path in rows}
    refs = {pk: PageRef(pk, shown, category_page=by_path.get(category_path(paths[pk]))) for pk in shown.pks}
    results.object_list = [refs[pk] for pk in results.object_list]
    featured = [refs[featured_pk]] if show_featured else []  # a list: shown by {% card_list %}
    return {
        **options,
        **themes,
        "featured": featured,
        "results": results,
        "selected": filters.selected,
        "show_category_filter": not isinstance(page, NewsCategoryPage),
        "filter_query": querystring_without(request, "page"),
    }
