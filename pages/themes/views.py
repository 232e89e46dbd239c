"""The themes page (every theme) and a theme's page: everything public on it
across the sections, newest first, filtered by section and year, paginated.
Both are whole pages the page cache keeps (filters report what they took)."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.models import Page

from pages.cache import fragments
from pages.listing import ShownPages, choice_param, paginate, querystring_without
from pages.navigation.localized import active_locale

from . import lookups
from .models import Theme

PER_PAGE = 12


def overview_context(request, page):
    # Kept with the fragments; a short life, as an article dated ahead counts from its date.
    counts = fragments.cached(f"theme-counts:{page.locale_id}", 0, lambda: lookups.counts(page.locale_id), timeout=120)
    themes = [
        {**row, "count": counts.get(str(row["translation_key"]), 0), "url": f"{page.url}{row['slug']}/"}
        for row in lookups.theme_rows(active_locale())
    ]
    return {"themes": themes}


def theme_view(request, page, slug):
    rows = lookups.theme_rows(active_locale())
    theme = next((row for row in rows if row["slug"] == slug), None)
    if theme is None:
        # The theme's slug in another language (a link shared across languages): its slug here.
        keys = {str(key) for key in Theme.objects.filter(slug=slug).values_list("translation_key", flat=True)}
        other = next((row for row in rows if str(row["translation_key"]) in keys), None)
        if other is not None:
            return redirect(f"{page.url}{other['slug']}/", permanent=True)
        raise Http404("No such theme")
    # Every public item on the theme (id, date, section), kept with the fragments
    # (a publish drops it; a short life, as an article dated ahead joins on its date):
    # a visit, filtered or not, then builds no query for the list.
    key = theme["translation_key"]
    rows = fragments.cached(
        f"theme-items:{page.locale_id}:{key}", 0, lambda: lookups.public_items(page.locale_id, key), timeout=120
    )
    sections = [(key, label) for key, label in lookups.sections() if any(row[2] == key for row in rows)]
    years = sorted({row[0].year for row in rows if row[0] is not None}, reverse=True)
    selected = {
        "section": choice_param(request, "section", [key for key, _label in sections]),
        "year": choice_param(request, "year", years),
    }
    kept = [
        row
        for row in rows
        if (selected["section"] is None or row[2] == selected["section"])
        and (selected["year"] is None or (row[0] is not None and row[0].year == selected["year"]))
    ]
    results = paginate(request, [pk for _moment, pk, _section in kept], PER_PAGE)
    # Cards are kept with the fragments; pages are loaded (specific, in a query
    # per type) only for a card that must be built.
    shown = ShownPages(Page.objects.specific().defer_streamfields(), results.object_list)
    results.object_list = shown.refs()
    context = page.get_context(request, for_theme=True)
    context.update(
        {
            "theme": theme,
            "results": results,
            "sections": sections,
            "years": years,
            "selected": selected,
            "filter_query": querystring_without(request, "page"),
            "themes_page": page,
            "subscribe_url": lookups.subscribe_url(page.locale_id),
            "row_summaries": fragments.cached(
                f"theme-rows:{page.locale_id}:{theme['translation_key']}",
                0,
                lambda: lookups.row_summaries(page.locale_id, theme["translation_key"]),
            ),
        }
    )
    return TemplateResponse(request, "themes/theme_page.html", context)
