"""Which language a page or snippet was written in first: its source.

Either language may be a source (English staff write English first, Vietnamese
staff write Vietnamese first). The rule, one for the whole house: of the
objects sharing a translation key, the source is the oldest that is not an
alias. wagtail-localize makes every translation and alias after its source,
and turns an alias into a translation in place, so the oldest real object is
always the one the others were made from. Computed, never stored: nothing to
migrate on every table, nothing that can drift.

Low in the house: Django and Wagtail only.
"""

from django.db.models import OuterRef, Subquery
from wagtail.models import Page


def _siblings(model, translation_key):
    """The non-alias objects of ``translation_key``, oldest first."""
    objects = Page.objects if issubclass(model, Page) else model._default_manager
    objects = objects.filter(translation_key=translation_key)
    if issubclass(model, Page):
        objects = objects.filter(alias_of__isnull=True)
    return objects.order_by("pk")


def source_of(obj):
    """The object ``obj``'s translations were made from (``obj`` itself if it is
    the source); for a page, the base ``Page``."""
    return _siblings(type(obj), obj.translation_key).first()


def source_locale_id(obj):
    return _siblings(type(obj), obj.translation_key).values_list("locale_id", flat=True).first()


def is_source(obj):
    """Whether ``obj`` is what its translations were made from (an alias never is)."""
    if getattr(obj, "alias_of_id", None):
        return False
    return _siblings(type(obj), obj.translation_key).values_list("pk", flat=True).first() == obj.pk


def with_source_language(queryset):
    """``queryset`` with ``source_language`` on each row: its source's language code."""
    first = _siblings(queryset.model, OuterRef("translation_key")).values("locale__language_code")[:1]
    return queryset.annotate(source_language=Subquery(first))


def source_locale_subquery(model):
    """For ``queryset.annotate(source_locale_id=…)``: each row's source language
    in one subquery (served by the unique (translation_key, locale) index)."""
    return Subquery(_siblings(model, OuterRef("translation_key")).values("locale_id")[:1])
