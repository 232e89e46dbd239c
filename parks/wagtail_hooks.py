from django.utils.text import capfirst
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CompanyResult


class CompanyResultViewSet(SnippetViewSet):
    model = CompanyResult
    icon = "table"
    menu_label = capfirst(CompanyResult._meta.verbose_name_plural)
    list_display = ["company", "park", "sector", "year", "measures", "co2e_t", "locale"]
    list_filter = ["park", "sector", "year", "status", "locale"]
    search_fields = ["company"]
    add_to_admin_menu = True
    menu_order = 250


register_snippet(CompanyResultViewSet)
