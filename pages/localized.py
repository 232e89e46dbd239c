from wagtail.models import Locale


def in_locale_with_fallback(queryset, locale):
    """Items of a translatable snippet in ``locale``; an item not yet translated
    shows in the default language, so nothing disappears before it is translated.

    One query, ordered as the queryset is.
    """
    default = Locale.get_default()
    items = list(queryset.filter(locale_id__in={locale.pk, default.pk}))
    translated = {item.translation_key for item in items if item.locale_id == locale.pk}
    return [item for item in items if item.locale_id == locale.pk or item.translation_key not in translated]
