"""The main menu, breadcrumbs and the language switcher, built from the page tree."""

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail.models import Locale, Page

from pages.cache import fragments, routing
from pages.lookups import twins
from pages.origin import awaiting_translation, awaiting_translation_q, source_locale_id, source_locale_subquery
from pages.visibility import public


def site_for(request):
    return routing.cached_site(request)


def site_id(site):
    """The scope of what is cached per site: the Wagtail Site's id, 0 for none."""
    return site.pk if site else 0


def home_for(request):
    """The home page in the active language (the site root's translation)."""
    site = site_for(request)
    if site is None:
        return None
    return site.root_page.localized


def _build_menu(request):
    home = home_for(request)
    if home is None:
        return {"home_url": "/", "items": []}
    # Both menu levels in one query, in tree order.
    pages = (
        public(Page.objects.in_menu())
        .filter(path__startswith=home.path, depth__in=(home.depth + 1, home.depth + 2))
        .only("title", "path", "depth", "url_path", "locale_id", "alias_of_id")
        .order_by("path")
    )
    pages = list(pages)
    languages = alias_languages(pages)
    items = []
    by_path = {}
    for page in pages:
        entry = {"title": page.title, "url": page.get_url(request), "children": [], "lang": languages.get(page.pk, "")}
        if page.depth == home.depth + 1:
            items.append(entry)
            by_path[page.path] = entry
        else:
            parent = by_path.get(page.path[: -Page.steplen])
            if parent is not None:
                parent["children"].append(entry)
    return {"home_url": home.get_url(request), "items": items}


def alias_languages(pages):
    """{page id: language code of its source} for the pages among ``pages``
    shown in their source's words (untranslated aliases, translations not
    started: their titles are in their source's language), in two queries."""
    sources = {page.alias_of_id: page.pk for page in pages if page.alias_of_id}
    languages = {}
    if sources:
        rows = Page.objects.filter(pk__in=sources).values_list("pk", "locale__language_code")
        languages = {sources[pk]: code for pk, code in rows}
    others = [page.pk for page in pages if not page.alias_of_id]
    if others:
        awaiting = Page.objects.filter(pk__in=others).filter(awaiting_translation_q())
        source_code = source_locale_subquery(Page, field="locale__language_code")
        languages.update(awaiting.annotate(source_code=source_code).values_list("pk", "source_code"))
    return languages


def main_menu(request):
    site = site_for(request)
    return fragments.cached("menu", site_id(site), lambda: _build_menu(request))


def breadcrumbs(request, page):
    """Ancestors from the home page down to the page's parent, as title and URL."""
    if page is None or page.depth <= 2:
        return []

    def build():
        ancestors = list(
            page.get_ancestors()
            .filter(depth__gte=2)
            .only("title", "url_path", "path", "depth", "locale_id", "alias_of_id")
        )
        languages = alias_languages(ancestors)
        return [
            {"title": ancestor.title, "url": ancestor.get_url(request), "lang": languages.get(ancestor.pk, "")}
            for ancestor in ancestors
        ]

    return fragments.cached(f"breadcrumbs:{page.pk}", site_for(request).pk, build)


def language_links(request, page):
    """For each site language: the page's twin (or that language's home page),
    whether it is a real translation rather than an untranslated alias, and its URL.
    """
    site = site_for(request)
    return fragments.cached(
        f"languages:{page.pk if page else 'none'}", site_id(site), lambda: _language_links(request, page)
    )


def _language_links(request, page):
    by_language = {}
    source = source_locale_id(page) if page is not None else None
    if page is not None:
        # The other languages' twins the public may see (pages.visibility), and the page itself:
        # a private, expired or not-yet-dated twin is not pointed at (no link, no hreflang).
        shown = public(twins(page)).values("pk")
        for twin in (
            twins(page, inclusive=True)
            .filter(Q(pk=page.pk) | Q(pk__in=shown))
            .select_related("locale")
            .only("url_path", "path", "depth", "alias_of_id", "locale__language_code", "translation_key")
        ):
            by_language[twin.locale.language_code] = twin
    links = []
    for code, name in settings.LANGUAGES:
        twin = by_language.get(code)
        if twin is not None:
            url = twin.get_url(request)
            full_url = twin.get_full_url(request)
        else:
            url, full_url = _home_url(request, code)
        links.append(
            {
                "code": code,
                "name": name,
                "label": "VN" if code == "vi" else code.upper(),
                "url": url,
                "full_url": full_url,
                # Shown in its own language: not an alias, and not a translation still all in the source's words.
                "is_translation": twin is not None
                and twin.alias_of_id is None
                and (twin.locale_id == source or not awaiting_translation(twin)),
                # The language the page was written in first (pages.origin): either may be.
                "is_source": twin is not None and twin.locale_id == source,
            }
        )
    return links


def _home_url(request, language_code):
    with translation.override(language_code):
        home = home_for(request)
        if home is None:
            return f"/{language_code}/", f"/{language_code}/"
        locale = Locale.objects.filter(language_code=language_code).first()
        if locale is not None:
            home = home.get_translation_or_none(locale) or home
        return home.get_url(request), home.get_full_url(request)
