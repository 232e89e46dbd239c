"""Helpers every listing shares: safe pagination and query-string filters.

Bad values (`?page=abc`, `?year=2x`, unknown choices) are ignored, never a 500.
Good ones are reported to the page cache, which keeps an answer only for
values a page took as given (pages.cache.page_cache).
"""

from django.core.paginator import Paginator
from wagtail.models import PageViewRestriction

from .cache import fragments, page_cache


def paginate(request, items, per_page=12, count=None):
    """The requested page of ``items``; ``count``, when the caller knows it,
    saves the paginator its COUNT query."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is not computed
    requested = request.GET.get("page")
    page = paginator.get_page(requested)
    if requested == str(page.number):
        page_cache.accept(request, "page", requested)
    return page


def choice_param(request, name, allowed):
    """The query value if it is one of ``allowed`` (compared as strings), else None."""
    value = request.GET.get(name, "")
    allowed = {str(option): option for option in allowed}
    if value == "" or value in allowed:  # "" is an empty select in a filter form: no filter
        page_cache.accept(request, name, value)
    return allowed.get(value.strip())


def querystring_without(request, *names):
    """The current query string minus ``names`` (for pagination links that keep filters)."""
    params = request.GET.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (from the shell's cache)."""
    return fragments.cached(
        "restricted-paths", 0, lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
    )


def public(queryset, path_field="path"):
    """Pages without a view restriction on themselves or an ancestor.

    Like PageQuerySet.public(), but the restricted paths come from the shell's
    cache (dropped when a restriction changes), so a listing pays no query for
    it. ``path_field`` lets other models filter by their page (``page__path``).
    """
    for path in restricted_paths():
        queryset = queryset.exclude(**{f"{path_field}__startswith": path})
    return queryset


class ShownPages:
    """The pages a listing shows, known by id until one must be rendered.

    A card's HTML is kept with the fragments under its page's id
    (``{% card_list %}``), so a listing whose cards are all kept needs no page
    loaded. ``refs()`` stand in for the pages; the first one asked for more
    than its id loads every shown page, in one query.
    """

    def __init__(self, queryset, pks):
        self.queryset, self.pks, self._loaded = queryset, list(pks), None

    def refs(self):
        return [PageRef(pk, self) for pk in self.pks]

    def page(self, pk):
        if self._loaded is None:
            self._loaded = self.queryset.filter(pk__in=self.pks).in_bulk()
        return self._loaded[pk]


class PageRef:
    """One page of ``ShownPages``: its id and the listing's ``category_page``
    without a query; anything else is read from the page."""

    def __init__(self, pk, shown, category_page=None):
        self.pk, self.shown, self.category_page = pk, shown, category_page

    def __getattr__(self, name):  # only for what the ref does not hold itself
        if name.startswith("__") or name in ("pk", "shown", "category_page"):
            raise AttributeError(name)  # copy/pickle probes, or a ref not yet built
        return getattr(self.resolve(), name)

    def resolve(self):
        """The page itself, with the listing's ``category_page``."""
        page = self.shown.page(self.pk)
        page.category_page = self.category_page
        return page


def resolve(item):
    """A listing item as a page: ``PageRef``s are loaded, pages pass through."""
    return item.resolve() if isinstance(item, PageRef) else item
