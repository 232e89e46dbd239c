"""Where each page and snippet stands in each translation language.

wagtail-localize tracks sources, translations and strings but has no overview;
this module computes one, in a fixed number of queries whatever the size of
the site:

- missing: no object in the target language;
- alias: an untranslated alias of the English page (English shown);
- outdated: English changed after the translation was last synced;
- partial: synced, but only n of m strings are translated;
- current: synced and every string translated.
"""

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation

MISSING, ALIAS, OUTDATED, PARTIAL, CURRENT = "missing", "alias", "outdated", "partial", "current"
STATES = {
    MISSING: _("Missing"),
    ALIAS: _("Not translated (English shown)"),
    OUTDATED: _("Out of date"),
    PARTIAL: _("Partly translated"),
    CURRENT: _("Current"),
}


@dataclass
class Status:
    kind: str  # "page" or "snippet"
    section: str  # key for filtering
    section_label: str
    source: object
    target: object | None
    target_locale: Locale
    state: str
    translated: int | None = None
    total: int | None = None
    translation: Translation | None = None

    @property
    def title(self):
        return self.source.title if self.kind == "page" else str(self.source)

    @property
    def state_label(self):
        return STATES[self.state]

    @property
    def progress(self):
        return "" if self.total is None else f"{self.translated}/{self.total}"


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


class TranslationStatus:
    """The status of everything in the source language, for each other language."""

    def __init__(self):
        self.source_locale = Locale.get_default()
        self.target_locales = list(Locale.objects.exclude(pk=self.source_locale.pk).order_by("language_code"))

    @cached_property
    def rows(self):
        return [*self._page_rows(), *self._snippet_rows()]

    def sections(self):
        """(key, label) for each section, in order of first appearance."""
        seen = {}
        for row in self.rows:
            seen.setdefault(row.section, row.section_label)
        return list(seen.items())

    def counts(self, rows=None):
        counts = dict.fromkeys(STATES, 0)
        for row in self.rows if rows is None else rows:
            counts[row.state] += 1
        return counts

    def filter(self, section="", state=""):
        return [
            row for row in self.rows if (not section or row.section == section) and (not state or row.state == state)
        ]

    # Pages ---------------------------------------------------------------

    def _page_rows(self):
        pages = list(
            Page.objects.filter(locale=self.source_locale, depth__gte=2, alias_of__isnull=True)
            .select_related("content_type")
            .order_by("path")
        )
        keys = [page.translation_key for page in pages]
        twins = {
            (twin.locale_id, twin.translation_key): twin
            for twin in Page.objects.filter(translation_key__in=keys, locale__in=self.target_locales).only(
                "id", "title", "translation_key", "locale_id", "alias_of_id", "live", "path", "depth"
            )
        }
        sections = self._page_sections(pages)
        translations = self._translations(Page, keys)
        rows = []
        for page in pages:
            key, label = sections.get(page.path[: Page.steplen * 3], ("home", _("Home page")))
            for locale in self.target_locales:
                twin = twins.get((locale.pk, page.translation_key))
                status = Status("page", key, label, page, twin, locale, MISSING)
                if twin is not None and twin.alias_of_id:
                    status.state = ALIAS
                elif twin is not None:
                    self._judge(status, translations.get((page.translation_key, locale.pk)), page.last_published_at)
                rows.append(status)
        return rows

    @staticmethod
    def _page_sections(pages):
        return {
            page.path: (f"page-{page.slug}", page.title)
            for page in pages
            if page.depth == 3  # the home page's children are the site's sections
        }

    # Snippets ------------------------------------------------------------

    def _snippet_rows(self):
        rows = []
        for model in translatable_snippet_models():
            sources = list(model.objects.filter(locale=self.source_locale))
            keys = [obj.translation_key for obj in sources]
            twins = {
                (twin.locale_id, twin.translation_key): twin
                for twin in model.objects.filter(translation_key__in=keys, locale__in=self.target_locales)
            }
            translations = self._translations(model, keys)
            key, label = f"snippet-{model._meta.model_name}", model._meta.verbose_name_plural
            for obj in sources:
                for locale in self.target_locales:
                    twin = twins.get((locale.pk, obj.translation_key))
                    status = Status("snippet", key, label, obj, twin, locale, MISSING)
                    if twin is not None:
                        translation = translations.get((obj.translation_key, locale.pk))
                        changed = translation is not None and _snippet_changed(obj, translation.source)
                        self._judge(status, translation, changed_since_sync=changed)
                    rows.append(status)
        return rows

    # Shared --------------------------------------------------------------

    def _translations(self, model, keys):
        """(translation_key, locale id) → Translation with its source and progress."""
        translations = {
            (translation.source.object_id, translation.target_locale_id): translation
            for translation in Translation.objects.filter(
                source__object_id__in=keys,
                source__object__content_type=ContentType.objects.get_for_model(model.get_translation_model()),
                source__locale=self.source_locale,
                target_locale__in=self.target_locales,
                enabled=True,
            ).select_related("source")
        }
        progress = _progress({translation.source_id for translation in translations.values()}, self.target_locales)
        for translation in translations.values():
            translation.total, translation.done = progress.get(
                (translation.source_id, translation.target_locale_id), (0, 0)
            )
        return translations

    @staticmethod
    def _judge(status, translation, last_changed=None, changed_since_sync=False):
        if translation is None:
            # Translated outside wagtail-localize (its editor was switched off): nothing to compare.
            status.state = CURRENT
            return
        status.translation = translation
        status.translated, status.total = translation.done, translation.total
        if changed_since_sync or (last_changed and last_changed > translation.source.last_updated_at):
            status.state = OUTDATED
        elif translation.done < translation.total:
            status.state = PARTIAL
        else:
            status.state = CURRENT


def _progress(source_ids, locales):
    """(source id, locale id) → (strings, translated strings), one query per locale."""
    result = {}
    for locale in locales:
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale=locale,
            has_error=False,
        )
        for row in (
            StringSegment.objects.filter(source_id__in=source_ids)
            .annotate(is_translated=Exists(translated))
            .values("source_id")
            .annotate(total=Count("id"), done=Count("id", filter=Q(is_translated=True)))
        ):
            result[(row["source_id"], locale.pk)] = (row["total"], row["done"])
    return result


def _snippet_changed(instance, source):
    """Snippets keep no revisions: compare what would be extracted now with
    what was extracted at the last sync (decimals compared as numbers, since
    "520" and "520.00" are the same figure)."""
    current = json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))
    stored = json.loads(source.content_json)
    return any(not _same(current.get(name), stored.get(name)) for name in current.keys() | stored.keys())


def _same(a, b):
    if a == b:
        return True
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except (InvalidOperation, ValueError):
        return False
