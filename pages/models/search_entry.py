from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page


class SearchEntry(models.Model):
    """A live page's searchable text, stored as written and accent-folded.

    One table serves SQLite and PostgreSQL alike: the query is folded the same
    way and matched against ``folded``, so "da nang" finds "Đà Nẵng" and NFD
    input matches NFC text. Rebuilt by `manage.py rebuild_search_entries`.
    """

    page = models.OneToOneField(Page, on_delete=models.CASCADE, primary_key=True, related_name="+")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("type"), max_length=100, db_index=True)
    title = models.CharField(max_length=255)
    title_folded = models.CharField(max_length=255)
    text = models.TextField()
    folded = models.TextField()
    date = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("search entry")
        indexes = [models.Index(fields=["locale", "kind"])]

    def __str__(self):
        return self.title
