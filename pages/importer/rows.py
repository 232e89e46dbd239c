"""One row checked: a ``Plan`` of what to make or change, or the reasons it is
refused, each in the active language (the editor's in the admin).

Every reason names its column, so an editor finds it in the spreadsheet:
``start: "31/02/2024" is not a date (use YYYY-MM-DD).``

A row's identity is its first old address, or else its kind, the slug of its
title in its source language and its date; the item it made keeps a digest of
the row, so the same row again is "unchanged" and a changed one an "update".
"""

import datetime
import hashlib
import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from pages.importer import files
from pages.importer.models import ImportedItem
from pages.search.folding import transliterate_slug

CREATE, UPDATE, UNCHANGED, REFUSED = "create", "update", "unchanged", "refused"
LANGUAGES = ("en", "vi")
OTHER = {"en": "vi", "vi": "en"}
TITLE_MAX, SUMMARY_MAX, TEXT_MAX, SLUG_MAX = 255, 600, 255, 80
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def normalised(value):
    """A cell as text: XLSX dates and numbers as a CSV would hold them."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time.min and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


class Cells:
    """A row's cells by column name, read into values; what is wrong is noted
    in ``reasons`` (the row is refused if any)."""

    def __init__(self, values):
        self.values = values
        self.reasons = []

    def refuse(self, column, message):
        self.reasons.append(f"{column}: {message}")

    def raw(self, name):
        return self.values.get(name)

    def text(self, name, max_length=TEXT_MAX, required=False):
        """One line of text: inner line breaks and runs of spaces become one space."""
        value = " ".join(normalised(self.values.get(name)).split())
        if required and not value:
            self.refuse(name, _("this column must not be empty."))
        if max_length and len(value) > max_length:
            self.refuse(
                name,
                _("%(count)s characters, more than the %(limit)s allowed.")
                % {"count": len(value), "limit": max_length},
            )
        return value

    def paragraphs(self, name):
        """Plain text in paragraphs (an empty line between them)."""
        text = normalised(self.values.get(name))
        return [" ".join(part.split()) for part in PARAGRAPH_BREAK.split(text) if part.strip()]

    def date(self, name, required=False):
        value = self.values.get(name)
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = normalised(value)
        if not text:
            if required:
                self.refuse(name, _("this column must not be empty."))
            return None
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                raise ValueError
            return datetime.date.fromisoformat(text)
        except ValueError:
            self.refuse(name, _('"%(value)s" is not a date (use YYYY-MM-DD).') % {"value": text})
            return None

    def moment(self, name, required=False):
        """(an aware date and time in Viet Nam's time, whether only a date was given)."""
        value = self.values.get(name)
        if isinstance(value, datetime.datetime):
            parsed = value
        elif isinstance(value, datetime.date):
            parsed = datetime.datetime.combine(value, datetime.time.min)
        else:
            text = normalised(value)
            if not text:
                if required:
                    self.refuse(name, _("this column must not be empty."))
                return None, False
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?", text):
                    raise ValueError
                parsed = datetime.datetime.fromisoformat(text)
            except ValueError:
                self.refuse(
                    name,
                    _('"%(value)s" is not a date or a date and time (use YYYY-MM-DD or YYYY-MM-DD HH:MM).')
                    % {"value": text},
                )
                return None, False
            if len(text) == 10:
                return timezone.make_aware(parsed), True
        if timezone.is_naive(parsed):
            parsed = timezone.make_aware(parsed)
        return parsed, False

    def choice(self, name, choices, required=False):
        """One of ``choices`` ({value: label}), given by its value or its label
        in either language (case and accents as typed are forgiven)."""
        text = self.text(name, max_length=None)
        if not text:
            if required:
                self.refuse(name, _("this column must not be empty."))
            return ""
        wanted = transliterate_slug(text)
        for value, label in choices.items():
            names = {transliterate_slug(value)}
            for language in LANGUAGES:
                with translation.override(language):
                    names.add(transliterate_slug(str(label)))
            if wanted in names:
                return value
        self.refuse(
            name,
            _('"%(value)s" is not one of: %(choices)s.') % {"value": text, "choices": ", ".join(choices)},
        )
        return ""

    def slugs(self, name):
        return [slug.strip().lower() for slug in normalised(self.values.get(name)).split(";") if slug.strip()]


@dataclass
class Plan:
    """What a row makes or changes."""

    number: int
    kind: object
    action: str
    key: str
    identity: str
    digest: str
    source: str
    category: Page
    title: str
    item: ImportedItem = None
    texts: dict = field(default_factory=dict)  # {page field: {language: text}}
    body: dict = field(default_factory=dict)  # {language: [paragraph, …]}
    translated: bool = False  # the other language's texts are given
    values: dict = field(default_factory=dict)
    parks: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    files: dict = field(default_factory=dict)  # {page field: files.Ref}
    old_paths: list = field(default_factory=list)  # [(path, language)]

    @property
    def target(self):
        return OTHER[self.source]


@dataclass
class Outcome:
    """A row's result for the report: what happened, or why not."""

    number: int
    action: str
    title: str = ""
    reasons: list = field(default_factory=list)
    key: str = ""


class Lookups:
    """The site's categories, parks and themes by slug, read once per run
    (their number is the site's, not the file's)."""

    def __init__(self):
        self._by_model = {}

    def _pages(self, model):
        """({slug: translation key}, {(translation key, language): page})."""
        if model not in self._by_model:
            slugs, pages = {}, {}
            rows = model.objects.filter(alias_of__isnull=True).select_related("locale").order_by("path")
            for page in rows:
                slugs.setdefault(page.slug, page.translation_key)
                pages[(page.translation_key, page.locale.language_code)] = page
            for page in model.objects.filter(alias_of__isnull=False).select_related("locale"):
                pages.setdefault((page.translation_key, page.locale.language_code), page)
            self._by_model[model] = (slugs, pages)
        return self._by_model[model]

    def page(self, model, slug, language):
        slugs, pages = self._pages(model)
        key = slugs.get(slug)
        return None if key is None else pages.get((key, language))

    def slugs(self, model, language="en"):
        slugs, pages = self._pages(model)
        return sorted(
            slug for slug, key in slugs.items() if (key, language) in pages and pages[(key, language)].slug == slug
        )

    def snippets(self, model):
        if model not in self._by_model:
            by_slug = {}
            rows = list(model.objects.select_related("locale"))
            keys = {(row.translation_key, row.locale.language_code): row for row in rows}
            for row in rows:
                by_slug.setdefault(row.slug, row.translation_key)
            self._by_model[model] = (by_slug, keys)
        return self._by_model[model]

    def snippet(self, model, slug, language):
        by_slug, keys = self.snippets(model)
        key = by_slug.get(slug)
        return None if key is None else keys.get((key, language)) or keys.get((key, "en"))


def digest_of(kind, values):
    cells = {name: normalised(value) for name, value in values.items() if normalised(value)}
    cells.pop("kind", None)
    data = json.dumps({"kind": kind.name, "cells": cells}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def key_of(identity):
    return hashlib.sha256(identity.encode()).hexdigest()


def old_paths(cells):
    """[(path, language)] of the row's old addresses: a /vi/… one leads to the
    Vietnamese page, any other to the English one."""
    found = []
    for text in normalised(cells.raw("old_url")).split(";"):
        text = text.strip()
        if not text:
            continue
        parts = urlsplit(text)
        if parts.scheme and parts.scheme not in ("http", "https"):
            cells.refuse("old_url", _('"%(value)s" is not an address of the old website.') % {"value": text})
            continue
        path = Redirect.normalise_path(text)
        if not path.startswith("/") or path == "/" or len(path) > 255:
            cells.refuse("old_url", _('"%(value)s" is not an address of the old website.') % {"value": text})
            continue
        language = "vi" if path == "/vi" or path.startswith("/vi/") else "en"
        found.append((path, language))
    return found


def check(number, values, kind, lookups, root=None):
    """The row ``values`` ({column: cell}) of ``kind``, checked: a Plan, or an
    Outcome with the reasons it is refused."""
    cells = Cells(values)
    source = (normalised(values.get("source_language")) or "en").lower()
    if source not in LANGUAGES:
        cells.refuse("source_language", _('"%(value)s" is not "en" or "vi".') % {"value": source})
        source = "en"
    target = OTHER[source]
    titles = {language: cells.text(f"title_{language}", TITLE_MAX) for language in LANGUAGES}
    title = titles[source] or titles[target]
    if not titles[source]:
        cells.refuse(f"title_{source}", _("the title in the item's source language is missing."))

    category = None
    slug = normalised(values.get("category")).lower()
    if not slug:
        cells.refuse("category", _("this column must not be empty."))
    else:
        category = lookups.page(kind.category_model, slug, source)
        if category is not None and category.alias_of_id:
            cells.refuse(
                "category",
                _('"%(slug)s" has no page of its own in this language yet: translate the category first.')
                % {"slug": slug},
            )
        elif category is None:
            cells.refuse(
                "category",
                _('there is no %(kind)s category "%(slug)s" (there are: %(slugs)s).')
                % {"kind": kind.name, "slug": slug, "slugs": ", ".join(lookups.slugs(kind.category_model, source))},
            )

    texts = {"title": titles}
    summaries = {language: cells.text(f"summary_{language}", SUMMARY_MAX) for language in LANGUAGES}
    texts["intro"] = summaries
    texts["search_description"] = summaries
    for stem, page_field in kind.texts.items():
        texts[page_field] = {language: cells.text(f"{stem}_{language}") for language in LANGUAGES}
    body = {language: cells.paragraphs(f"body_{language}") for language in LANGUAGES}

    # The other language: every text given in the source language, or none.
    translated = bool(titles[target])
    pairs = {"summary": summaries, "body": body}
    pairs |= {stem: texts[page_field] for stem, page_field in kind.texts.items()}
    for stem, pair in pairs.items():
        if pair[target] and not pair[source]:
            cells.refuse(
                f"{stem}_{target}",
                _("given, but %(column)s (the source language) is empty.") % {"column": f"{stem}_{source}"},
            )
        elif translated and pair[source] and not pair[target]:
            cells.refuse(
                f"{stem}_{target}",
                _("empty, but %(column)s is given: give every text in both languages, or leave %(language)s out.")
                % {"column": f"title_{target}", "language": target},
            )
        elif not translated and pair[target]:
            cells.refuse(
                f"title_{target}",
                _("empty, but %(column)s is given: translate the title too, or leave %(language)s out.")
                % {"column": f"{stem}_{target}", "language": target},
            )
    if translated and body[source] and body[target] and len(body[source]) != len(body[target]):
        cells.refuse(
            f"body_{target}",
            _("%(count)s paragraph(s), but %(column)s has %(source_count)s: give each paragraph in both languages.")
            % {"count": len(body[target]), "column": f"body_{source}", "source_count": len(body[source])},
        )

    page_values = kind.read(cells)
    date = page_values.get(kind.date_field)

    parks = []
    for park_slug in cells.slugs("parks") if kind.parks else ():
        park = lookups.page(kind.parks[2], park_slug, source)
        if park is None:
            cells.refuse(
                "parks",
                _('there is no park "%(slug)s" (there are: %(slugs)s).')
                % {"slug": park_slug, "slugs": ", ".join(lookups.slugs(kind.parks[2], source))},
            )
        else:
            parks.append(park)
    themes = []
    if kind.themes:
        for theme_slug in cells.slugs("themes"):
            theme = lookups.snippet(kind.themes[2], theme_slug, source)
            if theme is None:
                known = ", ".join(sorted(lookups.snippets(kind.themes[2])[0]))
                cells.refuse(
                    "themes",
                    _('there is no theme "%(slug)s" (there are: %(slugs)s).') % {"slug": theme_slug, "slugs": known},
                )
            else:
                themes.append(theme)
    documents = {}
    for column, page_field in kind.files.items():
        text = normalised(values.get(column))
        if text:
            ref, reason = files.parse(text, root)
            if reason:
                cells.refuse(column, reason)
            else:
                documents[page_field] = ref

    paths = old_paths(cells)
    if paths:
        identity = f"old:{paths[0][0]}"
    else:
        stamp = date.date() if isinstance(date, datetime.datetime) else date
        identity = f"{kind.name}:{transliterate_slug(title)[:SLUG_MAX]}:{stamp.isoformat() if stamp else ''}"
    key = key_of(identity)
    if cells.reasons:
        return Outcome(number, REFUSED, title, cells.reasons)

    item = ImportedItem.objects.filter(key=key).select_related("page").first()
    digest = digest_of(kind, values)
    if item is not None and item.kind != kind.name:
        cells.refuse("kind", _("the old address was imported before as %(kind)s.") % {"kind": item.kind})
    if item is not None and category is not None:
        current = item.page.get_parent()
        if current.translation_key != category.translation_key:
            cells.refuse(
                "category",
                _('the item is already in "%(title)s": move it in the admin, or give that category.')
                % {"title": current.title},
            )
    mine = item.page.translation_key if item is not None else None
    for path, _language in paths:
        redirect = Redirect.objects.filter(old_path=path, site__isnull=True).select_related("redirect_page").first()
        if redirect is not None and (redirect.redirect_page is None or redirect.redirect_page.translation_key != mine):
            cells.refuse(
                "old_url",
                _("%(path)s already leads elsewhere (%(target)s): remove that redirect first.")
                % {"path": path, "target": redirect.redirect_page.title if redirect.redirect_page else redirect.link},
            )
    if cells.reasons:
        return Outcome(number, REFUSED, title, cells.reasons)
    if item is not None and item.digest == digest:
        action = UNCHANGED
    else:
        action = UPDATE if item is not None else CREATE
    return Plan(
        number=number,
        kind=kind,
        action=action,
        key=key,
        identity=identity,
        digest=digest,
        source=source,
        category=category,
        title=title,
        item=item,
        texts=texts,
        body=body,
        translated=translated,
        values=page_values,
        parks=parks,
        themes=themes,
        files=documents,
        old_paths=paths,
    )
