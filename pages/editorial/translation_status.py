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
from django.db.models import Case, CharField, Count, Exists, F, Min, OuterRef, Q, Subquery, Value, When
from django.utils.functional import cached_property
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from pages.editorial.segment_history import changes_for, count_changes
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
    """The status of every source page and snippet, in each of its other languages.

    Pages are judged in the database (``_page_state``): the report counts them
    with one aggregate per target language and loads only the rows it shows,
    so its cost does not grow with the site. Snippets are few (menus, partners,
    topics) and are judged here, since whether one changed since its sync
    means comparing its fields with what was extracted (``_snippet_changed``)."""

    def __init__(self):
        self.locales = list(Locale.objects.order_by("language_code"))
        self.by_id = {locale.pk: locale for locale in self.locales}
        self._counted = {}

    @cached_property
    def rows(self):
        return list(self.select())

    def sections(self):
        """(key, label) for each section, in tree order, then each snippet type."""
        seen = {}
        if self._page_sources().filter(depth=2).exists():
            seen["home"] = _("Home page")
        for key, label in self._page_sections.values():
            seen.setdefault(key, label)
        for row in self._snippet_rows:
            seen.setdefault(row.section, row.section_label)
        return list(seen.items())

    def select(self, section="", state="", direction=""):
        """The rows that match, as a sequence the report paginates: pages in
        tree order (per target language), then snippets."""
        parts = [_PageRows(self, target, source, section, state) for source, target in self._directions(direction)]
        return Rows([*parts, self._snippets(section, state, direction)])

    def counts(self, section="", direction=""):
        """How many rows are in each state: pages counted in the database."""
        counts = dict.fromkeys(STATES, 0)
        for source, target in self._directions(direction):
            for state, n in self._page_counts(target, source, section).items():
                counts[state] += n
        for row in self._snippets(section, direction=direction):
            counts[row.state] += 1
        return counts

    def _page_counts(self, target, source, section):
        """{state: how many} of the source pages into ``target``: one aggregate,
        which the report's counts and its pagination share."""
        key = (target.pk, source and source.pk, section)
        if key not in self._counted:
            pages = self._page_sources(target, source, section).values("state").annotate(n=Count("pk")).order_by()
            self._counted[key] = {row["state"]: row["n"] for row in pages}
        return self._counted[key]

    def _snippets(self, section="", state="", direction=""):
        return [
            row
            for row in self._snippet_rows
            if (not section or row.section == section)
            and (not state or row.state == state)
            and (not direction or row.direction == direction)
        ]

    def _directions(self, direction=""):
        """(source locale or None for any, target locale) of the page parts."""
        by_code = {locale.language_code: locale for locale in self.locales}
        if direction:
            source, _sep, target = direction.partition("-")
            return [(by_code[source], by_code[target])] if source in by_code and target in by_code else []
        return [(None, target) for target in self.locales]

    def _targets(self, source):
        return [locale for locale in self.locales if locale.pk != source.locale_id]

    # Pages ---------------------------------------------------------------

    def _page_sources(self, target=None, source=None, section="", state=""):
        """Source pages (a key's oldest non-alias page, pages.origin), with
        ``state``: their state in ``target``."""
        # A key's source is its oldest non-alias page (pages.origin): found for
        # every key in one grouped pass, not by a subquery per page.
        first = Page.objects.filter(alias_of__isnull=True).values("translation_key").annotate(first=Min("pk"))
        pages = Page.objects.filter(depth__gte=2, pk__in=first.values("first"))
        if source is not None:
            pages = pages.filter(locale=source)
        if section:
            paths = [path for path, (key, _label) in self._page_sections.items() if key == section]
            where = Q(depth=2) if section == "home" else Q(pk__in=[])
            for path in paths:
                where |= Q(path__startswith=path)
            pages = pages.filter(where)
        if target is None:
            return pages
        pages = pages.exclude(locale=target).annotate(state=_page_state(target))
        return pages.filter(state=state) if state else pages

    @cached_property
    def _page_sections(self):
        """Tree path of each section (the home page's children, in both trees) →
        (key, label), named by the default language's section page."""
        depth3 = list(
            Page.objects.filter(depth=3).only("path", "slug", "title", "translation_key", "locale_id").order_by("path")
        )
        default = Locale.get_default().pk
        named = {page.translation_key: page for page in depth3 if page.locale_id == default}
        result = {}
        for page in depth3:
            name = named.get(page.translation_key, page)
            result[page.path] = (f"page-{name.slug}", name.title)
        return result

    def _page_statuses(self, pages, target):
        """Status rows of ``pages`` (a slice, annotated with their state)."""
        keys = [page.translation_key for page in pages]
        twins = {twin.translation_key: twin for twin in Page.objects.filter(translation_key__in=keys, locale=target)}
        for page in [*pages, *twins.values()]:
            # The row's links check permissions on the specific page, which reads its locale.
            page.locale = page.specific_deferred.locale = self.by_id[page.locale_id]
        translations = self._translations(Page, keys)
        rows = []
        for page in pages:
            key, label = self._page_sections.get(page.path[: Page.steplen * 3], ("home", _("Home page")))
            status = Status("page", key, label, page, twins.get(page.translation_key), target, page.state)
            translation = translations.get((page.translation_key, page.locale_id, target.pk))
            if status.state not in (MISSING, ALIAS) and translation is not None:
                status.translation = translation
                status.translated, status.total = translation.done, translation.total
            rows.append(status)
        partial = [row.translation for row in rows if row.state == PARTIAL and row.translation is not None]
        changed = count_changes(partial)
        for row in rows:
            if row.state == PARTIAL and row.translation is not None:
                row.changed = changed[row.translation.pk]
        return rows

    # Snippets ------------------------------------------------------------

    @cached_property
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


