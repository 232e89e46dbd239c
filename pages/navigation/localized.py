"""The active language's Locale, and translatable snippets in a language with a
fallback to their source's. (A page's twins: pages.lookups.)"""

from wagtail.models import Locale

from pages.cache import fragments


def _active_locale_row():
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:  # a language the content has no tree for
        locale = Locale.get_default()
    return {"pk": locale.pk, "language_code": locale.language_code}


def active_locale():
    """The Locale of the language being served (the default one where that
    language has none), kept with the fragments: the one lookup of the active
    locale for listings, slots, datasets and the footer. Filter by it
    (``locale=``) or by its ``pk``."""
    row = fragments.cached("active-locale", 0, _active_locale_row)
    return Locale(pk=row["pk"], language_code=row["language_code"])


def in_locale_with_fallback(queryset, locale):
    """Items of a translatable snippet in ``locale``; an item not yet translated
    shows in its source's language (pages.origin: English, or Vietnamese for
    one written first in Vietnamese), so nothing disappears before it is translated.

    One query, ordered as the queryset is.
    """
    items = list(queryset.select_related("locale"))
    translated = {item.translation_key for item in items if item.locale_id == locale.pk}
    sources = {}
    for item in items:  # the oldest of a key is its source
        if item.translation_key not in translated and item.pk < sources.get(item.translation_key, item.pk + 1):
            sources[item.translation_key] = item.pk
    return [item for item in items if item.locale_id == locale.pk or sources.get(item.translation_key) == item.pk]
