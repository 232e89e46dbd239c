"""Django's ``date`` template filter, remembered: a template builtin
(eipvn.settings TEMPLATES), so every ``{{ value|date:"…" }}`` uses it.

Formatting a date in the visitor's language takes about 80 Python calls (the
format looked up for the language, the month's name translated, the value
taken to local time); a search result or a listing entry shows two or three
dates. The result depends only on the value (with its time zone), the format
and the language, and the same dates are shown again and again, so each
process remembers the latest few thousand. The output is Django's own
(tests/test_remembered_dates.py compares them).
"""

import functools

from django import template
from django.core.signals import setting_changed
from django.template import defaultfilters
from django.utils.translation import get_language

register = template.Library()


@functools.lru_cache(maxsize=4096)
def _formatted(kind, value, tzinfo, arg, language):
    # kind and tzinfo are part of the key: a date equals no datetime, but two
    # aware datetimes of one instant in different zones are equal.
    return defaultfilters.date(value, arg)


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    try:
        return _formatted(type(value), value, getattr(value, "tzinfo", None), arg, get_language())
    except TypeError:  # an unhashable value: as Django formats it
        return defaultfilters.date(value, arg)


def _forget(**kwargs):
    _formatted.cache_clear()  # a format setting changed (tests)


setting_changed.connect(_forget)
