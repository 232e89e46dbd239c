"""The document library: filters by category, year, file language and park,
sorting by date, free-text search, pagination. Bad values are ignored."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pages.cache import fragments
from pages.listing import choice_param, paginate, public, querystring_without
from parks.models import public_parks

from .models import PublicationCategoryPage, PublicationIndexPage, PublicationPage

PER_PAGE = 10
MAX_QUERY = 200
SORTS = {"newest": ("-publication_date", "-pk"), "oldest": ("publication_date", "pk")}


def filter_options(locale_id):
    """Categories, parks and years to filter by, cached with the shell."""

    def build():
        index = PublicationIndexPage.objects.live().filter(locale_id=locale_id).first()
        categories = public(PublicationCategoryPage.objects.child_of(index).live()) if index else []
        publications = public(PublicationPage.objects.live().filter(locale_id=locale_id))
        sections = index.get_children().live().public().in_menu() if index else []
        return {
            "sections": [{"title": s.title, "url": s.url, "summary": s.search_description} for s in sections],
            "categories": [{"path": c.path, "slug": c.slug, "title": c.title} for c in categories],
            "parks": [
                {"pk": p.pk, "title": p.title, "translation_key": p.translation_key} for p in public_parks(locale_id)
            ],
            "years": [d.year for d in publications.dates("publication_date", "year", order="DESC")],
        }

    return fragments.cached(f"library-filters:{locale_id}", 0, build)


def search_text(request):
    """The visitor's search words, trimmed to a sane length."""
    value = request.GET.get("q", "")
    # Control characters (a NUL byte breaks PostgreSQL) are dropped, not searched for.
    value = "".join(char for char in value if char.isprintable() or char.isspace())
    return " ".join(value.split())[:MAX_QUERY]


def library_context(request, page):
    options = filter_options(page.locale_id)
    publications = public(
        PublicationPage.objects.live().filter(locale_id=page.locale_id).select_related("file_en", "file_vi")
    )
    selected = {"category": None}
    if isinstance(page, PublicationCategoryPage):
        publications = publications.child_of(page)
    else:
        selected["category"] = choice_param(request, "category", [c["slug"] for c in options["categories"]])
        if selected["category"]:
            category = next(c for c in options["categories"] if c["slug"] == selected["category"])
            publications = publications.filter(path__startswith=category["path"])
    selected["year"] = choice_param(request, "year", options["years"])
    if selected["year"]:
        publications = publications.filter(publication_date__year=selected["year"])
    selected["language"] = choice_param(request, "language", ["en", "vi"])
    if selected["language"]:
        publications = publications.filter(**{f"file_{selected['language']}__isnull": False})
    selected["park"] = choice_param(request, "park", [p["pk"] for p in options["parks"]])
    if selected["park"]:
        park = next(p for p in options["parks"] if p["pk"] == selected["park"])
        publications = publications.filter(park_links__park__translation_key=park["translation_key"]).distinct()
    query = search_text(request)
    if query:
        for word in query.split():
            publications = publications.filter(
                Q(title__icontains=word)
                | Q(reference__icontains=word)
                | Q(search_description__icontains=word)
                | Q(intro__icontains=word)
                | Q(publisher__icontains=word)
            )
    selected["sort"] = choice_param(request, "sort", SORTS) or "newest"
    publications = publications.order_by(*SORTS[selected["sort"]])

    by_path = {c["path"]: c for c in options["categories"]}
    results = paginate(request, publications, PER_PAGE)
    for publication in results:
        publication.category_page = by_path.get(publication.path[: -PublicationPage.steplen])
    return {
        **options,
        "results": results,
        "selected": selected,
        "query": query,
        "show_category_filter": not isinstance(page, PublicationCategoryPage),
        "document_languages": [("en", _("English")), ("vi", _("Vietnamese"))],
        "sort_options": [("newest", _("Newest first")), ("oldest", _("Oldest first"))],
        "filter_query": querystring_without(request, "page"),
    }
