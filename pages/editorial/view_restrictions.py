"""A view restriction covers every language of a page.

Wagtail restricts one page (and its subtree) in one locale; wagtail-localize
does not copy restrictions to translations. An editor who makes the English
page private expects its Vietnamese twin to be private too, so a page's
restriction is mirrored to its translations whenever it is saved, changes
groups or is removed (the first step of the publish pipeline's "privacy
changed", pages.publishing).
"""

import contextvars

from wagtail.models import PageViewRestriction

from pages.lookups import twins

_mirroring = contextvars.ContextVar("view_restrictions_mirroring", default=False)


def mirror(page):
    """Give the page's twins the page's restriction, or none. The twins' own
    changes (their privacy events, run inside this one) mirror nothing back."""
    if page is None or _mirroring.get():  # a collection's privacy, the page being deleted, or a twin's echo
        return
    token = _mirroring.set(True)
    try:
        _mirror(page)
    finally:
        _mirroring.reset(token)


def _mirror(page):
    restriction = PageViewRestriction.objects.filter(page=page).first()
    for twin in twins(page):
        existing = PageViewRestriction.objects.filter(page=twin).first()
        if restriction is None:
            if existing is not None:
                existing.delete()
            continue
        if existing is None:
            existing = PageViewRestriction(page=twin)
        if existing.pk is None or (existing.restriction_type, existing.password) != (
            restriction.restriction_type,
            restriction.password,
        ):
            existing.restriction_type = restriction.restriction_type
            existing.password = restriction.password
            existing.save()
        groups = set(restriction.groups.all())
        if set(existing.groups.all()) != groups:
            existing.groups.set(groups)
