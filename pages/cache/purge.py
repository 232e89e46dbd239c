"""CDN purges (wagtail.contrib.frontend_cache), in both languages.

Wagtail purges the page that was published or unpublished. Its twins in the
other languages show its title in their language switcher and hreflang links,
so they are purged as well, at their own URLs (Vietnamese slugs differ from
English ones). A view restriction added or removed purges the page and every
page under it, in each language (the restriction is mirrored to the twins,
whose own change purges them), so a CDN never keeps what became private.

Purges are sent once the change is committed: a purge sent earlier could let
the CDN fetch the old page again before the new one exists.
"""

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.models import Page

from pages.lookups import twins


def _purge_on_commit(pages):
    def purge():
        live = list(pages.live().specific())
        if live:
            purge_pages_from_cache(live)

    transaction.on_commit(purge)


def twins_of(page):
    if settings.WAGTAILFRONTENDCACHE:
        _purge_on_commit(twins(page))


def subtree_of(page_id):
    """The page and everything under it (a view restriction covers them all)."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    page = Page.objects.filter(pk=page_id).first()  # gone when the page itself is being deleted
    if page is not None:
        _purge_on_commit(Page.objects.descendant_of(page, inclusive=True))
