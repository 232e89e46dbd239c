"""What a source's text was before a sync changed it (pages.editorial.segment_history).

wagtail-localize keeps the strings of a source's current version only: a sync
replaces a changed segment's string by the new one and keeps nothing that ties
the two. One row per changed segment ties them, so a translator sees what the
source said before beside what it says now, and the earlier translation.
"""

from django.db import models


class SegmentChange(models.Model):
    source = models.ForeignKey("wagtail_localize.TranslationSource", on_delete=models.CASCADE, related_name="+")
    context = models.ForeignKey("wagtail_localize.TranslationContext", on_delete=models.CASCADE, related_name="+")
    previous = models.ForeignKey("wagtail_localize.String", on_delete=models.CASCADE, related_name="+")
    current = models.ForeignKey("wagtail_localize.String", on_delete=models.CASCADE, related_name="+")
    synced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "segment change"
        indexes = [models.Index(fields=["source", "current"])]

    def __str__(self):
        return f"{self.source_id}: {self.previous_id} → {self.current_id}"
