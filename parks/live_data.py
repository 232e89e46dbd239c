"""Figures the parks app offers to any page body (see pages.live_data; declared in parks.section)."""

from pages.cache import fragments
from pages.listing import public
from pages.navigation.localized import active_locale

from .indicators import Figure, comparable_totals
from .models import ParkIndicator


def _totals():
    # Figures of a private park (a view restriction on it or above) count nowhere.
    indicators = public(
        ParkIndicator.objects.filter(locale_id=active_locale().pk, page__live=True), path_field="page__path"
    ).select_related("page")
    figures = [
        Figure(row.page.title, row.kind, row.value, row.currency, row.first_year, row.year, row.status, row.source)
        for row in indicators
    ]
    return {"park_totals": comparable_totals(figures)}


def park_totals(parent_context):
    # Cached per language like the shell; indicator changes and publishing drop it.
    return fragments.cached("park-totals", 0, _totals)
