"""Lookups the whole house shares: a page's twins, its date, the pages it
links to in its own language and its category.

Low in the house on purpose: it imports Django and Wagtail only, so the caches,
navigation, search, e-mail updates and the sections all use these without
importing one another.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page


def twins(page, inclusive=False):
    """The page's translations in the other languages (live or not, aliases
    included), and with ``inclusive`` the page itself: the one lookup behind
    invalidation, CDN purges, the language switcher and mirrored view
    restrictions."""
    pages = Page.objects.filter(translation_key=page.translation_key)
    return pages if inclusive else pages.exclude(pk=page.pk)


def page_date(page):
    """The page's own date (BasePage.listing_date) as an aware datetime, or None:
    what search entries are dated by and news dated ahead is announced on."""
    value = page.listing_date() if hasattr(page, "listing_date") else None
    if value and not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(12), tzinfo=timezone.get_current_timezone())
    return value or None


def in_language(linked, locale_id, pages=None):
    """The linked pages (``linked``: pages in any language, such as the English
    parks an event's links name, since links are synchronised between languages)
    in the language ``locale_id``, from ``pages`` (live pages unless given).
    Callers add the public rule (pages.visibility.public) where visitors see them."""
    pages = Page.objects.live() if pages is None else pages
    return pages.filter(locale_id=locale_id, translation_key__in=[page.translation_key for page in linked])


def category_path(path):
    """The tree path of a page's category (the listing page it lives under, its
    parent) from the page's own ``path``: matched against a listing's categories
    without a query."""
    return path[: -Page.steplen]
