"""Where each page and snippet stands in each of its other languages, from
whichever language it was written in first (pages.origin): English pages
towards Vietnamese and Vietnamese-first pages towards English.

wagtail-localize tracks sources, translations and strings but has no overview;
this module computes one, in a fixed number of queries whatever the size of
the site:

- missing: no object in the target language;
- alias: an untranslated alias of the source (the source's words shown);
- outdated: the source changed after the translation was last synced;
- partial: synced, but only n of m strings are translated;
- current: synced and every string translated.
"""

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils.functional import cached_property
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from pages.editorial.segment_history import changes_for
from pages.origin import source_locale_subquery

MISSING, ALIAS, OUTDATED, PARTIAL, CURRENT = "missing", "alias", "outdated", "partial", "current"
STATES = {
    MISSING: _("Missing"),
    ALIAS: _("Not translated (source shown)"),
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
    changed: int | None = None  # strings changed in the source since they were last translated

    @property
    def title(self):
        return self.source.title if self.kind == "page" else str(self.source)

    @property
    def source_locale(self):
        return self.source.locale

    @property
    def direction(self):
        """e.g. "en-vi": from the source's language into the target's."""
        return f"{self.source_locale.language_code}-{self.target_locale.language_code}"

    @property
    def direction_label(self):
        return f"{language_name(self.source_locale)} → {language_name(self.target_locale)}"

    @property
    def state_label(self):
        if self.state == ALIAS:
            return _("Not translated (%(language)s shown)") % {"language": language_name(self.source_locale)}
        return STATES[self.state]

    @property
    def progress(self):
        return "" if self.total is None else f"{self.translated}/{self.total}"


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def language_name(locale):
    """The language's name in the admin user's language ("Vietnamese", "Tiếng Anh")."""
    return get_language_info(locale.language_code)["name_translated"]


def directions(locales):
    """(key, label) of every pair of languages, e.g. ("vi-en", "Vietnamese → English")."""
    return [
        (f"{source.language_code}-{target.language_code}", f"{language_name(source)} → {language_name(target)}")
        for source in locales
        for target in locales
        if source != target
    ]


class TranslationStatus:
    """The status of every source page and snippet, in each of its other languages."""

    def __init__(self):
        self.locales = list(Locale.objects.order_by("language_code"))
        self.by_id = {locale.pk: locale for locale in self.locales}

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

    def filter(self, section="", state="", direction=""):
        return [
            row
            for row in self.rows
            if (not section or row.section == section)
            and (not state or row.state == state)
            and (not direction or row.direction == direction)
        ]

    def _targets(self, source):
        return [locale for locale in self.locales if locale.pk != source.locale_id]

    # Pages ---------------------------------------------------------------

    def _page_rows(self):
        # Sources only: a key's oldest non-alias page (pages.origin), in either language.
        pages = list(
            Page.objects.filter(depth__gte=2, alias_of__isnull=True)
            .annotate(source_locale=source_locale_subquery(Page))
            .filter(locale_id=F("source_locale"))
            .select_related("content_type")
            .order_by("path")
        )
        for page in pages:
            page.locale = self.by_id[page.locale_id]
        keys = [page.translation_key for page in pages]
        twins = {
            (twin.locale_id, twin.translation_key): twin
            for twin in Page.objects.filter(translation_key__in=keys).only(
                "id", "title", "translation_key", "locale_id", "alias_of_id", "live", "path", "depth"
            )
        }
        sections = self._page_sections()
        translations = self._translations(Page, keys)
        rows = []
        for page in pages:
            key, label = sections.get(page.path[: Page.steplen * 3], ("home", _("Home page")))
            for locale in self._targets(page):
                twin = twins.get((locale.pk, page.translation_key))
                status = Status("page", key, label, page, twin, locale, MISSING)
                if twin is not None and twin.alias_of_id:
                    status.state = ALIAS
                elif twin is not None:
                    translation = translations.get((page.translation_key, page.locale_id, locale.pk))
                    self._judge(status, translation, page.last_published_at)
                rows.append(status)
        return rows

    def _page_sections(self):
        """Tree path of each section (the home page's children, in both trees) →
        (key, label), named by the default language's section page."""
        depth3 = list(Page.objects.filter(depth=3).only("path", "slug", "title", "translation_key", "locale_id"))
        default = Locale.get_default().pk
        named = {page.translation_key: page for page in depth3 if page.locale_id == default}
        result = {}
        for page in depth3:
            name = named.get(page.translation_key, page)
            result[page.path] = (f"page-{name.slug}", name.title)
        return result

    # Snippets ------------------------------------------------------------

    def _snippet_rows(self):
        rows = []
        for model in translatable_snippet_models():
            sources = list(
                model.objects.annotate(source_locale=source_locale_subquery(model)).filter(locale_id=F("source_locale"))
            )
            for obj in sources:
                obj.locale = self.by_id[obj.locale_id]
            keys = [obj.translation_key for obj in sources]
            twins = {
                (twin.locale_id, twin.translation_key): twin for twin in model.objects.filter(translation_key__in=keys)
            }
            translations = self._translations(model, keys)
            key, label = f"snippet-{model._meta.model_name}", model._meta.verbose_name_plural
            for obj in sources:
                for locale in self._targets(obj):
                    twin = twins.get((locale.pk, obj.translation_key))
                    status = Status("snippet", key, label, obj, twin, locale, MISSING)
                    if twin is not None:
                        translation = translations.get((obj.translation_key, obj.locale_id, locale.pk))
                        changed = translation is not None and _snippet_changed(obj, translation.source)
                        self._judge(status, translation, changed_since_sync=changed)
                    rows.append(status)
        return rows

    # Shared --------------------------------------------------------------

    def _translations(self, model, keys):
        """(translation_key, source locale id, target locale id) → Translation
        with its source and progress."""
        translations = {
            (translation.source.object_id, translation.source.locale_id, translation.target_locale_id): translation
            for translation in Translation.objects.filter(
                source__object_id__in=keys,
                source__object__content_type=ContentType.objects.get_for_model(model.get_translation_model()),
                enabled=True,
            ).select_related("source")
        }
        progress = _progress({translation.source_id for translation in translations.values()}, self.locales)
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
            status.changed = len(changes_for(translation))
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
