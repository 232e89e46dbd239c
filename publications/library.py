"""The document library: filters by category, theme, year, file language, park and
a law's legal status, sorting by date, free-text search, pagination. Bad
values are ignored."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pages.cache import fragments
from pages.listing import (
    Filters,
    KeptRows,
    PageRef,
    ShownPages,
    category_options,
    choice_param,
    paginate,
    public,
    querystring_without,
    search_words,
)
from pages.lookups import category_path
from pages.themes import filters as theme_filters
from parks.models import park_options

from .models import LegalStatus, PublicationCategoryPage, PublicationIndexPage, PublicationPage, publications_in

PER_PAGE = 10
MAX_QUERY = 200
STATUS_ORDER = list(LegalStatus.values)
SORTS = {"newest": ("-publication_date", "-pk"), "oldest": ("publication_date", "pk")}


def filter_options(locale_id):
    """Categories, parks and years to filter by, cached with the shell."""

    def build():
        index = PublicationIndexPage.objects.live().filter(locale_id=locale_id).first()
        categories = public(PublicationCategoryPage.objects.child_of(index).live()) if index else []
        publications = publications_in(locale_id)
        sections = public(index.get_children().in_menu()) if index else []
        return {
            "sections": [{"title": s.title, "url": s.url, "summary": s.search_description} for s in sections],
            "categories": category_options(categories),
            "parks": park_options(locale_id),
            "years": [d.year for d in publications.dates("publication_date", "year", order="DESC")],
            # (category path, status) of the laws that have one: a listing offers only its own.
            "statuses": sorted(
                set(publications.exclude(legal_status="").values_list("path", "legal_status")),
                key=lambda item: STATUS_ORDER.index(item[1]),
            ),
        }

    return fragments.cached(f"library-filters:{locale_id}", 0, build)


def status_options(statuses, page):
    """The legal statuses among the listing's public documents, as (code, label), in the choices' order."""
    category_path = page.path if isinstance(page, PublicationCategoryPage) else ""
    codes = dict.fromkeys(code for path, code in statuses if path.startswith(category_path))
    return [(code, LegalStatus(code).label) for code in codes]


def search_text(request):
    """The visitor's search words, trimmed to a sane length."""
    return search_words(request)[:MAX_QUERY]


def library_context(request, page):
    options = filter_options(page.locale_id)
    filters = Filters(request, lambda: publications_in(page.locale_id))
    filters.category(options["categories"], page if isinstance(page, PublicationCategoryPage) else None)
    themes = theme_filters.apply(
        filters, theme_filters.listing_options("publications", lambda: publications_in(page.locale_id))
    )
    filters.year(options["years"], "publication_date")
    filters.choice("language", ["en", "vi"], lambda pages, code: pages.filter(**{f"file_{code}__isnull": False}))
    filters.linked("park", options["parks"], via="park_links__park")
    statuses = status_options(options["statuses"], page)
    filters.choice("status", [code for code, _label in statuses], lambda pages, code: pages.filter(legal_status=code))
    query = search_text(request)
    for word in query.split():
        filters.then(
            lambda pages, word=word: pages.filter(
                Q(title__icontains=word)
                | Q(reference__icontains=word)
                | Q(search_description__icontains=word)
                | Q(intro__icontains=word)
                | Q(publisher__icontains=word)
            )
        )
    sort = filters.selected["sort"] = choice_param(request, "sort", SORTS) or "newest"

    # The matching publications' ids and paths, counted and sliced in the
    # database; kept per filter choice (pages.listing.KeptRows), never for a
    # visitor's search words. The shown ones are refs: their entries are kept
    # with the fragments ({% card_list %}), so publications are loaded (in one
    # query, with their files and without their StreamFields) only for an
    # entry that must be built.
    def rows():
        return filters.pages.order_by(*SORTS[sort]).values_list("pk", "path")

    filter_key = None if query else filters.key()
    results = paginate(request, KeptRows(f"library:{page.pk}:{filter_key}", rows) if filter_key else rows(), PER_PAGE)
    shown = ShownPages(
        PublicationPage.objects.select_related("file_en", "file_vi").defer_streamfields(),
        [pk for pk, _path in results.object_list],
    )
    by_path = {category["path"]: category for category in options["categories"]}
    results.object_list = [
        PageRef(pk, shown, category_page=by_path.get(category_path(path))) for pk, path in results.object_list
    ]
    return {
        **options,
        **themes,
        "results": results,
        "selected": filters.selected,
        "query": query,
        "show_category_filter": not isinstance(page, PublicationCategoryPage),
        "document_languages": [("en", _("English")), ("vi", _("Vietnamese"))],
        "legal_statuses": statuses,
        "sort_options": [("newest", _("Newest first")), ("oldest", _("Oldest first"))],
        "filter_query": querystring_without(request, "page"),
        "filter_key": filter_key,
    }
