"""The rows of a CSV or XLSX file, one at a time: never the whole file in memory.

CSV: UTF-8 (with or without the byte-order mark Excel writes), comma or
semicolon separated (the header line tells which). XLSX: the first sheet, read
with openpyxl's read-only mode, which streams the rows (it keeps the
workbook's table of shared texts, so for the largest files CSV is leaner).

Rows are numbered as a spreadsheet program shows them: the header is row 1.
"""

import codecs
import csv
import io
import zipfile

from django.utils.translation import gettext as _

from pages.importer.columns import OLD_NAMES, all_columns

XLSX_MAGIC = b"PK\x03\x04"
EXTRA = "__extra__"  # a row with more cells than the header: the value of its first extra cell


class BadFile(Exception):
    """A file that cannot be read as an import; its message is for the editor."""


def _header(cells, kinds):
    names = [str(cell).strip().lower() if cell is not None else "" for cell in cells]
    names = [OLD_NAMES.get(name, name) for name in names]
    while names and not names[-1]:
        names.pop()
    known = {column.name for column in all_columns(kinds.values())}
    unknown = [name or "?" for name in names if name not in known]
    if unknown:
        raise BadFile(
            _("The header names columns the importer does not know: %(names)s. Use the template's header row.")
            % {"names": ", ".join(unknown)}
        )
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise BadFile(_("The header names a column twice: %(names)s.") % {"names": ", ".join(twice)})
    missing = [name for name in ("kind", "category") if name not in names]
    if not {"title_en", "title_vi"} & set(names):
        missing.append("title_en")
    if missing:
        raise BadFile(_("The header lacks the columns %(names)s.") % {"names": ", ".join(missing)})
    return names


def _values(header, cells):
    values = dict(zip(header, cells, strict=False))
    extra = [cell for cell in cells[len(header) :] if cell not in (None, "")]
    if extra:
        values[EXTRA] = extra[0]
    return values


def _csv_rows(handle, kinds):
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    try:
        first = text.readline()
        if not first.strip():
            raise BadFile(_("The file is empty."))
        delimiter = ";" if first.count(";") > first.count(",") else ","
        header = _header(next(csv.reader([first], delimiter=delimiter)), kinds)
        yield header
        for number, cells in enumerate(csv.reader(text, delimiter=delimiter), start=2):
            yield number, _values(header, cells)
    except UnicodeDecodeError as error:
        raise BadFile(_("The file is not UTF-8 text: save it as “CSV UTF-8”, or as XLSX.")) from error
    except csv.Error as error:
        raise BadFile(_("The file is not a CSV file the importer can read (%(error)s).") % {"error": error}) from error
    finally:
        text.detach()


def _xlsx_rows(handle, kinds):
    from openpyxl import load_workbook  # a Wagtail dependency, loaded when an XLSX comes

    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise BadFile(_("The file is not an XLSX workbook the importer can read.")) from error
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        first = next(rows, None)
        if first is None:
            raise BadFile(_("The file is empty."))
        header = _header(first, kinds)
        yield header
        for number, cells in enumerate(rows, start=2):
            yield number, _values(header, list(cells))
    finally:
        workbook.close()


def rows(handle, kinds):
    """A generator: first the header (column names), then (row number, {column: cell})
    for each row. ``handle`` is a binary file; ``kinds`` the importer's kinds.
    Raises BadFile, at the start or at the row that cannot be read."""
    start = handle.read(4)
    handle.seek(0)
    if start == XLSX_MAGIC:
        return _xlsx_rows(handle, kinds)
    if start.startswith(codecs.BOM_UTF16_LE) or start.startswith(codecs.BOM_UTF16_BE):
        raise BadFile(_("The file is not UTF-8 text: save it as “CSV UTF-8”, or as XLSX."))
    return _csv_rows(handle, kinds)


def open_rows(handle, kinds):
    """(header, the rows' iterator), the header read at once so a bad file
    is refused before any row."""
    iterator = rows(handle, kinds)
    header = next(iterator)
    return header, iterator
