"""What drops stored pages (pages.page_cache explains the scheme)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import page_cache


def _language(page):
    return page.locale.language_code


def _twin_paths(page):
    """URL paths of the page's twins in the other languages (their switcher links to it)."""
    twins = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    paths = []
    for twin in twins.only("url_path", "path", "depth", "locale_id", "translation_key"):
        parts = twin.get_url_parts()
        if parts is not None:
            paths.append(parts[2])
    return paths


def page_changed(page):
    page_cache.drop_languages([_language(page)])
    page_cache.drop_paths(_twin_paths(page))


@receiver(page_published)
@receiver(page_unpublished)
def _published_or_unpublished(sender, instance, **kwargs):
    page_changed(instance)


@receiver(post_save)
def _page_created(sender, instance, created, **kwargs):
    # wagtail-localize's aliases go live without a publish signal.
    if created and isinstance(instance, Page):
        page_changed(instance)


@receiver(post_delete)
def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_changed(instance)


@receiver(post_page_move)
@receiver(page_slug_changed)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=SearchPromotion)
@receiver(post_save, sender=SearchPromotion)
def _every_language(sender, **kwargs):
    page_cache.drop_languages()


def _image_changed(sender, instance, created=False, **kwargs):
    # A new image shows nowhere yet; an edited or deleted one may show anywhere
    # (and its old renditions' files are gone).
    if not created:
        page_cache.drop_languages()


post_save.connect(_image_changed, sender=get_image_model(), weak=False)
post_delete.connect(_image_changed, sender=get_image_model(), weak=False)


def snippet_changed(instance):
    """A translation shows in its own language only; a source (English) item
    is the fallback every language shows."""
    locale = getattr(instance, "locale", None)
    if locale is not None and not locale.is_default:
        page_cache.drop_languages([locale.language_code])
    else:
        page_cache.drop_languages()
