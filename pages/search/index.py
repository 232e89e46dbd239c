"""Keep SearchEntry in step with what is published."""

import re
from html import unescape

from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from pages.lookups import page_date
from pages.models import SearchEntry
from pages.origin import awaiting_translation, in_own_words
from pages.search.folding import prepare, search_form

SKIP_FIELDS = {"slug", "seo_title", "url_path", "draft_title", "path", "translation_key", "latest_revision"}
TAG = re.compile(r"<[^>]+>")


def _texts(value):
    """Every string inside a StreamField's raw data (rich text without tags)."""
    if isinstance(value, str):
        yield unescape(TAG.sub(" ", value))
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in {"type", "id"}:
                yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def page_text(page):
    parts = [page.search_description]
    for field in page._meta.concrete_fields:
        if field.name in SKIP_FIELDS or field.choices or isinstance(field, models.URLField | models.EmailField):
            continue
        value = getattr(page, field.name, None)
        if isinstance(field, StreamField):
            parts.extend(_texts(value.raw_data if value is not None else []))
        elif isinstance(field, RichTextField):
            parts.extend(_texts(value or ""))
        elif isinstance(field, models.CharField | models.TextField) and field.name != "title":
            parts.append(value or "")
    unique = dict.fromkeys(" ".join(part.split()) for part in parts if part and part.strip())
    return prepare(" ".join(unique))


def index_page(page):
    """Add or refresh a page; pages not live, and those in their source's words
    (aliases, translations not started), are left out."""
    page = page.specific
    if not page.live or page.alias_of_id or page.depth <= 1 or awaiting_translation(page):
        SearchEntry.objects.filter(page_id=page.pk).delete()
        return
    title = prepare(page.title)
    text = page_text(page)
    SearchEntry.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "locale_id": page.locale_id,
            "kind": page._meta.label_lower,
            "title": title[:255],
            "title_folded": search_form(title)[:255],
            "text": text,
            "folded": search_form(text),
            "date": page_date(page),
        },
    )


def remove_page(page):
    SearchEntry.objects.filter(page_id=page.pk).delete()


def rebuild():
    SearchEntry.objects.all().delete()
    for page in in_own_words(Page.objects.live().filter(depth__gt=1)).specific().iterator():
        index_page(page)
