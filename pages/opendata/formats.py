"""One dataset snapshot (pages.opendata.snapshots) written as CSV, JSON or XLSX.

CSV: UTF-8 with a byte order mark (spreadsheet programs then read Vietnamese
right), one header row of the stable English column names, every cell through
pages.spreadsheets.safe_cell. JSON: an object with a ``version`` of its shape
(registry.VERSION), the dataset's metadata and ``rows`` as objects keyed by the
same column names. CSV and JSON are written row by row as they are sent (a
streamed answer), so no whole file is built in memory. Lists (a park's topics, a publication's languages) are
arrays in JSON and ``; ``-joined text in CSV and XLSX.
"""

import csv
import itertools
import json
import tempfile
from decimal import Decimal

from django.utils.translation import get_language

from pages.opendata.registry import LICENCE, VERSION
from pages.spreadsheets import safe_row

LIST_SEPARATOR = "; "
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _flat(value):
    return LIST_SEPARATOR.join(str(item) for item in value) if isinstance(value, list | tuple) else value


def _json_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


# Rows go out in pieces of about this many characters: few enough writes, little memory.
CHUNK = 64 * 1024


def _chunked(pieces):
    """Many small strings as UTF-8 pieces of about CHUNK characters."""
    buffer, size = [], 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= CHUNK:
            yield "".join(buffer).encode()
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer).encode()


def csv_chunks(dataset, snapshot):
    """The CSV, row by row (a streamed answer's content)."""

    class Line:
        def write(self, text):
            return text

    writer = csv.writer(Line())
    header = writer.writerow(safe_row(column.name for column in dataset.columns))
    rows = (writer.writerow(safe_row(_flat(value) for value in row)) for row in snapshot["rows"])
    return _chunked(itertools.chain(["\ufeff", header], rows))


class _Rows(list):
    """The rows as ``json`` sees a list, made one object at a time as it writes
    them (the pure-Python encoder, used with ``indent``, only iterates)."""

    def __init__(self, names, rows):
        super().__init__()
        self.names, self.rows = names, rows

    def __bool__(self):
        return bool(self.rows)

    def __iter__(self):
        return (dict(zip(self.names, map(_json_value, row), strict=True)) for row in self.rows)


def json_chunks(dataset, snapshot, absolute_url):
    """The JSON document, written as it is sent: the same bytes ``json.dumps`` gives."""
    names = [column.name for column in dataset.columns]
    document = {
        "version": VERSION,
        "dataset": dataset.name,
        "language": get_language(),
        "title": str(dataset.title),
        "description": str(dataset.description),
        "licence": LICENCE,
        "source": absolute_url,
        "last_modified": snapshot["changed_at"].isoformat(),
        "count": len(snapshot["rows"]),
        "columns": [{"name": column.name, "description": str(column.description)} for column in dataset.columns],
        "rows": _Rows(names, snapshot["rows"]),
    }
    return _chunked(json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(document))


def xlsx_file(dataset, snapshot):
    """The workbook in a temporary file (an XLSX is a zip archive, written whole
    at the end, so it cannot go out row by row; on disk it takes no memory)."""
    from openpyxl import Workbook  # loaded at the first XLSX download only (a Wagtail dependency)

    workbook = Workbook(write_only=True)  # rows go to a temporary file as they are appended
    sheet = workbook.create_sheet(dataset.name[:31])
    sheet.append(safe_row(column.name for column in dataset.columns))
    for row in snapshot["rows"]:
        sheet.append(safe_row(_flat(value) for value in row))
    out = tempfile.TemporaryFile()  # noqa: SIM115 (closed by the response once sent)
    workbook.save(out)
    out.seek(0)
    return out
