"""CDN purges (wagtail.contrib.frontend_cache), in both languages: steps of
the publish pipeline (pages.publishing).

A page published or unpublished is purged, and its twins in the other languages
too, at their own URLs (Vietnamese slugs differ from English ones): they show
its title in their language switcher and hreflang links. A view restriction
added or removed purges the page and every page under it, in each language (the
restriction is mirrored to the twins, whose own change purges them), so a CDN
never keeps what became private.

Purges are sent once the change is committed: a purge sent earlier could let
the CDN fetch the old page again before the new one exists.
"""

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.models import Page

from pages.lookups import twins


def _purge_on_commit(pages, also=()):
    """The live ``pages`` once committed, and ``also``: pages purged as they
    are in hand (one unpublished or deleted is no longer live)."""

    def purge():
        found = [*also, *pages.live().specific()]
        if found:
            purge_pages_from_cache(found)

    transaction.on_commit(purge)


def page_and_twins(page):
    if settings.WAGTAILFRONTENDCACHE:
        _purge_on_commit(twins(page), also=[page])


def subtree_of(page):
    """The page and everything under it (a view restriction covers them all);
    nothing for a privacy change of a collection (``page`` None)."""
    if settings.WAGTAILFRONTENDCACHE and page is not None:
        _purge_on_commit(Page.objects.descendant_of(page, inclusive=True))
