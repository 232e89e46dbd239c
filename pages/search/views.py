"""Site search in the visitor's language, accent- and case-insensitive
("da nang" finds "Đà Nẵng"), with editors' promoted results on top."""

import functools
import operator
import re
from html import escape  # Django's escape, without its check for lazy strings (text here is str)

from django.apps import apps
from django.db.models import Case, CharField, DateTimeField, F, IntegerField, Q, Value, When
from django.template.response import TemplateResponse
from django.utils import timezone
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
from pages.prepared import Prepared, Slot
from pages.search import text_index
from pages.search.folding import fold, prepare, query_words
from pages.visibility import restricted_paths

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
    # Every match's id, type and page, ranked by the database, in one light
    # query: the type filter's choices, the count and the page's slice all
    # come from it; only the shown entries are then loaded with their text.
    # (Ranked in Python before: at 100x content a common query's 636 matches
    # cost more to convert and sort here than the rest of the search.)
    narrowed = text_index.narrows()
    prepared = _matches_query(len(words), tuple(restricted_paths()), narrowed)
    ranked = prepared.rows(**match_values(locale_id, words, narrowed))
    kinds = sorted({kind for _pk, kind, _page_id in ranked})
    selected_kind = choice_param(request, "type", kinds)
    # Promoted pages lead page 1 of the unfiltered results and are left out of
    # the list on every page, so pagination neither repeats nor skips one.
    promoted = _promoted(query, locale_id)
    if selected_kind:
        promoted = []
        listed = [pk for pk, kind, _page_id in ranked if kind == selected_kind]
    else:
        promoted_ids = {pick["page"].pk for pick in promoted}
        listed = [pk for pk, _kind, page_id in ranked if page_id not in promoted_ids]
    results = paginate(request, listed, PER_PAGE)
    shown_pks = list(results.object_list)
    rows = _shown_query(len(shown_pks)).rows(**_numbered("pk", shown_pks)) if shown_pks else []
    shown = {row[0]: Result(*row) for row in rows}
    results.object_list = [shown[pk] for pk in shown_pks]
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


class Result:
    """A shown match: its entry's columns, then what the view adds for the template."""

    __slots__ = ("page_id", "kind", "title", "text", "date", "url", "snippet", "title_html", "kind_label")

    def __init__(self, page_id, kind, title, text, date):
        self.page_id, self.kind, self.title, self.text, self.date = page_id, kind, title, text, date


def _numbered(name, items):
    return {f"{name}{i}": item for i, item in enumerate(items)}


def matches(locale, at, words, phrase=None, restricted=None, holding=None, phrase_holding=None):
    """The entries in the language ``locale`` holding every one of ``words``
    (each padded with spaces: whole words, folded) in the title or the text,
    that the public may see at ``at`` (pages.visibility), as rows of (pk,
    kind, page_id), best first (``ranking``). ``holding`` and
    ``phrase_holding``: the text index's queries for the same words and for
    the phrase in the text (pages.search.text_index), which then answer
    instead of reading every entry's text. The values may be ``Slot``s:
    ``_matches_query`` prepares it so."""
    entries = SearchEntry.objects.filter(locale_id=locale)
    entries = public(entries, path_field="page__path", at=at, restricted=restricted)
    if holding is not None:  # the same match, answered by the index (pages.search.text_index)
        entries = entries.filter(text_index.HoldsWords(F("pk"), holding))
    else:
        for word in words:
            entries = entries.filter(Q(title_folded__contains=word) | Q(folded__contains=word))
    phrase_in_text = None
    if phrase_holding is not None:  # the index answers for the phrase in the text too
        phrase_in_text = text_index.HoldsWords(F("pk"), phrase_holding)
    elif phrase is not None:
        phrase_in_text = Q(folded__contains=phrase)
    rank = ranking(words, phrase, phrase_in_text)
    return entries.annotate(rank=rank).order_by(*ORDER).values_list("pk", "kind", "page_id")


def ranking(words, phrase=None, phrase_in_text=None):
    """A match's rank: the whole phrase in the title (3), then all its words in
    the title (2), then the phrase in the text (``phrase_in_text``, a
    condition; 1: "da nang" puts Đà Nẵng before "đã … nâng"), else 0. One
    word: in the title (3), else in the text (1)."""
    if phrase is None:
        return Case(When(title_folded__contains=words[0], then=Value(3)), default=Value(1))
    in_title = Q()
    for word in words:
        in_title &= Q(title_folded__contains=word)
    return Case(
        When(title_folded__contains=phrase, then=Value(3)),
        When(in_title, then=Value(2)),
        When(phrase_in_text, then=Value(1)),
        default=Value(0),
    )


# Best rank first, then newest first (undated after dated), then by title.
ORDER = ("-rank", F("date").desc(nulls_last=True), "title", "pk")


def match_values(locale_id, words, narrowed=False):
    """The values of ``_matches_query(len(words), …, narrowed)``'s slots for a search."""
    values = {"locale": locale_id, "now": timezone.now(), **_numbered("word", [f" {word} " for word in words])}
    if len(words) > 1:
        values["phrase"] = f" {' '.join(words)} "
    if narrowed:
        values["holding"] = text_index.words_query(words)
        if len(words) > 1:
            values["phrase_holding"] = text_index.phrase_in_text_query(words)
    return values


@functools.lru_cache(maxsize=32)
def _matches_query(count, restricted, narrowed=False):
    """``matches`` of ``count`` words with the ``restricted`` paths it is kept
    under (``narrowed``: through the text index's table), prepared once per
    process (pages.prepared): building and compiling it with the ORM was most
    of a search's own work."""
    text = CharField()
    return Prepared(
        matches(
            Slot("locale", IntegerField()),
            Slot("now", DateTimeField()),
            [Slot(f"word{i}", text) for i in range(count)],
            phrase=Slot("phrase", text) if count > 1 else None,
            restricted=restricted,
            holding=Slot("holding", text) if narrowed else None,
            phrase_holding=Slot("phrase_holding", text) if narrowed and count > 1 else None,
        )
    )


@functools.lru_cache(maxsize=PER_PAGE + 1)
def _shown_query(count):
    """The SQL of ``count`` entries' shown columns by key, prepared once per process."""
    keys = functools.reduce(operator.or_, (Q(pk=Slot(f"pk{i}", IntegerField())) for i in range(count)))
    return Prepared(SearchEntry.objects.filter(keys).values_list("pk", "kind", "title", "text", "date"))


def _kind_labels(kinds):
    language = get_language()
    return {kind: _kind_label(kind, language) for kind in kinds}


@functools.lru_cache(maxsize=128)
def _kind_label(kind, language):
    try:
        return str(apps.get_model(kind)._meta.verbose_name).capitalize()  # in the active ``language``
    except (LookupError, ValueError):
        return kind
