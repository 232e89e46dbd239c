"""Every change that may show on a public page, and what it puts out of reach.

The one place that decides what caches drop: stored whole pages
(pages.cache.page_cache), fragments and remembered routes
(pages.cache.fragments). Pages' own changes (publish, unpublish, move,
privacy, delete) reach it as steps of the publish pipeline (pages.publishing,
which also runs the CDN purges); the site, its languages, images and snippets
are heard here. Each runs wherever the change is made (an admin view, a
management command, a shell): inside the change's transaction when it has one,
so that the change and its new generations commit together, or right after
the change is saved, before the action returns.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from pages.cache import fragments, page_cache
from pages.lookups import twins
from pages.origin import is_source


def _twin_paths(page):
    """URL paths of the page's twins (their language switcher links to it)."""
    paths = []
    for twin in twins(page).only("url_path", "path", "depth", "locale_id", "translation_key"):
        parts = twin.get_url_parts()
        if parts is not None:
            paths.append(parts[2])
    return paths


def page_changed(page):
    """A page appeared, changed or went in one language: that language's pages
    (any of them may list it), the twins that link to it, every fragment."""
    page_cache.drop_languages([page.locale.language_code])
    page_cache.drop_paths(_twin_paths(page))
    fragments.invalidate()


def tree_changed(page=None):
    """A step of the publish pipeline: the page moved, or who may see it (and
    the pages under it) changed; any page may link to or list it."""
    everything_changed()


def everything_changed():
    """Addresses or what every page shows changed (or the whole database, on a
    restore): every language, every fragment."""
    page_cache.drop_languages()
    fragments.invalidate()


def snippet_changed(instance, deleted=False):
    """A translation shows in its own language only; a source item (English,
    or Vietnamese for one written first in Vietnamese) is the fallback every
    language shows (pages.navigation.localized)."""
    locale = getattr(instance, "locale", None)
    # A deleted item may have been another language's fallback: every language then.
    everywhere = locale is None or deleted or is_source(instance)
    page_cache.drop_languages(None if everywhere else [locale.language_code])
    fragments.invalidate()


# --- the site, its languages, search promotions, images --------------------------


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
@receiver(post_save, sender=SearchPromotion)
@receiver(post_delete, sender=SearchPromotion)
def _site_changed(sender, **kwargs):
    # Cached Sites and routes (pages.cache.routing) follow hostnames, root pages and languages.
    everything_changed()


def _image_changed(sender, instance, created=False, update_fields=None, **kwargs):
    # A new image shows nowhere yet; Wagtail storing a missing file hash changes
    # nothing shown. An edited or deleted one may show anywhere, and cards kept
    # as HTML name its renditions.
    if not created and update_fields != frozenset({"file_hash"}):
        everything_changed()


post_save.connect(_image_changed, sender=get_image_model(), weak=False)
post_delete.connect(_image_changed, sender=get_image_model(), weak=False)


# --- snippets --------------------------------------------------------------------


def _snippet_saved_or_deleted(sender, instance, **kwargs):
    snippet_changed(instance, deleted=kwargs.get("signal") is post_delete)


def invalidate_on_change(*models):
    """Models whose rows show on public pages (snippets, documents, figures):
    saving or deleting one drops what may show it. Section apps call this from
    their ``ready()``."""
    for model in models:
        post_save.connect(_snippet_saved_or_deleted, sender=model, weak=False)
        post_delete.connect(_snippet_saved_or_deleted, sender=model, weak=False)
        # Its many-to-many links (a company result's themes) are saved after the row.
        for field in model._meta.many_to_many:
            m2m_changed.connect(_links_changed, sender=field.remote_field.through, weak=False)


def _links_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        snippet_changed(instance)
