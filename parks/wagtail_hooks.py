from django.utils.text import capfirst
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from pages.spreadsheets import SafeSpreadsheetExportMixin

from .models import CompanyResult


class CompanyResultIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The listing, downloadable as CSV or XLSX with no cell that runs as a formula."""


class CompanyResultViewSet(SnippetViewSet):
    model = CompanyResult
    icon = "table"
    menu_label = capfirst(CompanyResult._meta.verbose_name_plural)
    list_display = ["company", "park", "sector", "year", "measures", "co2e_t", "locale"]
    list_filter = ["park", "sector", "year", "status", "locale"]
    search_fields = ["company"]
    index_view_class = CompanyResultIndexView
    list_export = [
        "company",
        "park",
        "sector",
        "year",
        "measures",
        "energy_mwh",
        "water_m3",
        "co2e_t",
        "waste_t",
        "cost_saved",
        "currency",
        "status",
        "source",
        "locale",
    ]
    export_filename = "company-results"
    add_to_admin_menu = True
    menu_order = 250


register_snippet(CompanyResultViewSet)
