"""The active language's Locale, and translatable snippets in a language with a
fallback to English. (A page's twins: pages.lookups.)"""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
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
    shows in the default language, so nothing disappears before it is translated.

    One query, ordered as the queryset is.
    """
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    items = list(
        queryset.filter(locale__language_code__in={locale.language_code, default_language}).select_related("locale")
    )
    translated = {item.translation_key for item in items if item.locale_id == locale.pk}
    return [item for item in items if item.locale_id == locale.pk or item.translation_key not in translated]
