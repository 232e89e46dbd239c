"""What every listing shares: the pages that build their context from a
section's listing module, safe pagination and query-string filters.

Bad values (`?page=abc`, `?year=2x`, unknown choices) are ignored, never a 500.
Good ones are reported to the page cache, which keeps an answer only for
values a page took as given (pages.cache.page_cache).
"""

import functools
import hashlib
from collections.abc import Sequence

from django.core.paginator import Paginator
from wagtail.models import Page

from pages import sections
from pages.cache import fragments, page_cache, routing
from pages.lookups import category_path
from pages.visibility import public, restricted_paths  # noqa: F401 - listings' one rule, here for their imports


class ListingPage:
    """Mixin for a page whose context a listing builds: its section names the
    function ``build(request, page) -> dict`` in its declaration (pages.sections),
    so models never import their listing: the dependency runs one way."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(_builder_for(type(self))(request, self))
        return context


@functools.cache
def _builder_for(page_class):
    listings = sections.merged("listings")
    return next((listings[cls] for cls in page_class.__mro__ if cls in listings), None)


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


def kept_cards(request, name, pages):
    """Refs (in ``pages``' order) to the pages a page shows as plain cards
    (includes/page_cards.html): their ids are kept with the fragments under
    ``name`` (every publish, move or restriction drops them) and their cards
    as HTML ({% card_list %}), so no page is loaded until a card must be
    built. ``pages`` is a function returning the public pages' queryset."""
    site = routing.cached_site(request)
    ids = fragments.cached(name, site.pk if site else 0, lambda: list(pages().values_list("pk", flat=True)))
    return ShownPages(Page.objects.all(), ids).refs()


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


def search_words(request, name="q"):
    """The visitor's search words from ``?q=``, spaces collapsed; control characters
    (a NUL byte breaks PostgreSQL) are dropped, not searched for."""
    value = request.GET.get(name, "")
    return " ".join("".join(char for char in value if char.isprintable() or char.isspace()).split())


def category_options(categories):
    """A listing's category pages as the filter and the cards need them (cached with the shell)."""
    return [{"path": c.path, "slug": c.slug, "title": c.title, "url": c.url} for c in categories]


def linked_options(pages, key="pk", label="title"):
    """Pages or snippets (parks, topics) a listing filters by, matched across languages
    by their translation key."""
    return [{key: getattr(p, key), "title": getattr(p, label), "translation_key": p.translation_key} for p in pages]


def with_categories(items, categories):
    """Give each listed page its category (a parent in ``categories``) without a query per page."""
    by_path = {category["path"]: category for category in categories}
    for item in items:
        item.category_page = by_path.get(category_path(item.path))
    return items


class Filters:
    """The query-string filters of one listing, applied to its pages in turn.

    Each filter reads one parameter and takes only a value it offers (bad values
    are ignored, never a 500); what was chosen is in ``selected`` for the form.
    Sections declare theirs in a few lines, so every listing filters a park, a
    category or a year the same way.
    """

    def __init__(self, request, pages):
        """``pages``: a queryset, or a function returning one. The filters are
        applied when ``pages`` is first read: a listing whose rows are kept
        (``KeptRows``) builds no query at all."""
        self.request, self.selected = request, {}
        self._pages, self._steps = pages, []

    @property
    def pages(self):
        if callable(self._pages) or self._steps:
            pages = self._pages() if callable(self._pages) else self._pages
            for step in self._steps:
                pages = step(pages)
            self._pages, self._steps = pages, []
        return self._pages

    @pages.setter
    def pages(self, value):
        self._pages, self._steps = value, []

    def then(self, step):
        """Filter the pages further with ``step(pages)``, when they are read."""
        self._steps.append(step)

    def key(self):
        """What was chosen, as a short stable text (for ``KeptRows``' names)."""
        chosen = "&".join(f"{name}={value}" for name, value in sorted(self.selected.items()) if value is not None)
        return hashlib.sha1(chosen.encode(), usedforsecurity=False).hexdigest()[:16]

    def choice(self, name, allowed, apply):
        """``?name=`` one of ``allowed``; ``apply(pages, value)`` filters by it."""
        value = choice_param(self.request, name, allowed)
        self.selected[name] = value
        if value is not None:
            self.then(lambda pages: apply(pages, value))
        return value

    def category(self, categories, category_page=None):
        """On a category page, its own pages; on any other listing, ``?category=``."""
        if category_page is not None:
            self.selected["category"] = None
            self.then(lambda pages: pages.descendant_of(category_page))
            return None
        by_slug = {category["slug"]: category for category in categories}
        return self.choice(
            "category", by_slug, lambda pages, slug: pages.filter(path__startswith=by_slug[slug]["path"])
        )

    def linked(self, name, options, via, key="pk"):
        """``?name=`` an option's ``key``: the pages linked through ``via`` (e.g.
        ``park_links__park``) to that option in any language."""
        by_key = {option[key]: option for option in options}
        return self.choice(
            name,
            by_key,
            lambda pages, value: pages.filter(
                **{f"{via}__translation_key": by_key[value]["translation_key"]}
            ).distinct(),
        )

    def year(self, years, field):
        """``?year=`` one of ``years``, on the date field ``field``."""
        return self.choice("year", years, lambda pages, year: pages.filter(**{f"{field}__year": year}))

    def any_chosen(self):
        return any(value is not None for value in self.selected.values())


class KeptRows(Sequence):
    """The rows of a listing's query (a ``values_list``), counted and sliced in
    the database and kept with the fragments under ``name`` (which must say
    everything the query depends on: the listing page and ``Filters.key()``;
    never a visitor's free text). Every publish drops them; give a short
    ``timeout`` to what the clock changes (what is upcoming, news dated ahead).

    A paginator over it asks the count and the page's slice: on a kept
    listing, two cache reads and no query built. ``rows`` is a function
    returning the query, called once, on the first miss."""

    def __init__(self, name, rows, timeout=fragments.TIMEOUT):
        self.name, self._build, self._rows, self.timeout = name, rows, None, timeout

    def _query(self):
        if self._rows is None:
            self._rows = self._build()
        return self._rows

    def _kept(self, part, build):
        return fragments.cached(f"rows:{self.name}:{part}", 0, build, timeout=self.timeout)

    def __len__(self):
        return self._kept("count", lambda: self._query().count())

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                raise ValueError("KeptRows are sliced in steps of one")
            return self._kept(f"{start}:{stop}", lambda: list(self._query()[start:stop]))
        rows = self[index : index + 1]
        if not rows:
            raise IndexError(index)
        return rows[0]
