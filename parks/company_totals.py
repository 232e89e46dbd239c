"""Totals of company results: one per year and status, from the rows given
(the park page's and the filtered company table's alike)."""

from collections import defaultdict
from decimal import Decimal

from django.template.loader import render_to_string

from .indicators import Status

SUMMED = ["measures", "energy_mwh", "water_m3", "co2e_t", "waste_t"]


def totals_of(rows):
    """Totals of the rows, one per year and status, newest first: results of
    different years, or reported beside estimated, are never added up."""
    groups = defaultdict(list)
    for row in rows:
        groups[(row.year, row.status)].append(row)
    return [_total(year, status, members) for (year, status), members in sorted(groups.items(), reverse=True)]


def _total(year, status, rows):
    cost = defaultdict(Decimal)
    for row in rows:
        cost[row.currency] += row.cost_saved
    return {
        "year": year,
        "status": Status(status).label,
        "count": len(rows),
        **{name: sum((getattr(row, name) for row in rows), Decimal(0)) for name in SUMMED},
        "costs": [{"currency": currency, "total": total} for currency, total in sorted(cost.items()) if total],
    }


def company_table_html(rows, totals, show_park):
    """``parks/includes/company_table.html`` for these rows and totals, in the active language."""
    return render_to_string(
        "parks/includes/company_table.html", {"rows": rows, "totals": totals, "show_park": show_park}
    )
