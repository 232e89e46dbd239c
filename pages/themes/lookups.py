"""Themes in a language, the themed page types, and what is public on a theme.

Pages point at the source language's theme rows (a synchronised field), so
every match is by the theme's translation key; names and slugs are the
reader's language's, or the source's where a theme is not translated yet.
"""

import datetime
import functools

from django.utils import timezone
from wagtail.models import get_page_models

from pages.cache import fragments
from pages.listing import public
from pages.navigation.localized import in_locale_with_fallback

from .models import Theme, ThemedPage, ThemesPage


@functools.cache
def themed_models():
    """The page types that have themes, found by their mixin (no section named)."""
    return [model for model in get_page_models() if issubclass(model, ThemedPage)]


def themes_in(locale):
    """Every theme in ``locale``'s words (the source's where not translated), by name."""
    return sorted(in_locale_with_fallback(Theme.objects.all(), locale), key=lambda theme: theme.name.casefold())


def theme_rows(locale):
    """Every theme as a dict (slug, title, translation_key, text_language), kept with the fragments."""

    def build():
        return [
            {
                "slug": theme.slug,
                "title": theme.name,
                "description": theme.description,
                "translation_key": theme.translation_key,
                "text_language": theme.text_language,
            }
            for theme in themes_in(locale)
        ]

    return fragments.cached(f"themes:{locale.pk}", 0, build)


def keys_on(pages):
    """Translation keys of the themes the pages of ``pages`` have (one query)."""
    keys = pages.filter(themes__isnull=False).values_list("themes__translation_key", flat=True).distinct()
    return {str(key) for key in keys}


def options(locale, keys):
    """The filter's choices: the themes among ``keys`` (those with public items), in the reader's words."""
    return [row for row in theme_rows(locale) if str(row["translation_key"]) in keys]


def themes_page(locale_id):
    """The language's public themes page as {"url": …}, or None (kept with the fragments)."""

    def build():
        page = public(ThemesPage.objects.filter(locale_id=locale_id)).order_by("path").first()
        return {"url": page.url} if page is not None else None

    return fragments.cached(f"themes-page:{locale_id}", 0, build)


def subscribe_url(locale_id):
    """The language's public e-mail updates page (the shell page of role "subscribe"), or ""."""

    def build():
        from pages import sections

        model = sections.merged("shell_pages").get("subscribe")
        page = public(model.objects.filter(locale_id=locale_id)).first() if model else None
        return page.url if page is not None else ""

    return fragments.cached(f"subscribe-url:{locale_id}", 0, build)


def theme_url(locale_id, slug):
    page = themes_page(locale_id)
    return f"{page['url']}{slug}/" if page else None


def page_themes(page):
    """The page's themes in its language with the address of each theme's page
    (None when the language has no public themes page)."""
    keys = [theme.translation_key for theme in page.themes.all()]
    if not keys:
        return []
    found = in_locale_with_fallback(Theme.objects.filter(translation_key__in=keys), page.locale)
    return [
        {"name": t.name, "slug": t.slug, "text_language": t.text_language, "url": theme_url(page.locale_id, t.slug)}
        for t in sorted(found, key=lambda theme: theme.name.casefold())
    ]


def _moment(value):
    """A date or date and time, as an aware moment for ordering and years."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value)
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time()))


def public_items(locale_id, theme_key):
    """(moment, page id, section key) of every public page on the theme in the
    language, newest first: one light query per themed page type, whatever
    their number of pages."""
    rows = []
    for model in themed_models():
        pages = public(model.objects.filter(locale_id=locale_id, themes__translation_key=theme_key))
        for pk, value in pages.values_list("pk", model.theme_date_field).distinct():
            rows.append((_moment(value), pk, model.theme_section[0]))
    far_past = timezone.make_aware(datetime.datetime(1900, 1, 1))
    return sorted(rows, key=lambda row: (row[0] or far_past, row[1]), reverse=True)


def counts(locale_id):
    """{theme translation key: number of public pages on it} in the language (a query per themed type)."""
    found = {}
    for model in themed_models():
        pages = public(model.objects.filter(locale_id=locale_id, themes__isnull=False))
        for key, _pk in pages.values_list("themes__translation_key", "pk").distinct():
            found[str(key)] = found.get(str(key), 0) + 1
    return found


def row_summaries(locale_id, theme_key):
    """What themed rows that are not pages (company results) have on the theme:
    each model's ``theme_summary`` (title, url, count), found by that method."""
    from django.apps import apps

    found = []
    for model in apps.get_models():
        if callable(getattr(model, "theme_summary", None)):
            summary = model.theme_summary(locale_id, theme_key)
            if summary:
                found.append(summary)
    return found


def sections():
    """(key, label) of the themed sections, in the order their types are found, once each."""
    return list(dict.fromkeys(model.theme_section for model in themed_models()))


def names_by_item(model, pks, locale):
    """{item id: [its themes' names in ``locale``]} for rows of a themed model
    (pages, or company results), in two queries whatever their number."""
    field = model._meta.get_field("themes")
    through = field.remote_field.through
    own = field.m2m_field_name()
    links = list(
        through.objects.filter(**{f"{own}_id__in": list(pks)}).values_list(f"{own}_id", "theme__translation_key")
    )
    keys = {key for _item, key in links}
    names = {theme.translation_key: theme.name for theme in in_locale_with_fallback(
        Theme.objects.filter(translation_key__in=keys), locale)}  # fmt: skip
    found = {}
    for item, key in links:
        if key in names:
            found.setdefault(item, []).append(names[key])
    return {item: sorted(set(values), key=str.casefold) for item, values in found.items()}


def keys_of_pages(page_ids):
    """{page id: {its themes' translation keys as strings}} for any pages (a
    query per themed page type, whatever their number): what e-mail updates
    match theme subscriptions against."""
    found = {}
    page_ids = list(page_ids)
    for model in themed_models():
        field = model._meta.get_field("themes")
        own = field.m2m_field_name()
        links = field.remote_field.through.objects.filter(**{f"{own}_id__in": page_ids})
        for page_id, key in links.values_list(f"{own}_id", "theme__translation_key"):
            found.setdefault(page_id, set()).add(str(key))
    return found
