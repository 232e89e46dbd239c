"""CSV downloads of indicator data: the same rows the page shows, as plain numbers."""

import csv

from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def indicators_csv_response(park, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{park.slug}-indicators-{get_language()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # lets spreadsheet programs detect UTF-8 (Vietnamese)
    writer = csv.writer(response)
    writer.writerow([_("Park"), _("Indicator"), _("Year"), _("Value"), _("Unit"), _("Status"), _("Source")])
    for row in rows:
        writer.writerow(
            [
                park.title,
                row.get_kind_display(),
                row.year,
                f"{row.value.normalize():f}",
                row.unit,
                row.get_status_display(),
                row.source,
            ]
        )
    return response
