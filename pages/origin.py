"""Which language a page or snippet was written in first: its source.

Either language may be a source (English staff write English first, Vietnamese
staff write Vietnamese first). The rule, one for the whole house: of the
objects sharing a translation key, the source is the oldest that is not an
alias. wagtail-localize makes every translation and alias after its source,
and turns an alias into a translation in place, so the oldest real object is
always the one the others were made from. Computed, never stored: nothing to
migrate on every table, nothing that can drift.

Low in the house: Django, Wagtail and wagtail-localize only.
"""

from django.db.models import Exists, OuterRef, Q, Subquery
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation


def _siblings(model, translation_key):
    """The non-alias objects of ``translation_key``, oldest first."""
    objects = Page.objects if issubclass(model, Page) else model._default_manager
    objects = objects.filter(translation_key=translation_key)
    if issubclass(model, Page):
        # Written as an exclusion so that SQLite, which keeps no statistics,
        # looks the key up by its index instead of walking every non-alias
        # page by the alias index (a correlated subquery: quadratic as pages grow).
        objects = objects.exclude(alias_of__isnull=False)
    return objects.order_by("pk")


def source_of(obj):
    """The object ``obj``'s translations were made from (``obj`` itself if it is
    the source); for a page, the base ``Page``."""
    return _siblings(type(obj), obj.translation_key).first()


def source_locale_id(obj):
    return _siblings(type(obj), obj.translation_key).values_list("locale_id", flat=True).first()


def is_source(obj):
    """Whether ``obj`` is what its translations were made from (an alias never is).
    A row of a listing annotated by ``with_source_pk`` answers without a query."""
    if getattr(obj, "alias_of_id", None):
        return False
    if hasattr(obj, SOURCE_PK):
        return getattr(obj, SOURCE_PK) == obj.pk
    return _siblings(type(obj), obj.translation_key).values_list("pk", flat=True).first() == obj.pk


SOURCE_PK = "origin_source_pk"


def with_source_pk(queryset):
    """``queryset`` whose rows know their key's source (``is_source`` asks no
    query of them): for listings that check permissions row by row."""
    return queryset.annotate(**{SOURCE_PK: source_locale_subquery(queryset.model, field="pk")})


def with_source_language(queryset):
    """``queryset`` with ``source_language`` on each row: its source's language code."""
    first = _siblings(queryset.model, OuterRef("translation_key")).values("locale__language_code")[:1]
    return queryset.annotate(source_language=Subquery(first))


def source_locale_subquery(model, field="locale_id"):
    """For ``queryset.annotate(source_locale_id=…)``: each row's source language
    (``field`` of its source) in one subquery (served by the unique
    (translation_key, locale) index)."""
    return Subquery(_siblings(model, OuterRef("translation_key")).values(field)[:1])


def _segments(translation_key, locale_id):
    return StringSegment.objects.filter(
        source__object_id=translation_key, source__translations__target_locale_id=locale_id
    )


def _translated(locale_id):
    return StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"), locale_id=locale_id
    )


def awaiting_translation(page):
    """A page wagtail-localize turned from an alias into a translation whose
    strings are all still untranslated: it shows its source's text, so every
    surface treats it like the alias it was (its language marked, no hreflang,
    left out of feeds, search and the sitemap). A source page never is."""
    if page.alias_of_id is None and source_locale_id(page) == page.locale_id:
        return False
    segments = _segments(page.translation_key, page.locale_id)
    return segments.exists() and not segments.filter(Exists(_translated(page.locale_id))).exists()


def awaiting_translation_keys(translation_keys, locale_id):
    """Of these translation keys, those whose translation into ``locale_id`` is
    started but has no string translated yet (a snippet's or a page's)."""
    rows = (
        StringSegment.objects.filter(
            source__object_id__in=translation_keys, source__translations__target_locale_id=locale_id
        )
        .annotate(done=Exists(_translated(locale_id)))
        .values_list("source__object_id", "done")
    )
    started, done = set(), set()
    for key, is_done in rows:
        (done if is_done else started).add(key)
    return started - done


def awaiting_translation_q():
    """``awaiting_translation`` as a filter on a page queryset (aliases aside:
    they are filtered by ``alias_of``)."""
    segments = _segments(OuterRef("translation_key"), OuterRef("locale_id"))
    translated = segments.filter(Exists(_translated(OuterRef(OuterRef("locale_id")))))
    not_source = ~Q(locale_id=source_locale_subquery(Page))
    return not_source & Exists(segments) & ~Exists(translated)


def in_own_words(queryset):
    """The pages of ``queryset`` shown in their own language: neither an alias
    nor awaiting its translation (feeds, search, the sitemap)."""
    return queryset.filter(alias_of__isnull=True).exclude(awaiting_translation_q())
