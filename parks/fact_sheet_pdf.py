"""A park's fact sheet as an A4 PDF in the page's language: the fact sheet,
the indicators table and the company results totals the park page shows, with
their sources, the date it was made and the page's address.

Made with fpdf2 in the site's font (pages.pdf_fonts) and kept in the shell's
fragments cache per park and language, so it is made once per content version:
any change to the park, its figures or its company results replaces the
fragments' generation (pages.cache.receivers) and the next download makes it
again.
"""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pages.cache import fragments
from pages.numbers import localized_number
from pages.opendata.registry import LICENCE
from pages.pdf_fonts import use_site_font

from .indicators import Kind, unit_for

INK, MUTED, RULE = (26, 35, 32), (80, 90, 86), (200, 206, 203)
# Company results totals (parks.company_totals.SUMMED) by the indicator they measure.
TOTAL_KINDS = {
    "measures": Kind.MEASURES,
    "energy_mwh": Kind.ENERGY,
    "water_m3": Kind.WATER,
    "co2e_t": Kind.CO2E,
    "waste_t": Kind.WASTE,
}


def _facts(park):
    facts = [(_("Province / city"), park.location)]
    if park.area_ha is not None:
        facts.append((_("Area"), f"{localized_number(park.area_ha)} ha"))
    if park.year_founded:
        facts.append((_("Founded"), str(park.year_founded)))
    facts += [(_("Developer / operator"), park.developer), (_("Managing authority"), park.authority)]
    if park.enterprises is not None:
        facts.append((_("Enterprises"), localized_number(park.enterprises)))
    facts += [(_("Main sectors"), park.sectors), (_("Website"), park.website)]
    return [(label, value) for label, value in facts if value]


def _heading(pdf, family, text):
    pdf.ln(4)
    pdf.set_font(family, "B", 13)
    pdf.set_text_color(*INK)
    pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 9.5)


def _table(pdf, family, headings, rows, widths, numeric=()):
    with pdf.table(
        col_widths=widths, line_height=5.5, borders_layout="HORIZONTAL_LINES", first_row_as_headings=True
    ) as table:
        pdf.set_font(family, "B", 9)
        heading_row = table.row()
        for heading in headings:
            heading_row.cell(heading)
        pdf.set_font(family, "", 9)
        for values in rows:
            row = table.row()
            for index, value in enumerate(values):
                row.cell(str(value), align="RIGHT" if index in numeric else "LEFT")


def build_pdf(park, url):
    from fpdf import FPDF  # only fact sheets need it

    related = park.related_content()
    indicators = park.indicator_rows()
    made_on = date_format(timezone.localdate(), "DATE_FORMAT")

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=18)
    family = use_site_font(pdf)
    pdf.set_title(park.title)
    pdf.set_lang(get_language())
    pdf.set_author(_("Eco-Industrial Park Initiative in Viet Nam"))
    pdf.set_creation_date(timezone.now())

    def footer():
        pdf.set_y(-13)
        pdf.set_font(family, "", 8)
        pdf.set_text_color(*MUTED)
        pdf.cell(0, 5, _("Made on %(date)s from %(url)s") % {"date": made_on, "url": url}, align="LEFT")
        pdf.cell(0, 5, f"{pdf.page_no()}/{{nb}}", align="RIGHT")

    pdf.footer = footer
    pdf.add_page()

    pdf.set_font(family, "", 9)
    pdf.set_text_color(*MUTED)
    pdf.cell(0, 5, _("Eco-Industrial Park Initiative in Viet Nam"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "B", 20)
    pdf.set_text_color(*INK)
    pdf.multi_cell(0, 9, park.title, new_x="LMARGIN", new_y="NEXT")
    if park.intro:
        pdf.set_font(family, "", 10.5)
        pdf.multi_cell(0, 5.5, park.intro, new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*RULE)

    _heading(pdf, family, _("Fact sheet"))
    _table(pdf, family, [_("Fact"), _("Value")], _facts(park), (45, 129))

    _heading(pdf, family, _("Indicators"))
    if indicators:
        rows = [
            (row.get_kind_display(), row.year, localized_number(row.value), row.unit, row.get_status_display(),
             row.source)
            for row in indicators
        ]  # fmt: skip
        headings = [_("Indicator"), _("Year"), _("Value"), _("Unit"), _("Status"), _("Source")]
        _table(pdf, family, headings, rows, (36, 13, 24, 20, 22, 59), numeric=(1, 2))
    else:
        pdf.multi_cell(0, 5, _("No indicators have been published for this park yet."), new_x="LMARGIN", new_y="NEXT")

    results = related["company_results"]
    if results:
        _heading(pdf, family, _("Company results"))
        # One total per year and status, as on the page: never added across them.
        rows = []
        for total in related["company_totals"]:
            label = f"{total['year']} ({total['status']})"
            rows.append((f"{label}: {_('Companies')}", localized_number(total["count"]), ""))
            rows += [
                (f"{label}: {Kind(kind).label}", localized_number(total[name]), unit_for(kind))
                for name, kind in TOTAL_KINDS.items()
            ]
            rows += [
                (f"{label}: {Kind.COST.label}", localized_number(cost["total"]), cost["currency"])
                for cost in total["costs"]
            ]
        _table(pdf, family, [_("Total"), _("Value"), _("Unit")], rows, (80, 50, 44), numeric=(1,))

    sources = sorted({row.source for row in indicators} | {result.source for result in results})
    _heading(pdf, family, _("Sources"))
    for source in sources:
        pdf.multi_cell(0, 5, f"• {source}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(
        0,
        5,
        _("Figures as published on %(url)s on %(date)s, under the %(licence)s licence.")
        % {"url": url, "date": made_on, "licence": LICENCE["name"]},
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return bytes(pdf.output())


def fact_sheet_response(park, request):
    url = park.get_full_url(request)
    body = fragments.cached(f"park-pdf:{park.pk}", 0, lambda: build_pdf(park, url))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{park.slug}-fact-sheet-{get_language()}.pdf"'
    return response
