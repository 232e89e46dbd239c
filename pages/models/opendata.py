"""The record of what changed in each open dataset (pages.opendata.snapshots)."""

from django.db import models


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
        verbose_name = "dataset change"
        indexes = [models.Index(fields=["dataset", "language", "-at"]), models.Index(fields=["language", "-at"])]

    def __str__(self):
        return f"{self.dataset} ({self.language}) {self.at:%Y-%m-%d %H:%M}"
