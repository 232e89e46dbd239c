"""The indicator kinds, their units, and the arithmetic on indicator rows.

One place decides what a kind measures, so a figure cannot carry the wrong unit.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Every figure of a park or a company is a quantity: none is below zero.
NOT_NEGATIVE = [MinValueValidator(Decimal("0"))]


class Kind(models.TextChoices):
    ENERGY = "energy", _("Energy saved")
    WATER = "water", _("Water saved")
    # Less wastewater discharged is not water saved: a kind of its own, so the
    # two are never added up (Amata's 4,800 m³ beside Hiep Phuoc's 200,000 m³).
    WASTEWATER = "wastewater", _("Wastewater reduced")
    CO2E = "co2e", _("CO2e avoided")
    WASTE = "waste", _("Waste reduced")
    COST = "cost", _("Cost saved")
    COMPANIES = "companies", _("Companies engaged")
    # Solutions found in assessments are not solutions put in place.
    SOLUTIONS = "solutions", _("Solutions identified")
    MEASURES = "measures", _("Measures implemented")


class Currency(models.TextChoices):
    USD = "USD", "USD"
    VND = "VND", "VND"


class Status(models.TextChoices):
    REPORTED = "reported", _("reported")
    ESTIMATED = "estimated", _("estimated")
    TARGET = "target", _("target")


UNITS = {
    Kind.ENERGY: _("MWh"),
    Kind.WATER: _("m³"),
    Kind.WASTEWATER: _("m³"),
    Kind.CO2E: _("t CO2e"),
    Kind.WASTE: _("t"),
    Kind.COMPANIES: _("companies"),
    Kind.SOLUTIONS: _("solutions"),
    Kind.MEASURES: _("measures"),
}


def unit_for(kind, currency=""):
    """The unit a figure of this kind is written in; cost takes its currency."""
    if kind == Kind.COST:
        return currency
    return str(UNITS.get(kind, ""))


def period_label(first_year, year):
    """ "2023", or "2020–2023" for a figure that covers several years."""
    return f"{first_year}–{year}" if first_year and first_year != year else str(year)


@dataclass(frozen=True)
class Figure:
    """One published figure of one park, with what makes it comparable."""

    park: str
    kind: str
    value: Decimal
    currency: str
    first_year: int | None
    year: int
    status: str
    source: str


def comparable_totals(figures):
    """Add up only figures of the same kind, unit, period and status.

    Returns one line per group, in the order of Kind: {label, unit, period,
    status, total, parts}; a line of one part is a figure shown on its own, so
    incomparable figures stand side by side, each with its period and source."""
    groups = defaultdict(list)
    for figure in figures:
        currency = figure.currency if figure.kind == Kind.COST else ""
        first_year = figure.first_year if figure.first_year != figure.year else None
        groups[(figure.kind, currency, first_year or 0, figure.year, figure.status)].append(figure)
    order = list(Kind.values)
    lines = []
    for (kind, currency, first_year, year, status), parts in sorted(
        groups.items(), key=lambda item: (order.index(item[0][0]), *item[0][1:])
    ):
        lines.append(
            {
                "kind": kind,
                "label": Kind(kind).label,
                "unit": unit_for(kind, currency),
                "period": period_label(first_year, year),
                "status": Status(status).label,
                "total": sum((part.value for part in parts), Decimal(0)),
                "parts": sorted(parts, key=lambda part: part.park),
            }
        )
    return lines
