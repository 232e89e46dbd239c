"""CSV downloads of indicator data: the same rows the page shows, as plain numbers.

Every cell goes through pages.spreadsheets.safe_cell: a source typed as "=1+2"
is text in a spreadsheet, not a formula."""

import csv

from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pages.spreadsheets import safe_row


def indicators_csv_response(park, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{park.slug}-indicators-{get_language()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # lets spreadsheet programs detect UTF-8 (Vietnamese)
    writer = csv.writer(response)
    writer.writerow(
        safe_row(
            [_("Park"), _("Indicator"), _("Year"), _("Value"), _("Unit"), _("Status"), _("Source"), _("First year")]
        )
    )
    for row in rows:
        writer.writerow(
            safe_row(
                [
                    park.title,
                    row.get_kind_display(),
                    row.year,
                    row.value.normalize(),
                    row.unit,
                    row.get_status_display(),
                    row.source,
                    # Last, so the columns that were there keep their place.
                    row.first_year or "",
                ]
            )
        )
    return response