class Rows:
    """Rows made of parts (querysets of pages, lists of snippets' rows), counted
    and sliced part by part, so Django's Paginator reads only one page's rows."""

    def __init__(self, parts):
        self.parts = parts

    @cached_property
    def _sizes(self):
        return [part.count() if isinstance(part, _PageRows) else len(part) for part in self.parts]

    def count(self):
        return sum(self._sizes)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(self.count())
        rows, offset = [], 0
        for part, size in zip(self.parts, self._sizes, strict=True):
            if start < offset + size and stop > offset:
                rows += part[max(start - offset, 0) : min(stop - offset, size)]
            offset += size
        return rows

    def __iter__(self):
        chunk = 500
        for start in range(0, self.count(), chunk):
            yield from self[start : start + chunk]


class _PageRows:
    """A target language's page rows: counted in the database, loaded a slice at a time."""

    def __init__(self, status, target, source, section, state):
        self.status, self.target, self.source, self.section, self.state = status, target, source, section, state
        self.pages = status._page_sources(target, source, section, state).order_by("path")

    def count(self):
        counts = self.status._page_counts(self.target, self.source, self.section)
        return counts.get(self.state, 0) if self.state else sum(counts.values())

    def __getitem__(self, index):
        return self.status._page_statuses(list(self.pages.select_related("content_type")[index]), self.target)


def _page_state(target):
    """A source page's state in ``target``, as an SQL expression (the rules of
    the module's docstring, in this order)."""
    twins = Page.objects.filter(translation_key=OuterRef("translation_key"), locale=target)
    translations = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"),
        source__locale_id=OuterRef("locale_id"),
        target_locale=target,
        enabled=True,
    )
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"), locale=target, has_error=False
    )
    untranslated = StringSegment.objects.filter(
        source__object_id=OuterRef("translation_key"), source__locale_id=OuterRef("locale_id")
    ).exclude(Exists(translated))
    return Case(
        When(~Exists(twins), then=Value(MISSING)),
        When(Exists(twins.filter(alias_of__isnull=False)), then=Value(ALIAS)),
        # Translated outside wagtail-localize (its editor was switched off): nothing to compare.
        When(~Exists(translations), then=Value(CURRENT)),
        When(last_published_at__gt=Subquery(translations.values("source__last_updated_at")[:1]), then=Value(OUTDATED)),
        When(Exists(untranslated), then=Value(PARTIAL)),
        default=Value(CURRENT),
        output_field=CharField(),
    )


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
