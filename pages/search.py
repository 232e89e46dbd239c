"""Site search in the visitor's language, accent- and case-insensitive
("da nang" finds "Đà Nẵng"), with editors' promoted results on top."""

import re

from django.db.models import Case, IntegerField, Q, Value, When
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale

from .folding import fold, prepare, query_words
from .listing import choice_param, paginate, public, querystring_without
from .models import SearchEntry

MAX_LENGTH = 200
PER_PAGE = 10
SNIPPET = 220


def highlight(text, words, length=SNIPPET):
    """A snippet of ``text`` around the first match, HTML-escaped, with the
    matched words (found in the folded text) wrapped in <mark>."""
    folded = fold(text)
    text = prepare(text)
    spans = []
    for word in words:
        for match in re.finditer(rf"(?<![0-9a-z]){re.escape(word)}(?![0-9a-z])", folded):
            spans.append(match.span())
    first = min((start for start, _ in spans), default=0)
    begin = max(0, first - length // 3)
    end = min(len(text), begin + length)
    pieces, cursor = [], begin
    for start, stop in sorted(spans):
        if start < cursor or stop > end:
            continue
        pieces.append(escape(text[cursor:start]))
        pieces.append(f"<mark>{escape(text[start:stop])}</mark>")
        cursor = stop
    pieces.append(escape(text[cursor:end]))
    prefix = "… " if begin > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped


def _clean_query(request):
    raw = request.GET.get("q", "")
    raw = "".join(char for char in raw if char.isprintable() or char.isspace())
    return " ".join(raw.split())


def search(request):
    query = _clean_query(request)
    context = {"query": query, "too_long": len(query) > MAX_LENGTH, "results": None, "promoted": []}
    language = get_language()
    if not query or context["too_long"]:
        return TemplateResponse(request, "search/results.html", context)
    words = query_words(query)
    locale = Locale.objects.filter(language_code=language).first()
    # Private pages (a view restriction on them or above) never show in results.
    entries = public(SearchEntry.objects.filter(locale=locale), path_field="page__path").select_related("page")
    if not words:
        context["results"] = paginate(request, [], PER_PAGE)
        return TemplateResponse(request, "search/results.html", context)
    for word in words:
        entries = entries.filter(Q(title_folded__contains=f" {word} ") | Q(folded__contains=f" {word} "))
    kinds = sorted(set(entries.order_by().values_list("kind", flat=True)))
    selected_kind = choice_param(request, "type", kinds)
    if selected_kind:
        entries = entries.filter(kind=selected_kind)
    # The whole phrase in the title ranks first, then all words in the title,
    # then the phrase in the text: "da nang" puts Đà Nẵng before "đã … nâng".
    phrase = f" {' '.join(words)} "
    title_words = Q()
    for word in words:
        title_words &= Q(title_folded__contains=f" {word} ")
    entries = entries.annotate(
        rank=Case(
            When(title_folded__contains=phrase, then=Value(3)),
            When(title_words, then=Value(2)),
            When(folded__contains=phrase, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    ).order_by("-rank", "-date", "title")

    promoted = []
    if not selected_kind and (request.GET.get("page") in (None, "", "1")):
        picks = Query.get(query).editors_picks.select_related("page").filter(page__live=True, page__locale=locale)
        promoted = [{"page": pick.page, "description": pick.description} for pick in picks]
        entries = entries.exclude(page_id__in=[pick["page"].pk for pick in promoted])

    results = paginate(request, entries, PER_PAGE)
    for entry in results:
        entry.snippet = highlight(entry.text or entry.title, words)
        entry.title_html = highlight(entry.title, words, length=255)
    labels = _kind_labels(kinds)
    for entry in results:
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


def _kind_labels(kinds):
    from django.apps import apps

    labels = {}
    for kind in kinds:
        try:
            labels[kind] = str(apps.get_model(kind)._meta.verbose_name).capitalize()
        except (LookupError, ValueError):
            labels[kind] = kind
    return labels
