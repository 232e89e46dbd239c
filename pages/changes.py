"""When a page last changed for its readers, and the corrections it carries.

"Last updated" is the last real change of what a page says: a re-save, a
republish with nothing new, or a translation sync that publishes the same
words again does not move it; an edit does (adding a correction is an edit).
The publish pipeline's ``changes`` step (pages.publishing) digests what the
page publishes, as Wagtail stores it in a revision, without its bookkeeping
(``BOOKKEEPING``), and moves ``ContentChange.changed_at`` to the publication's
time only when that digest differs from the last one.

A page with no row yet (published before this was recorded, or an alias never
republished since) is last updated when it was last published; at its next
publish the step compares with its previous published revision, so a first
no-op publish does not move the date either.

``last_updated`` (one page) and ``with_last_updated`` (a queryset, one query
for all: the sitemap, the API) are the one rule every surface reads: the
page's "Last updated", the sitemap's ``lastmod``, JSON-LD ``dateModified``,
the API's ``meta.last_updated`` and the news feeds' Atom ``updated``.
"""

import hashlib
import json
from decimal import Decimal, InvalidOperation

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry

from pages.models.changes import ContentChange, Correction
from pages.origin import in_own_words
from pages.visibility import public

# What changes when nothing the page says does: Wagtail's publishing and
# editing state, the tree (moving a page is not an edit of it), identity
# (wagtail-localize's translation key and locale, the alias link, which goes
# when an alias becomes a translation), the address and the menu flag
# (navigation, not content) and the schedule. A translation sync that changes
# no word republishes a translated page with a new revision and new times
# (latest_revision, live_revision, latest_revision_created_at,
# last_published_at), and nothing else: measured in tests/test_last_updated.py.
BOOKKEEPING = frozenset(
    {
        # identity and the tree
        "pk", "id", "content_type", "translation_key", "locale", "alias_of",
        "path", "depth", "numchild", "url_path", "slug",
        # publishing, scheduling and editing state
        "live", "has_unpublished_changes", "first_published_at", "last_published_at",
        "latest_revision", "latest_revision_created_at", "live_revision", "draft_title",
        "go_live_at", "expire_at", "expired", "locked", "locked_at", "locked_by", "owner",
        # where it is listed, not what it says
        "show_in_menus",
    }
)  # fmt: skip
# An inline row's own id, its link to the page and its translation
# bookkeeping; its order and values are content.
ROW_BOOKKEEPING = frozenset({"pk", "id", "translation_key", "locale"})
# Editors' comments in the admin are not shown to readers.
NOT_CONTENT = frozenset({"wagtail_admin_comments", "comments"})


def _decimals(model):
    return {field.name for field in model._meta.concrete_fields if isinstance(field, models.DecimalField)}


def _number(value):
    """A decimal as one string whatever its trailing zeros: a value typed as
    16.0544 is stored as 16.05440, and is the same number."""
    try:
        return format(Decimal(value).normalize(), "f")
    except (InvalidOperation, TypeError, ValueError):
        return value


def _row(row, skipped, decimals):
    return {key: _number(value) if key in decimals else value for key, value in row.items() if key not in skipped}


def _without_bookkeeping(content, model):
    parent_links = {
        field.name for field in model._meta.concrete_fields if getattr(field.remote_field, "parent_link", False)
    }
    kept = _row(content, BOOKKEEPING | NOT_CONTENT | parent_links, _decimals(model))
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        if isinstance(kept.get(name), list):
            skipped = ROW_BOOKKEEPING | {relation.field.name}
            decimals = _decimals(relation.related_model)
            kept[name] = [_row(row, skipped, decimals) for row in kept[name]]
    return kept


def content_of(page):
    """What ``page`` (a specific page) says, as its revision stores it, without bookkeeping."""
    stored = json.loads(json.dumps(page.serializable_data(), cls=DjangoJSONEncoder))
    return _without_bookkeeping(stored, type(page))


def digest(content):
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, cls=DjangoJSONEncoder)
    return hashlib.sha256(text.encode()).hexdigest()


