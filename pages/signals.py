"""Transliterated Vietnamese slugs. (What follows a page's publication, move,
privacy change or deletion: pages.publishing.)"""

from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail_localize.models import StringTranslation

from pages.search.folding import transliterate_slug


@receiver(pre_save, sender=StringTranslation)
def _transliterate_translated_slug(sender, instance, **kwargs):
    # wagtail-localize passes a translated slug through Django's slugify, which
    # would turn "đà-nẵng" into "a-nang"; transliterate it first.
    if instance.context_id and instance.context.path == "slug":
        instance.data = transliterate_slug(instance.data)
