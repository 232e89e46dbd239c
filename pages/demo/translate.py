"""Demo translations go through wagtail-localize, exactly as a translator's would:
the Vietnamese twin is a tracked Translation whose segments are all translated,
so the editor shows it up to date and an edit to the English source shows it
out of date."""

import html

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from pages.editorial import segment_history


class MissingDemoTranslation(Exception):
    pass


class Glossary:
    """English → Vietnamese pairs for demo content. `t(en, vi)` records a pair and
    returns the English, so content is written once, side by side."""

    def __init__(self):
        self.pairs = {}

    def t(self, en, vi):
        self.pairs[en] = vi
        return en

    def rich(self, *blocks):
        """Rich text from paragraphs `(en, vi)` and bulleted lists `[(en, vi), …]`."""
        parts = []
        for block in blocks:
            if isinstance(block, list):
                items = "".join(f"<li>{html.escape(self.t(*item), quote=False)}</li>" for item in block)
                parts.append(f"<ul>{items}</ul>")
            else:
                parts.append(f"<p>{html.escape(self.t(*block), quote=False)}</p>")
        return "".join(parts)

    def reversed(self):
        """The same pairs the other way, for content written first in Vietnamese."""
        other = Glossary()
        other.pairs = {vi: en for en, vi in self.pairs.items()}
        return other

    def lookup(self, text):
        # Segments of multi-line text fields carry their line breaks as <br/>.
        lines = text.replace("<br/>", "\n")
        if lines != text and lines in self.pairs:
            return self.pairs[lines].replace("\n", "<br/>")
        for candidate in (text, html.unescape(text)):
            if candidate in self.pairs:
                vi = self.pairs[candidate]
                return vi if candidate == text else html.escape(vi, quote=False)
        raise MissingDemoTranslation(f"No Vietnamese for demo string {text!r}")


def vietnamese():
    return Locale.objects.get(language_code="vi")


@transaction.atomic
def translate(instance, glossary, locale=None):
    """Create or refresh the Vietnamese translation of a page or snippet and
    publish it. Returns the translated instance."""
    locale = locale or vietnamese()
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        segment_history.sync(source)
    Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": glossary.lookup(segment.string.data),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    source.create_or_update_translation(locale, publish=True, fallback=False, copy_parent_pages=False)
    return instance.get_translation(locale)
