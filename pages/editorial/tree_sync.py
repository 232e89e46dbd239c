"""Keep the translated trees in step with the English one.

wagtail-localize creates an alias in every synchronised locale when a page is
created in the admin. Wagtail's own move, unpublish and delete views cascade to
whatever the ``construct_translated_pages_to_cascade_actions`` hook returns;
here that is the twins of English pages. Copies need their aliases made, and a
reorder among siblings is mirrored so menus keep the same order.
"""

from wagtail.models import Locale, Page
from wagtail_localize.synctree import create_aliases_for_new_page


def _is_source(page):
    return page.locale_id == Locale.get_default().pk


def cascade(pages, action):
    """Twins that follow an English page when it is moved, unpublished or deleted.

    Unpublishing covers real translations only: Wagtail unpublishes aliases
    itself. Pages in other languages act alone (a translator's page never
    drags English with it).
    """
    result = {}
    for page in pages:
        if not _is_source(page):
            continue
        twins = Page.objects.translation_of(page, inclusive=False)
        if action == "unpublish":
            twins = twins.filter(alias_of__isnull=True).live()
        elif action not in {"move", "delete"}:
            continue
        result[page] = list(twins)
    return result


def alias_copies(page, new_page):
    """A copied English page (and its copied subpages) gets its aliases."""
    if not _is_source(new_page):
        return
    for copied in new_page.get_descendants(inclusive=True).order_by("path"):
        if not Page.objects.translation_of(copied, inclusive=False).exists():
            create_aliases_for_new_page(copied)


def mirror_position(page):
    """Put each twin of an English page in the same place among its siblings."""
    if not _is_source(page):
        return
    before = page.get_prev_sibling()
    for twin in Page.objects.translation_of(page, inclusive=False):
        parent = twin.get_parent()
        anchor = before.get_translation_or_none(twin.locale) if before else None
        if anchor is not None and anchor.get_parent() == parent:
            if twin.get_prev_sibling() != anchor:
                twin.move(anchor, pos="right")
        elif before is None and twin.get_prev_sibling() is not None:
            twin.move(parent, pos="first-child")
