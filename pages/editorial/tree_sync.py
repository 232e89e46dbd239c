"""Keep the two trees in step, from whichever language a page starts.

A page created in the admin gets an alias in every other language: for an
English page wagtail-localize makes it (Vietnamese is synchronised from
English); for a Vietnamese-first page ``twin_new_page`` does, since a second
synchronisation the other way is broken upstream (wagtail-localize #872: each
alias would make an alias of itself). Wagtail's own move, unpublish and delete
views cascade to whatever the ``construct_translated_pages_to_cascade_actions``
hook returns; here that is the twins of a source page (pages.origin), in either
language. Copies need their aliases made, and a reorder among siblings is
mirrored so menus keep the same order. A translation never drags its source.
"""

from wagtail.models import Locale, Page

from pages.origin import is_source


def _is_source(page):
    return is_source(page)


def twin_new_page(page):
    """An alias of ``page`` in every language that has no page of its key yet
    (under its parent's twin, made too if missing)."""
    for locale in Locale.objects.exclude(pk=page.locale_id):
        if not Page.objects.filter(translation_key=page.translation_key, locale=locale).exists():
            page.copy_for_translation(locale, copy_parents=True, alias=True)


def cascade(pages, action):
    """Twins that follow a source page when it is moved, unpublished or deleted.

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
    """A copied source page (and its copied subpages) gets its aliases."""
    if not _is_source(new_page):
        return
    for copied in new_page.get_descendants(inclusive=True).order_by("path"):
        twin_new_page(copied)


def mirror_position(page):
    """Put each twin of a source page in the same place among its siblings."""
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
