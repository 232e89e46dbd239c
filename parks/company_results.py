"""The company results table: filters, rows and totals computed from the rows.

A park's company results are at most a few hundred rows, so they are read in
one query and filtered, summed and paginated in Python: the totals are
computed from exactly the rows the filters keep, and the query count stays
the same whatever the number of rows.
"""

from pages.cache import fragments
from pages.listing import choice_param, paginate, public, querystring_without

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
    rows = list(public_company_results(locale_id).values_list("pk", "park__translation_key", "sector", "year"))
    return {"parks": parks, "rows": rows, "years": sorted({year for *_rest, year in rows}, reverse=True)}


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
    park_key = next((park["key"] for park in parks if park["pk"] == selected["park"]), None)
    ids = [
        pk
        for pk, key, sector, year in index["rows"]
        if (park_key is None or key == park_key)
        and (selected["sector"] is None or sector == selected["sector"])
        and (selected["year"] is None or year == selected["year"])
    ]
    results = paginate(request, ids, PER_PAGE)
    # The table (150 localized numbers) changes only on publish, as the fragments do;
    # its rows are loaded only to build it.
    shown = ":".join(str(selected[name]) for name in ("park", "sector", "year"))
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
        "filter_query": querystring_without(request, "page"),
    }


def _local_parks(locale_id):
    return {park.translation_key: park for park in public_parks(locale_id).only("title", "translation_key", "path")}
