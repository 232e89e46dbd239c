"""Site search in the visitor's language, accent- and case-insensitive
("da nang" finds "Đà Nẵng"), with editors' promoted results on top."""

import functools
import re
from html import escape  # Django's escape, without its check for lazy strings (text here is str)

from django.apps import apps
from django.db.models import BooleanField, ExpressionWrapper, Q
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

    # Every match's id, type and page, ranked, in one light query: the type
    # filter's choices, the count and the page's slice all come from it; only
    # the shown entries are then loaded with their text. Ranked here rather
    # than in SQL: measured (session 13, demo and 10x content), ranking and
    # slicing in the database needs a second query for the counts per type,
    # which scans every entry's text again and cost more than this sort
    # (7.1 vs 6.0 ms a search at the demo's size, 10.8 vs 6.9 ms at 10x). A
    # search that stays flat as content grows needs a text index (#33).
    phrase = f" {' '.join(words)} "
    columns = ["pk", "kind", "page_id", "title_folded", "date", "title"]
    if len(words) > 1:  # one word is in the text of every match that lacks it in the title
        entries = entries.annotate(phrase_in_text=ExpressionWrapper(Q(folded__contains=phrase), BooleanField()))
        columns.append("phrase_in_text")
    ranked = [(pk, kind, page_id) for pk, kind, page_id, *_ in sorted(entries.values_list(*columns), key=_rank(words))]
    kinds = sorted({kind for _pk, kind, _page_id in ranked})
    selected_kind = choice_param(request, "type", kinds)
    # Promoted pages lead page 1 of the unfiltered results and are left out of
    # the list on every page, so pagination neither repeats nor skips one.
    promoted = _promoted(query, locale_id)
    if selected_kind:
        promoted = []
        matches = [pk for pk, kind, _page_id in ranked if kind == selected_kind]
    else:
        promoted_ids = {pick["page"].pk for pick in promoted}
        matches = [pk for pk, _kind, page_id in ranked if page_id not in promoted_ids]
    results = paginate(request, matches, PER_PAGE)
    shown = SearchEntry.objects.filter(pk__in=results.object_list).only("kind", "title", "text", "date").in_bulk()
    results.object_list = [shown[pk] for pk in results.object_list]
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
    """The sort key of a match (pk, kind, page_id, title_folded, date, title[,
    phrase_in_text]): the whole phrase in the title first, then all words in
    the title, then the phrase in the text ("da nang" puts Đà Nẵng before
    "đã … nâng"), then newest first, then by title."""
    phrase = f" {' '.join(words)} "

    def key(row):
        title_folded, date, title = row[3], row[4], row[5]
        if phrase in title_folded:
            rank = 3
        elif all(f" {word} " in title_folded for word in words):
            rank = 2
        else:
            rank = 1 if (row[6] if len(row) > 6 else True) else 0
        # Undated entries after dated ones, as in SQL's "ORDER BY date DESC" on SQLite.
        return (-rank, date is None, _negated(date), title)

    return key


def _negated(date):
    return -date.timestamp() if date is not None else 0


def _kind_labels(kinds):
    language = get_language()
    return {kind: _kind_label(kind, language) for kind in kinds}


@functools.lru_cache(maxsize=128)
def _kind_label(kind, language):
    try:
        return str(apps.get_model(kind)._meta.verbose_name).capitalize()  # in the active ``language``
    except (LookupError, ValueError):
        return kind
