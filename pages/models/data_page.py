from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pages.models.base import BasePage
from pages.opendata.page import datasets_context


class DataPage(BasePage):
    """ "Data": the open datasets (pages.opendata) with their columns, licence,
    last change and downloads, and how to use the read-only API."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("open data page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(datasets_context(request, get_language()))
        return context
