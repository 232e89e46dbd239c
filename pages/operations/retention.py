"""Personal data the site keeps, and when each kind is past its time.

`manage.py purge_personal_data` deletes what every registered function selects;
section apps register theirs when they are ready, so the shell imports none of
them. A function takes the moment "months ago" (PERSONAL_DATA_MONTHS) and "a
day ago" and returns a queryset of what to delete.
"""

_selectors = {}


def register(what, selector):
    """``selector(months_ago, day_ago)`` → queryset to delete, reported as ``what``."""
    _selectors[what] = selector


def selectors():
    return dict(_selectors)
