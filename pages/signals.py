"""Keep cached shell fragments honest: anything that changes what the menu,
footer or home sections show drops them for every language."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail_localize.models import StringTranslation

from . import fragments, page_cache_signals, search_index
from .editorial import tree_sync
from .models import Partner, RelatedAgency, TeamMember
from .slugs import transliterate_slug


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(sender, **kwargs):
    fragments.invalidate()


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
def _site_changed(sender, **kwargs):
    # Cached Sites and routes (pages.routing) follow the site's hostnames,
    # root page and languages.
    fragments.invalidate()


def _image_changed(sender, instance, created=False, update_fields=None, **kwargs):
    # Cards and pictures kept as HTML name the image's renditions. A new image
    # shows nowhere yet; Wagtail storing a missing file hash changes nothing shown.
    if not created and update_fields != frozenset({"file_hash"}):
        fragments.invalidate()


post_save.connect(_image_changed, sender=get_image_model(), weak=False)
post_delete.connect(_image_changed, sender=get_image_model(), weak=False)


@receiver(page_published)
def _index_published(sender, instance, **kwargs):
    search_index.index_page(instance)


@receiver(page_unpublished)
def _unindex_unpublished(sender, instance, **kwargs):
    search_index.remove_page(instance)


@receiver(post_delete)
def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        fragments.invalidate()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_save, sender=SearchPromotion)
@receiver(post_delete, sender=SearchPromotion)
@receiver(post_save, sender=Partner)
@receiver(post_save, sender=RelatedAgency)
@receiver(post_save, sender=TeamMember)
@receiver(post_delete, sender=Partner)
@receiver(post_delete, sender=RelatedAgency)
@receiver(post_delete, sender=TeamMember)
def _snippet_changed(sender, instance, **kwargs):
    fragments.invalidate()
    page_cache_signals.snippet_changed(instance)


@receiver(post_save)
def _page_created(sender, instance, created, **kwargs):
    # Aliases (wagtail-localize's untranslated twins) appear without a publish
    # signal, yet they show in their language's menu.
    if created and isinstance(instance, Page):
        fragments.invalidate()


@receiver(pre_save, sender=StringTranslation)
def _transliterate_translated_slug(sender, instance, **kwargs):
    # wagtail-localize passes a translated slug through Django's slugify, which
    # would turn "đà-nẵng" into "a-nang"; transliterate it first.
    if instance.context_id and instance.context.path == "slug":
        instance.data = transliterate_slug(instance.data)


def invalidate_on_change(*models):
    """Let a section app's snippets (shown in cached fragments) drop the cache too."""
    for model in models:
        post_save.connect(_snippet_changed, sender=model, weak=False)
        post_delete.connect(_snippet_changed, sender=model, weak=False)


@receiver(post_page_move)
def mirror_reorder_in_translations(sender, instance, parent_page_before, parent_page_after, **kwargs):
    # A move to another parent is cascaded by Wagtail's move view (see
    # pages.editorial.tree_sync.cascade); a reorder among siblings is not.
    if parent_page_before.pk == parent_page_after.pk:
        tree_sync.mirror_position(instance)
