"""Open data's models: the "Data" page and the record of what changed in each
dataset (pages.opendata.snapshots). The tables keep their names from when these
models were in ``pages`` (migration pages 0018 moved them here without touching a row)."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pages.models.base import BasePage
from pages.opendata.page import datasets_context


class DataPage(BasePage):
    """ "Data": the open datasets with their columns, licence, last change and
    downloads, and how to use the read-only API."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        db_table = "pages_datapage"
        verbose_name = _("open data page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(datasets_context(request, get_language()))
        return context


class DatasetChange(models.Model):
    """One version of a dataset in one language: when it was first served,
    how many rows it had and how they differ from the version before.
    ``row_hashes`` maps a hash of each row's key to a hash of the whole row, so
    the next version can tell added, removed and changed rows apart without
    keeping the rows themselves."""

    dataset = models.CharField(max_length=40)
    language = models.CharField(max_length=10)
    digest = models.CharField(max_length=64)
    at = models.DateTimeField()
    rows = models.PositiveIntegerField()
    added = models.PositiveIntegerField(default=0)
    removed = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)
    first = models.BooleanField(default=False)
    row_hashes = models.JSONField(default=dict)

    class Meta:
        db_table = "pages_datasetchange"
        verbose_name = "dataset change"
        indexes = [models.Index(fields=["dataset", "language", "-at"]), models.Index(fields=["language", "-at"])]

    def __str__(self):
        return f"{self.dataset} ({self.language}) {self.at:%Y-%m-%d %H:%M}"
