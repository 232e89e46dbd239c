"""Renditions made when a page is published, so that no visitor waits for an
image to be resized.

The sizes and formats a page needs are the ones its templates ask for
(``{% picture %}``, ``{% image %}``, share images…), so rather than keep a
second list of filter specs that could drift from the templates, the page and
its parent (the listing that shows its card) are rendered once, as Wagtail's
preview does, right after the publish is committed (the last step of the
publish pipeline, pages.publishing). Rendering creates every
missing rendition; the result is thrown away (it is private, so the page cache
does not keep it).
"""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from wagtail.models import Page

logger = logging.getLogger(__name__)
_deferred = False


def render_once(page):
    try:
        page.make_preview_request()
    except Exception:  # a failed warm-up must never break publishing
        logger.exception("Preparing the renditions of page %s failed", page.pk)


def prepare_renditions(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not page.live:
        return
    parent = page.get_parent()
    for target in (page, parent):
        if target is not None and target.depth >= 2 and target.live:
            render_once(target.specific)


def prepare_all():
    """Render every live page once: what a bulk load does instead of a render
    per publish. Returns how many pages were rendered."""
    pages = Page.objects.live().filter(depth__gte=2).specific()
    for page in pages:
        render_once(page)
    return len(pages)


@contextmanager
def deferred():
    """No rendering on publish inside the block (seed_demo): publishing a
    section's pages one by one would render its listing once per child, which
    made most of the first run's minutes. Call prepare_all() after it."""
    global _deferred
    _deferred = True
    try:
        yield
    finally:
        _deferred = False


def prepare_on_commit(page):
    """A step of the publish pipeline (pages.publishing)."""
    # An untranslated alias shows the same pictures as its source: nothing new to make.
    if page.alias_of_id or _deferred or not getattr(settings, "PREPARE_RENDITIONS_ON_PUBLISH", False):
        return
    transaction.on_commit(lambda: prepare_renditions(page.pk))
