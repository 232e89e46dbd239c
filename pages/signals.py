"""Receivers that keep the site's own data in step with Wagtail's: the search
index, the e-mail updates' outbox, transliterated Vietnamese slugs and the
order of translated siblings.
(What changes make caches drop lives in pages.cache.receivers.)"""

from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail_localize.models import StringTranslation

from pages.editorial import tree_sync
from pages.search import index as search_index
from pages.search.folding import transliterate_slug
from pages.updates import announcements


@receiver(page_published)
def _index_published(sender, instance, **kwargs):
    search_index.index_page(instance)


@receiver(page_published)
def _announce_published(sender, instance, alias=False, **kwargs):
    # Recorded now, in the publish's transaction; sent by `manage.py send_updates`.
    announcements.record(instance, alias=alias)


@receiver(page_unpublished)
def _unindex_unpublished(sender, instance, **kwargs):
    search_index.remove_page(instance)


@receiver(pre_save, sender=StringTranslation)
def _transliterate_translated_slug(sender, instance, **kwargs):
    # wagtail-localize passes a translated slug through Django's slugify, which
    # would turn "đà-nẵng" into "a-nang"; transliterate it first.
    if instance.context_id and instance.context.path == "slug":
        instance.data = transliterate_slug(instance.data)


@receiver(post_page_move)
def mirror_reorder_in_translations(sender, instance, parent_page_before, parent_page_after, **kwargs):
    # A move to another parent is cascaded by Wagtail's move view (see
    # pages.editorial.tree_sync.cascade); a reorder among siblings is not.
    if parent_page_before.pk == parent_page_after.pk:
        tree_sync.mirror_position(instance)
