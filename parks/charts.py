"""Bar charts drawn on the server as accessible SVG (templates/parks/includes/bar_chart.html).

Each chart has a title, a text description and the same numbers as a table
beside it, so a screen reader or a printout loses nothing.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from .indicators import Kind

WIDTH, HEIGHT = 480, 240
PLOT_TOP, PLOT_BOTTOM, PLOT_LEFT, PLOT_RIGHT = 28, 200, 16, 464


@dataclass
class Bar:
    label: str
    value: Decimal
    note: str = ""
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0

    @property
    def centre(self):
        return self.x + self.width / 2


@dataclass
class BarChart:
    key: str
    title: str
    unit: str
    bars: list = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    baseline: int = PLOT_BOTTOM

    def layout(self):
        top = max((bar.value for bar in self.bars), default=Decimal(0)) or Decimal(1)
        slot = (PLOT_RIGHT - PLOT_LEFT) / max(len(self.bars), 1)
        bar_width = min(slot * 0.6, 72)
        for index, bar in enumerate(self.bars):
            bar.height = round(float(bar.value / top) * (PLOT_BOTTOM - PLOT_TOP), 1)
            bar.width = round(bar_width, 1)
            bar.x = round(PLOT_LEFT + slot * index + (slot - bar_width) / 2, 1)
            bar.y = round(PLOT_BOTTOM - bar.height, 1)
        return self


def _series(rows):
    """(kind, currency, rows by year) per indicator (and currency), in the order of Kind."""
    series = defaultdict(list)
    for row in rows:
        series[(row.kind, row.currency)].append(row)
    order = list(Kind.values)
    for (kind, currency), items in sorted(series.items(), key=lambda item: (order.index(item[0][0]), item[0][1])):
        yield kind, currency, sorted(items, key=lambda row: row.year)


def single_figures(rows):
    """The indicators with one figure only: shown as a number with its period,
    status and source, never as a chart of one bar."""
    return [items[0] for _kind, _currency, items in _series(rows) if len(items) == 1]


def indicator_charts(rows):
    """One chart per indicator (and currency) that has a series: its values
    over two or more periods for one park."""
    charts = []
    for kind, currency, items in _series(rows):
        if len(items) < 2:
            continue
        chart = BarChart(
            key=f"{kind}{('-' + currency.lower()) if currency else ''}",
            title=str(Kind(kind).label),
            unit=items[0].unit,
            bars=[Bar(row.period, row.value, row.get_status_display()) for row in items],
        )
        chart.rows = items
        charts.append(chart.layout())
    return charts
