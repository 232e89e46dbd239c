"""Earlier versions of a publication's files.

When a publication is published with another English or Vietnamese file than
its previous publication had, the file it replaced stays downloadable: the
``file_versions`` step of the publish pipeline (declared in
publications.section) records it, and the page lists it under "Earlier
versions" with the date it was replaced. Each page keeps its own record (the
files are synchronised between languages, and a translation takes the new
file when it is synced); an untranslated alias shows its source's. Deleting a
document deletes its record with it, so no page links to a missing file.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model, get_document_model_string

from pages.changes import previous_publication
from pages.visibility import in_public_collection

EDITIONS = (("en", "file_en"), ("vi", "file_vi"))


class EarlierFile(models.Model):
    """A file a publication's page offered until it was replaced."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=5)  # the edition: "en" (file_en) or "vi" (file_vi)
    document = models.ForeignKey(get_document_model_string(), on_delete=models.CASCADE, related_name="+")
    replaced_at = models.DateTimeField()

    class Meta:
        verbose_name = _("earlier file")
        constraints = [
            models.UniqueConstraint(fields=["page", "language", "document"], name="one_record_per_earlier_file")
        ]
        indexes = [models.Index(fields=["page", "-replaced_at"])]

    def __str__(self):
        return f"{self.page_id} {self.language}: {self.document_id} until {self.replaced_at:%Y-%m-%d}"


def record(page):
    """A step of every publish: the files this publication replaced."""
    page = page.specific
    if page._meta.label != "publications.PublicationPage":
        return
    previous = previous_publication(page)
    if previous is None:
        return
    content, _when = previous
    for language, field in EDITIONS:
        before, now = content.get(field), getattr(page, f"{field}_id")
        if before and before != now:
            # A document deleted since has no version to keep.
            if get_document_model().objects.filter(pk=before).exists():
                EarlierFile.objects.update_or_create(
                    page_id=page.pk,
                    language=language,
                    document_id=before,
                    defaults={"replaced_at": page.last_published_at},
                )


def earlier_files(page):
    """The page's earlier files the public may see, newest first: (edition
    language, document, replaced at). A file in use again is not listed."""
    current = {page.file_en_id, page.file_vi_id}
    rows = (
        EarlierFile.objects.filter(page_id=page.alias_of_id or page.pk)
        .exclude(document_id__in=[pk for pk in current if pk])
        .select_related("document")
        .order_by("-replaced_at", "language")
    )
    return [(row.language, row.document, row.replaced_at) for row in rows if in_public_collection(row.document)]
