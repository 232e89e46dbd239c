from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page


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


def twins(page, inclusive=False):
    """The page's translations in the other languages (live or not, aliases
    included), and with ``inclusive`` the page itself: the one lookup behind
    invalidation, CDN purges, the language switcher and mirrored view
    restrictions."""
    pages = Page.objects.filter(translation_key=page.translation_key)
    return pages if inclusive else pages.exclude(pk=page.pk)
