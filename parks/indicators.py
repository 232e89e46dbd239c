"""The indicator kinds, their units, and the arithmetic on indicator rows.

One place decides what a kind measures, so a figure cannot carry the wrong unit.
"""

from collections import defaultdict
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    ENERGY = "energy", _("Energy saved")
    WATER = "water", _("Water saved")
    CO2E = "co2e", _("CO2e avoided")
    WASTE = "waste", _("Waste reduced")
    COST = "cost", _("Cost saved")
    COMPANIES = "companies", _("Companies engaged")
    MEASURES = "measures", _("Measures implemented")


class Currency(models.TextChoices):
    USD = "USD", "USD"
    VND = "VND", "VND"


class Status(models.TextChoices):
    REPORTED = "reported", _("reported")
    ESTIMATED = "estimated", _("estimated")


UNITS = {
    Kind.ENERGY: _("MWh"),
    Kind.WATER: _("m³"),
    Kind.CO2E: _("t CO2e"),
    Kind.WASTE: _("t"),
    Kind.COMPANIES: _("companies"),
    Kind.MEASURES: _("measures"),
}


def unit_for(kind, currency=""):
    """The unit a figure of this kind is written in; cost takes its currency."""
    if kind == Kind.COST:
        return currency
    return str(UNITS.get(kind, ""))


def totals_by_kind(rows):
    """Sum rows of (kind, value, currency) into an ordered list of
    {kind, label, unit, total}: one line per kind, and per currency for cost."""
    sums = defaultdict(Decimal)
    for kind, value, currency in rows:
        sums[(kind, currency if kind == Kind.COST else "")] += value
    order = list(Kind.values)
    return [
        {"kind": kind, "label": Kind(kind).label, "unit": unit_for(kind, currency), "total": total}
        for (kind, currency), total in sorted(sums.items(), key=lambda item: (order.index(item[0][0]), item[0][1]))
    ]
