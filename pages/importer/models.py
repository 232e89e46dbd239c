"""What the importer keeps: each item it brought in (so the same row again
changes nothing), and each file an editor uploaded in the admin, with its rows'
results, until the import is done (pages.importer.views)."""

from django.conf import settings
from django.db import models


class ImportedItem(models.Model):
    """An item a spreadsheet row made: the row's identity (its old address, or
    its kind, title and date), the page made from it (in the row's source
    language) and a digest of the row as last applied."""

    key = models.CharField(max_length=64, unique=True)  # sha256 of the identity
    identity = models.TextField()  # the identity itself, readable
    kind = models.CharField(max_length=40)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "imported item"

    def __str__(self):
        return self.identity


class ImportBatch(models.Model):
    """A file uploaded in the admin, kept in the database (every app server
    reaches it) from the dry run to the confirmed import, processed a slice
    per request."""

    CHECKING, CHECKED, IMPORTING, DONE = "checking", "checked", "importing", "done"

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    file_name = models.CharField(max_length=255)
    content = models.BinaryField()
    kind = models.CharField(max_length=40, blank=True)  # only this kind, or every kind
    publish = models.BooleanField(default=False)
    stage = models.CharField(max_length=20, default=CHECKING)
    position = models.PositiveIntegerField(default=0)  # rows of the file read in the current stage
    counts = models.JSONField(default=dict)  # {stage: {action: count}}
    busy_until = models.DateTimeField(null=True, blank=True)  # one request works on it at a time
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "import"
        verbose_name_plural = "imports"
        default_permissions = ()
        permissions = [("import_content", "Can import news, events and publications from a spreadsheet")]

    def __str__(self):
        return self.file_name


class ImportRow(models.Model):
    """One row's result in a stage (the dry run's "check", or "import")."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")
    stage = models.CharField(max_length=10)
    number = models.PositiveIntegerField()
    action = models.CharField(max_length=20)
    key = models.CharField(max_length=64, blank=True)
    title = models.TextField(blank=True)
    reasons = models.JSONField(default=list)

    class Meta:
        verbose_name = "import row"
        ordering = ["number"]
        indexes = [models.Index(fields=["batch", "stage", "number"]), models.Index(fields=["batch", "stage", "key"])]

    def __str__(self):
        return f"{self.number}: {self.action}"