def previous_publication(page):
    """(content as its revision stored it, when) of the page's publication
    before this one, from Wagtail's log, or None. This publication's own entry is
    written after the pipeline runs or at ``last_published_at`` at the
    earliest, so it is never the one found."""
    if page.last_published_at is None:
        return None
    entry = (
        PageLogEntry.objects.filter(
            page_id=page.pk, action="wagtail.publish", revision__isnull=False, timestamp__lt=page.last_published_at
        )
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    if entry is None:
        return None
    return entry.revision.content, entry.timestamp


def record(page):
    """The publish pipeline's ``changes`` step: the page's content digest, and
    its time moved to this publication's when the digest changed."""
    page = page.specific
    current = digest(content_of(page))
    now = page.last_published_at or timezone.now()
    row = ContentChange.objects.filter(page_id=page.pk).first()
    if row is not None:
        if row.digest != current:
            ContentChange.objects.filter(page_id=page.pk).update(digest=current, changed_at=now)
        return
    previous = previous_publication(page)
    unchanged = previous is not None and digest(_without_bookkeeping(previous[0], type(page))) == current
    changed_at = previous[1] if unchanged else now
    try:
        with transaction.atomic():
            ContentChange.objects.create(page_id=page.pk, digest=current, changed_at=changed_at)
    except IntegrityError:  # the same page published twice at once: the other one wrote it
        pass


def with_last_updated(queryset, prefix=""):
    """``queryset`` with ``last_updated_at`` on each page (``prefix`` for
    another model's page, e.g. "page__"): its last content change, or its last
    publication while none is recorded; for an alias never published itself
    (it shows its source's words), its source's."""
    return queryset.annotate(
        last_updated_at=Coalesce(
            F(f"{prefix}content_change__changed_at"),
            F(f"{prefix}last_published_at"),
            F(f"{prefix}alias_of__content_change__changed_at"),
            F(f"{prefix}alias_of__last_published_at"),
        )
    )


def last_updated(page):
    """The page's last real content change (an aware datetime), or None for a
    page never published."""
    if getattr(page, "last_updated_at", None) is not None:  # annotated by with_last_updated
        return page.last_updated_at
    if page.pk is None:
        return None
    found = with_last_updated(Page.objects.filter(pk=page.pk)).values_list("last_updated_at", flat=True).first()
    return found or page.last_published_at


# --- Corrections -----------------------------------------------------------------


def corrections_of(page):
    """The page's corrections, newest first, as {"date", "text", "key"}: for
    the page itself (a preview's come from the draft)."""
    rows = sorted(page.corrections.all(), key=lambda row: row.sort_order or 0)
    rows = sorted(rows, key=lambda row: row.date, reverse=True)
    return [{"date": row.date, "text": row.text, "key": str(row.translation_key)} for row in rows]


def corrections_by_page(pages):
    """{page id: its corrections, newest first} for ``pages``, in one query."""
    found = {}
    rows = Correction.objects.filter(page_id__in=[page.pk for page in pages]).order_by("-date", "sort_order", "pk")
    for row in rows:
        found.setdefault(row.page_id, []).append(row)
    return found


def new_corrections(page):
    """The corrections ``page`` publishes now that its previous publication did
    not have (told apart by translation key, which a correction keeps through
    edits and translation); none on a first publication, which is news itself."""
    current = list(page.specific.corrections.all())
    previous = previous_publication(page) if current else None
    if previous is None:
        return []
    before = {str(row.get("translation_key")) for row in previous[0].get("corrections", [])}
    return [row for row in current if str(row.translation_key) not in before]


def public_corrections(models, locale_id, limit=10, pages=None):
    """The newest corrections on the pages of ``models`` (model classes) the
    public sees in their own words in a language, each with its ``page``
    (specific, with ``last_updated_at``): the news feed and the Data page.
    ``pages`` (a Page queryset) narrows them further."""
    if not models:
        return []
    shown = in_own_words(public(Page.objects.filter(locale_id=locale_id).type(*models)))
    if pages is not None:
        shown = shown.filter(pk__in=pages.values("pk"))
    rows = list(
        Correction.objects.filter(page__in=shown.values("pk"))
        .order_by("-date", "-pk")
        .only("page_id", "date", "text", "translation_key")[:limit]
    )
    found = with_last_updated(Page.objects.filter(pk__in={row.page_id for row in rows})).specific()
    by_pk = {page.pk: page for page in found}
    for row in rows:
        row.shown_page = by_pk.get(row.page_id)
    return [row for row in rows if row.shown_page is not None]
