"""The active language's Locale, and translatable snippets in a language with a
fallback to their source's. (A page's twins: pages.lookups.)"""

from wagtail.models import Locale

from pages.cache import fragments
from pages.origin import awaiting_translation_keys


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

    Ordered as the queryset is, in one query, and one more when some are
    translations. Each item's ``text_language`` is the language its text is
    in when it is not ``locale``'s (an item shown from its source, or a
    translation not started yet), else "": it says so with ``lang``, as an
    untranslated page's card does.
    """
    items = list(queryset.select_related("locale"))
    sources = {}
    for item in items:  # the oldest of a key is its source
        if item.translation_key not in sources or item.pk < sources[item.translation_key].pk:
            sources[item.translation_key] = item
    translated = {item.translation_key for item in items if item.locale_id == locale.pk}
    shown = [item for item in items if item.locale_id == locale.pk or sources[item.translation_key] is item]
    shown = [item for item in shown if item.locale_id == locale.pk or item.translation_key not in translated]
    translations = [item.translation_key for item in shown if sources[item.translation_key] is not item]
    awaiting = awaiting_translation_keys(translations, locale.pk) if translations else set()
    for item in shown:
        source = sources[item.translation_key]
        shows_source = item.locale_id != locale.pk or item.translation_key in awaiting
        item.text_language = source.locale.language_code if shows_source else ""
    return shown
