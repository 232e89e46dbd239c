"""When a page last changed for its readers, and the corrections an editor
dates on it (pages.changes reads and writes both)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class ContentChange(models.Model):
    """The last real change of a live page's content: a digest of what it
    published (without bookkeeping, pages.changes.content_of) and when that
    digest last changed. Written by the publish pipeline's ``changes`` step."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="content_change"
    )
    digest = models.CharField(max_length=64)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "content change"

    def __str__(self):
        return f"{self.page_id}: {self.changed_at:%Y-%m-%d %H:%M}"


class Correction(TranslatableMixin, Orderable):
    """A dated notice of what was corrected on a page and why. Its text is
    translated with the page; its date is the same in both languages."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="corrections")
    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("When the correction was made; shown with it.")
    )
    text = models.TextField(
        _("what changed and why"),
        max_length=1000,
        help_text=_(
            'One or two sentences readers see on the page, e.g. "The water saved in 2023 was 12,500 m³, '
            'not 125,000 m³: a typing error."'
        ),
    )

    panels = [FieldPanel("date"), FieldPanel("text")]
    translatable_fields = [SynchronizedField("date"), TranslatableField("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return f"{self.date:%Y-%m-%d}: {self.text[:60]}"


def corrections_panel():
    """The editor's "Corrections" panel, on the page types that take them."""
    return InlinePanel(
        "corrections",
        heading=_("Corrections"),
        label=_("Correction"),
        help_text=_(
            "When a fact on this page was wrong, correct it above and say here what changed and why. Readers see "
            "each correction on the page with its date; subscribers and the news feed are told of it."
        ),
    )
