"""Laws and regulations carry their legal status: number and symbol, issuing
body, date issued, date in force, status, and what replaced or amended them.

- Nothing is typed twice: the issuing body is the publisher (translated like
  any text) and the date issued the publication date; the number, the date in
  force, the status and the link are synchronised between the languages
  (PublicationPage.override_translatable_fields).
- The link is stored one way, on the older document (``replaced_by``: "replaced
  or amended by", its status says which). The other way ("replaces", "amends")
  is computed from it, so the two always agree. Being synchronised, the link
  may name the other language's page: it is always shown as the page in the
  reader's language, and only if the public may see it (pages.lookups.in_language,
  pages.visibility.public).
- A document no longer in force (replaced or expired) says so at the top of its
  page; a replaced one links to what replaced it and, when that was replaced in
  turn, to the document in force now.

The page, the publications dataset and the API read the status from here.
"""

import json

from django.utils.translation import gettext as _
from django.utils.translation import override
from rest_framework.fields import Field

from pages.lookups import in_language
from pages.visibility import public

# The admin's "Legal status" panel shows only while the type is "Law or
# regulation" (Wagtail's own w-rules controller; without JavaScript it stays).
LAWS_ONLY = {
    "data-controller": "w-rules",
    "data-action": "change@document->w-rules#resolve",
    "data-w-rules-target": "show",
    "data-w-rules": json.dumps({"publication_type": ["law"]}),
}
MAX_CHAIN = 10  # documents followed from one to what replaced it, and so on


def successors(page):
    """The documents that replaced or amended ``page``, then what replaced or
    amended those, in turn (at most MAX_CHAIN, stopping before a circle)."""
    seen, found = {page.translation_key}, []
    current = page
    while current.replaced_by_id and len(found) < MAX_CHAIN:
        current = current.replaced_by
        if current is None or current.translation_key in seen:
            break
        seen.add(current.translation_key)
        found.append(current)
    return found


def problems(page):
    """What is wrong with a law's legal status, as {field: message}, in the
    editor's language."""
    replaced, amended = page.LegalStatus.REPLACED, page.LegalStatus.AMENDED
    target = page.replaced_by if page.replaced_by_id else None
    if target is None:
        if page.legal_status == replaced:
            return {"replaced_by": _("A replaced document needs the document that replaces it: choose it here.")}
        return {}
    if target.translation_key == page.translation_key:
        return {"replaced_by": _("A document cannot replace or amend itself. Choose another law or regulation.")}
    if not target.is_law:
        return {"replaced_by": _("“%(title)s” is not a law or regulation. Choose one.") % {"title": target.title}}
    if page.translation_key in {later.translation_key for later in successors(target)}:
        return {
            "replaced_by": _(
                "“%(title)s” is itself replaced or amended by this document, directly or in turn: "
                "two documents cannot replace each other."
            )
            % {"title": target.title}
        }
    if page.legal_status not in (replaced, amended):
        return {
            "legal_status": _(
                "A document replaced or amended by another has the status “Replaced” or “Amended”. "
                "Choose one, or clear “Replaced or amended by”."
            )
        }
    return {}


def _shown(pages, locale_id, model):
    """``pages`` (any language) as their public twins in ``locale_id``, by translation key."""
    if not pages:
        return {}
    twins = in_language(pages, locale_id, public(model.objects.live())).only(
        "title", "url_path", "translation_key", "document_number", "date_in_force", "locale_id"
    )
    return {twin.translation_key: twin for twin in twins}


def _older(page):
    """The public documents in the page's language that this one replaces or amends."""
    model, status = type(page), page.LegalStatus
    return (
        public(model.objects.live())
        .filter(
            locale_id=page.locale_id,
            replaced_by__translation_key=page.translation_key,
            legal_status__in=[status.REPLACED, status.AMENDED],
        )
        .order_by("-publication_date", "-pk")
        .only("title", "url_path", "translation_key", "document_number", "legal_status", "locale_id")
    )


def _entry(page, full_url=None):
    entry = {"title": page.title, "number": page.document_number, "url": page.url}
    if full_url is not None:
        entry = {"id": page.pk, "title": page.title, "html_url": full_url(page)}
    return entry


def links(page, full_url=None):
    """The law's links in its own language: ``replaced_by`` or ``amended_by``
    (one document or None), ``in_force`` (the document in force now, when
    ``page`` was replaced and its replacement replaced in turn), ``replaces``
    and ``amends`` (lists). Entries are {"title", "number", "url"}, or with
    ``full_url(page)`` {"id", "title", "html_url"}."""
    status = page.LegalStatus
    chain = successors(page) if page.legal_status in (status.REPLACED, status.AMENDED) else []
    current = None  # the end of a chain of replacements, when it is in force
    if page.legal_status == status.REPLACED and len(chain) > 1:
        end = next((later for later in chain if later.legal_status != status.REPLACED), chain[-1])
        if end is not chain[0] and end.legal_status in (status.IN_FORCE, status.AMENDED):
            current = end
    shown = _shown([p for p in (chain[:1] + [current]) if p is not None], page.locale_id, type(page))
    first = shown.get(chain[0].translation_key) if chain else None
    older = list(_older(page))
    return {
        "replaced_by": _entry(first, full_url) if first and page.legal_status == status.REPLACED else None,
        "amended_by": _entry(first, full_url) if first and page.legal_status == status.AMENDED else None,
        "in_force": _entry(shown[current.translation_key], full_url)
        if current and current.translation_key in shown
        else None,
        "replaces": [_entry(p, full_url) for p in older if p.legal_status == status.REPLACED],
        "amends": [_entry(p, full_url) for p in older if p.legal_status == status.AMENDED],
    }


def status_of(page):
    """What a law's page shows of its status (kept with the page's fragments)."""
    status = page.LegalStatus
    return {
        "code": page.legal_status,
        "label": page.get_legal_status_display() if page.legal_status else "",
        "no_longer_in_force": page.legal_status in (status.REPLACED, status.EXPIRED),
        **links(page),
    }


def api_value(page, request=None):
    """The API's ``legal_status`` of a page: None unless it is a law; the
    status's label and the links in the page's own language."""
    if not page.is_law:
        return None
    with override(page.locale.language_code):
        label = page.get_legal_status_display() if page.legal_status else ""
    return {
        "document_number": page.document_number,
        "issuing_body": page.publisher,
        "date_issued": page.publication_date.isoformat(),
        "date_in_force": page.date_in_force.isoformat() if page.date_in_force else None,
        "status_code": page.legal_status,
        "status": label,
        **links(page, lambda linked: linked.get_full_url(request)),
    }


class LegalStatusField(Field):
    """The API's ``legal_status`` (pages.opendata.api): ``api_value`` of the page.
    Asked for in a listing (``?fields=legal_status``), each law costs a few
    queries, as its page does; a listing has at most 50 items."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, page):
        return api_value(page, self.context.get("request"))
