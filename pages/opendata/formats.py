"""One dataset snapshot (pages.opendata.snapshots) written as CSV, JSON or XLSX.

CSV: UTF-8 with a byte order mark (spreadsheet programs then read Vietnamese
right), one header row of the stable English column names, every cell through
pages.spreadsheets.safe_cell. JSON: an object with a ``version`` of its shape
(registry.VERSION), the dataset's metadata and ``rows`` as objects keyed by the
same column names. Lists (a park's topics, a publication's languages) are
arrays in JSON and ``; ``-joined text in CSV and XLSX.
"""

import csv
import io
import json
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


def as_csv(dataset, snapshot):
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(safe_row(column.name for column in dataset.columns))
    for row in snapshot["rows"]:
        writer.writerow(safe_row(_flat(value) for value in row))
    return out.getvalue().encode()


def as_json(dataset, snapshot, absolute_url):
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
        "rows": [dict(zip(names, map(_json_value, row), strict=True)) for row in snapshot["rows"]],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


def as_xlsx(dataset, snapshot):
    from openpyxl import Workbook  # loaded at the first XLSX download only (a Wagtail dependency)

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(dataset.name[:31])
    sheet.append(safe_row(column.name for column in dataset.columns))
    for row in snapshot["rows"]:
        sheet.append(safe_row(_flat(value) for value in row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
