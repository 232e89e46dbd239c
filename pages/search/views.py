"""Site search in the visitor's language, accent- and case-insensitive
("da nang" finds "Đà Nẵng"), with editors' promoted results on top."""

import functools
import re
from html import escape  # Django's escape, without its check for lazy strings (text here is str)

from django.apps import apps
from django.db.models import Case, Count, F, Q, Value, When
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from pages import navigation
from pages.cache import fragments
from pages.listing import ShownPages, choice_param, paginate, public, querystring_without, search_words
from pages.models import SearchEntry
from pages.navigation.localized import active_locale
from pages.search.folding import fold, prepare, query_words

MAX_LENGTH = 200
PER_PAGE = 10
SNIPPET = 220


def highlight(text, words, length=SNIPPET):
    """A snippet of ``text`` around the first match, HTML-escaped, with the
    matched words (found in the folded text) wrapped in <mark>. Only the
    snippet's own matches are looked at, however long the text."""
    pattern = _whole_words(tuple(words))
    folded = fold(text)
    text = prepare(text)
    first = pattern.search(folded)
    begin = max(0, (first.start() if first else 0) - length // 3)
    end = min(len(text), begin + length)
    pieces, cursor = [], begin
    for match in pattern.finditer(folded, begin):
        start, stop = match.span()
        if stop > end:  # a word cut by the snippet's end is not marked
            break
        pieces.append(escape(text[cursor:start]))
        pieces.append(f"<mark>{escape(text[start:stop])}</mark>")
        cursor = stop
    pieces.append(escape(text[cursor:end]))
    prefix = "… " if begin > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped


@functools.lru_cache(maxsize=256)
def _whole_words(words):
    """One pattern for all the query's words, each matched whole (longest first)."""
    alternatives = "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![0-9a-z])(?:{alternatives})(?![0-9a-z])")


def _promoted(query, locale_id):
    """Editors' picks for the query (Wagtail's search promotions): pages of this
    language the public may see now (pages.visibility). All of a language's
    picks are kept with the fragments (they change in the admin only; a short
    life for a pick dated ahead), so a search pays no query for them, and no
    ``Query`` row is stored for each string anyone searches for."""

    def build():
        picks = public(SearchPromotion.objects.filter(page__locale_id=locale_id), path_field="page__path")
        by_query = {}
        for pick in picks.select_related("page", "query").order_by("sort_order", "pk"):
            by_query.setdefault(pick.query.query_string, []).append(
                {"page": pick.page, "description": pick.description}
            )
        return by_query

    return fragments.cached("search-promotions", 0, build, timeout=120).get(normalise_query_string(query), [])


def search(request):
    query = search_words(request)
    context = {"query": query, "too_long": len(query) > MAX_LENGTH, "results": None, "promoted": []}
    if not query or context["too_long"]:
        return TemplateResponse(request, "search/results.html", context)
    words = query_words(query)
    if not words:
        context["results"] = paginate(request, [], PER_PAGE)
        return TemplateResponse(request, "search/results.html", context)
    locale_id = active_locale().pk
    # Only what the public may see now (pages.visibility): no private page, none
    # past its expiry, no news dated ahead (found on its date, without reindexing).
    entries = public(SearchEntry.objects.filter(locale_id=locale_id), path_field="page__path")
    for word in words:
        entries = entries.filter(Q(title_folded__contains=f" {word} ") | Q(folded__contains=f" {word} "))

    # Two queries whatever the number of matches: the matches counted per type
    # (the type filter's choices and the count), then the requested page of
    # them, ranked and sliced by the database with its text. Nothing grows
    # with the matches in Python.
    promoted = _promoted(query, locale_id)
    promoted_ids = [pick["page"].pk for pick in promoted]
    counts = {"n": Count("pk")}
    if promoted_ids:
        counts["promoted"] = Count("pk", filter=Q(page_id__in=promoted_ids))
    by_kind = {kind: numbers for kind, *numbers in entries.values_list("kind").annotate(**counts).order_by()}
    kinds = sorted(by_kind)
    selected_kind = choice_param(request, "type", kinds)
    # Promoted pages lead page 1 of the unfiltered results and are left out of
    # the list on every page, so pagination neither repeats nor skips one.
    if selected_kind:
        promoted = []
        matches, count = entries.filter(kind=selected_kind), by_kind[selected_kind][0]
    else:
        matches = entries.exclude(page_id__in=promoted_ids) if promoted_ids else entries
        count = sum(numbers[0] - sum(numbers[1:]) for numbers in by_kind.values())
    ranked = matches.annotate(rank=_rank(words)).order_by("-rank", F("date").desc(nulls_last=True), "title")
    results = paginate(request, ranked.only("page_id", "kind", "title", "text", "date"), PER_PAGE, count=count)
    results.object_list = list(results.object_list)
    # Each result's address is kept with the fragments (dropped on any publish
    # or move): working it out is most of what showing a result costs. Pages
    # are loaded (all in one query) only for an address not kept.
    page_ids = [entry.page_id for entry in results.object_list]
    pages = ShownPages(Page.objects.all(), page_ids)
    site = navigation.site_for(request)
    urls = fragments.cached_each(
        [f"page-url:{page_id}" for page_id in page_ids],
        navigation.site_id(site),
        lambda i: pages.page(page_ids[i]).get_url(request),
    )
    if results.number != 1:
        promoted = []
    labels = _kind_labels(kinds)
    for entry, url in zip(results, urls, strict=True):
        entry.url = url
        entry.snippet = highlight(entry.text or entry.title, words)
        entry.title_html = highlight(entry.title, words, length=255)
        entry.kind_label = labels.get(entry.kind, entry.kind)
    context.update(
        {
            "results": results,
            "promoted": promoted,
            "kinds": [(kind, labels[kind]) for kind in kinds],
            "selected_kind": selected_kind,
            "filter_query": querystring_without(request, "page"),
        }
    )
    return TemplateResponse(request, "search/results.html", context)


def _rank(words):
    """A match's rank: the whole phrase in the title first, then all words in
    the title, then the phrase in the text ("da nang" puts Đà Nẵng before
    "đã … nâng"); newest first within a rank, undated last, then by title."""
    phrase = f" {' '.join(words)} "
    if len(words) == 1:  # the one word is in the title, or in the text
        return Case(When(title_folded__contains=phrase, then=Value(3)), default=Value(1))
    return Case(
        When(title_folded__contains=phrase, then=Value(3)),
        When(Q(*(Q(title_folded__contains=f" {word} ") for word in words)), then=Value(2)),
        When(folded__contains=phrase, then=Value(1)),
        default=Value(0),
    )


def _kind_labels(kinds):
    language = get_language()
    return {kind: _kind_label(kind, language) for kind in kinds}


@functools.lru_cache(maxsize=128)
def _kind_label(kind, language):
    try:
        return str(apps.get_model(kind)._meta.verbose_name).capitalize()  # in the active ``language``
    except (LookupError, ValueError):
        return kind
