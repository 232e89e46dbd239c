"""What the public may see now: one rule, asked by every public surface.

A page is public when it is live, no view restriction (login, password or
groups) is on it or above, its expiry date (Wagtail's "Expiry date", until
``publish_scheduled`` unpublishes it) has not passed, and, for a type listed
only from its date (``BasePage.listed_from_its_date``: news dated ahead), that
date has come. A document or image is public when no view restriction is on
its collection or above.

Listings, filters and their choices, feeds, search and its promotions,
datasets, the API, the sitemap, park lists, menus and e-mail announcements
filter with ``public``; a page's own address answers 404 until it is
``current`` (BasePage.route), as a page scheduled to go live does.
"""

import datetime
import functools

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, get_page_models

from pages.cache import fragments


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (from the shell's cache)."""
    return fragments.cached(
        "restricted-paths", 0, lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
    )


@functools.cache
def dated_types():
    """(page model, date field) for each type shown only from its date on."""
    return [
        (model, model.listed_from_its_date)
        for model in get_page_models()
        if isinstance(getattr(model, "listed_from_its_date", None), str)
    ]


def _not_yet_or_no_longer(page_model, at, prefix):
    """A filter (on ``prefix``) matching the pages of ``page_model`` not shown at
    ``at`` although live: past their expiry date, or of a type shown from its
    date and dated after it.

    A queryset of Wagtail's own ``Page`` (the API's, which ``?search=`` filters)
    gets a subquery on ids, a filter Wagtail's search accepts. Anything else is
    filtered on its pages' own columns: the same rule, without building a
    subquery for every listing's query (most of the rule's cost was the ORM
    building SQL)."""
    if page_model is Page and not prefix:
        hidden = Q(expire_at__lte=at)
        for model, field in dated_types():
            hidden |= Q(pk__in=model.objects.filter(**{f"{field}__gt": at}).values("pk"))
        return Q(**{f"{prefix}pk__in": Page.objects.filter(hidden).values("pk")})
    hidden = Q(**{f"{prefix}expire_at__lte": at})
    for model, field in dated_types():
        if issubclass(page_model, model):  # the type itself, or one of its kind: its own column
            hidden |= Q(**{f"{prefix}{field}__gt": at})
        elif issubclass(model, page_model):  # a listing of a parent type (BasePage…) holds some
            hidden |= Q(**{f"{prefix}pk__in": model.objects.filter(**{f"{field}__gt": at}).values("pk")})
    return hidden


def _page_model(model, prefix):
    """The page model ``prefix`` (``""``, ``"page__"``…) leads to from ``model``."""
    for name in filter(None, prefix.split("__")):
        model = model._meta.get_field(name).related_model
    return model


def public(queryset, path_field="path", at=None, restricted=None):
    """The pages of ``queryset`` the public may see at ``at`` (now by default).

    ``path_field`` lets other models filter by their page (``page__path``).
    The restricted paths come from the shell's cache (dropped when a
    restriction changes), so the rule costs no query of its own; a query
    prepared once (pages.prepared) passes the ``restricted`` paths it is kept
    under, and a ``Slot`` for ``at``.
    """
    prefix = path_field.removesuffix("path")
    queryset = queryset.filter(**{f"{prefix}live": True})
    for path in restricted_paths() if restricted is None else restricted:
        queryset = queryset.exclude(**{f"{path_field}__startswith": path})
    return queryset.exclude(_not_yet_or_no_longer(_page_model(queryset.model, prefix), at or timezone.now(), prefix))


def is_public(page, at=None):
    """``public`` for one page (one query)."""
    return public(Page.objects.filter(pk=page.pk), at=at).exists()


def current(page, at=None):
    """The clock's part of the rule for a page already loaded, without a query:
    not past its expiry date and, for a type shown from its date, dated by ``at``."""
    at = at or timezone.now()
    if page.expire_at is not None and page.expire_at <= at:
        return False
    field = getattr(page, "listed_from_its_date", False)
    value = getattr(page, field, None) if isinstance(field, str) else None
    if isinstance(value, datetime.datetime):
        return value <= at
    if isinstance(value, datetime.date):
        return value <= timezone.localdate(at)
    return True


def private_collections():
    """Ids of the collections under a view restriction, themselves or above
    (from the shell's cache, dropped when a restriction or a collection changes)."""

    def build():
        paths = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        under = Q()
        for path in paths:
            under |= Q(path__startswith=path)
        return set(Collection.objects.filter(under).values_list("pk", flat=True)) if under else set()

    # A short life as well: Wagtail moves a collection after saving it.
    return fragments.cached("private-collections", 0, build, timeout=300)


def in_public_collections(queryset):
    """Documents or images not in a private collection."""
    private = private_collections()
    return queryset.exclude(collection_id__in=private) if private else queryset


def in_public_collection(item):
    """A document or image the public may see (None is not one)."""
    return item is not None and item.collection_id not in private_collections()
