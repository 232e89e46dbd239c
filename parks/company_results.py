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


def company_results_context(request, page):
    parks = list(public_parks(page.locale_id).only("title", "translation_key", "path"))
    park_by_key = {park.translation_key: park for park in parks}
    all_rows = list(public_company_results(page.locale_id))
    years = sorted({row.year for row in all_rows}, reverse=True)

    selected = {
        "park": choice_param(request, "park", [park.pk for park in parks]),
        "sector": choice_param(request, "sector", Sector.values),
        "year": choice_param(request, "year", years),
    }
    park_key = next((park.translation_key for park in parks if park.pk == selected["park"]), None)
    rows = [
        row
        for row in all_rows
        if (park_key is None or row.park.translation_key == park_key)
        and (selected["sector"] is None or row.sector == selected["sector"])
        and (selected["year"] is None or row.year == selected["year"])
    ]
    for row in rows:
        # The park is synchronised (it points at the English park); show its twin.
        row.local_park = park_by_key.get(row.park.translation_key, row.park)
    results = paginate(request, rows, PER_PAGE)
    # The table (150 localized numbers) changes only on publish, as the fragments do.
    shown = ":".join(str(selected[name]) for name in ("park", "sector", "year"))
    table = fragments.cached(
        f"company-table:{page.pk}:{shown}:{results.number}",
        0,
        lambda: company_table_html(results, totals_of(rows), show_park=True),
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
