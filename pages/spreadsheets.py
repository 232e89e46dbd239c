"""Spreadsheet cells that never run as a formula (CSV injection).

Excel, LibreOffice and Google Sheets read a cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return as a formula, and a formula can fetch
URLs or, in older set-ups, run programs. Text typed by editors or visitors
(a company name, a source, a contact message) goes into the CSV and XLSX files
the site produces, so every such file writes its cells through ``safe_cell``:
text with a formula start gets a leading apostrophe, which spreadsheet programs
take as "this is text" (and show, in an XLSX). Real numbers (``int``, ``float``,
``Decimal``) stay numbers, negative ones too, so columns of figures can still be
summed; only text that merely looks like a number, such as "-5" typed into a
name, is quoted.
"""

from decimal import Decimal

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A cell value no spreadsheet program runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return Decimal(format(value, "f"))  # 1E+3 → 1000: a plain number in a CSV too
    if isinstance(value, int | float):  # bool too: written as True/False, never a formula
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_row(values):
    return [safe_cell(value) for value in values]


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's CSV/XLSX export (admin listings, form submissions) through ``safe_cell``."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # Dates and times stay what Wagtail made of them (real dates in an XLSX).
        if isinstance(value, str | int | float | Decimal) or value is None:
            return safe_cell(value)
        return value

    def get_heading(self, queryset, field):
        return safe_cell(super().get_heading(queryset, field))
