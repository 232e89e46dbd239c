"""The company results table: filters, rows and totals computed from the rows.

A park's company results are at most a few hundred rows, so they are read in
one query and filtered, summed and paginated in Python: the totals are
computed from exactly the rows the filters keep, and the query count stays
the same whatever the number of rows.
"""

from pages.cache import fragments
from pages.listing import choice_param, paginate, public, querystring_without
from pages.navigation.localized import active_locale
from pages.themes import filters as theme_filters
from pages.themes import lookups as themes

from .company_totals import company_table_html, totals_of
from .models import CompanyResult, Sector, public_parks

PER_PAGE = 25


def public_company_results(locale_id):
    """The language's company results: the table's rows and the open dataset's.
    Rows of a private park are neither listed nor counted in the totals."""
    return public(CompanyResult.objects.filter(locale_id=locale_id), path_field="park__path").select_related("park")


def _index(locale_id):
    """What the filters need of every public row, and of the parks: small
    tuples, kept with the fragments (a publish or a changed row drops them)."""
    parks = [
        {"pk": pk, "title": title, "key": key}
        for pk, title, key in public_parks(locale_id).values_list("pk", "title", "translation_key").order_by("path")
    ]
    themes_of = row_themes()
    values = public_company_results(locale_id).values_list(
        "pk", "park__translation_key", "sector", "year", "translation_key"
    )
    rows = [(pk, park, sector, year, sorted(themes_of.get(key, ()))) for pk, park, sector, year, key in values]
    years = sorted({row[3] for row in rows}, reverse=True)
    theme_keys = sorted({key for row in rows for key in row[4]})
    return {"parks": parks, "rows": rows, "years": years, "theme_keys": theme_keys}


def row_themes():
    """{row translation key: {theme translation key}}: a result's themes are those
    set on any of its languages' rows (editors set them on the source), in one query."""
    found = {}
    pairs = CompanyResult.themes.through.objects.values_list("companyresult__translation_key", "theme__translation_key")
    for row_key, theme_key in pairs:
        found.setdefault(row_key, set()).add(str(theme_key))
    return found


def _table_html(ids, shown_ids, park_by_key):
    """The table of the shown rows, with the totals of every row the filters keep."""
    rows = list(CompanyResult.objects.filter(pk__in=ids).select_related("park"))
    for row in rows:
        # The park is synchronised (it points at the English park); show its twin.
        row.local_park = park_by_key.get(row.park.translation_key, row.park)
    shown = [row for row in rows if row.pk in shown_ids]
    return company_table_html(shown, totals_of(rows), show_park=True)


def company_results_context(request, page):
    index = fragments.cached(f"company-index:{page.pk}", 0, lambda: _index(page.locale_id))
    parks, years = index["parks"], index["years"]
    selected = {
        "park": choice_param(request, "park", [park["pk"] for park in parks]),
        "sector": choice_param(request, "sector", Sector.values),
        "year": choice_param(request, "year", years),
    }
    theme_options = themes.options(active_locale(), set(index["theme_keys"]))
    selected["theme"] = choice_param(request, "theme", [option["slug"] for option in theme_options])
    theme_key = next((str(o["translation_key"]) for o in theme_options if o["slug"] == selected["theme"]), None)
    park_key = next((park["key"] for park in parks if park["pk"] == selected["park"]), None)
    ids = [
        pk
        for pk, key, sector, year, row_theme_keys in index["rows"]
        if (park_key is None or key == park_key)
        and (selected["sector"] is None or sector == selected["sector"])
        and (selected["year"] is None or year == selected["year"])
        and (theme_key is None or theme_key in row_theme_keys)
    ]
    results = paginate(request, ids, PER_PAGE)
    # The table (150 localized numbers) changes only on publish, as the fragments do;
    # its rows are loaded only to build it.
    shown = ":".join(str(selected[name]) for name in ("park", "sector", "year", "theme"))
    table = fragments.cached(
        f"company-table:{page.pk}:{shown}:{results.number}",
        0,
        lambda: _table_html(ids, set(results.object_list), _local_parks(page.locale_id)),
    )
    return {
        "results": results,
        "company_table": table,
        "parks": parks,
        "sectors": Sector.choices,
        "years": years,
        "selected": selected,
        "themes": theme_options,
        "theme_notice": theme_filters.unknown_notice(request, selected["theme"]),
        "filter_query": querystring_without(request, "page"),
    }


def _local_parks(locale_id):
    return {park.translation_key: park for park in public_parks(locale_id).only("title", "translation_key", "path")}
