"""Template tags of the admin's editorial screens."""

from django import template
from django.core.exceptions import FieldDoesNotExist

from pages.editorial.segment_history import changes_for

register = template.Library()


def _field_label(instance, path):
    try:
        return str(instance._meta.get_field(path.split(".")[0]).verbose_name).capitalize()
    except FieldDoesNotExist:
        return path


@register.inclusion_tag("pages/admin/changed_segments.html")
def changed_segments(translation):
    """Above wagtail-localize's editor: each string changed in the source since
    it was last translated, with the difference and the earlier translation."""
    changes = changes_for(translation) if translation is not None else []
    if changes:
        instance = translation.source.as_instance()
        for change in changes:
            change.where = _field_label(instance, change.context.path)
    return {"changes": changes}
