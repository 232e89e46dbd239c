"""Content that section apps compute and editors place in any page body.

The shell cannot import section apps, so each app registers what it offers
(e.g. parks: totals across the demonstration parks). An editor picks it in a
"Live data" block; the block renders the app's template with fresh context, so
numbers are never typed twice.
"""

from collections.abc import Callable
from dataclasses import dataclass

_registry = {}


@dataclass(frozen=True)
class LiveData:
    key: str
    label: str
    template: str
    get_context: Callable


def register(key, label, template):
    def decorator(get_context):
        _registry[key] = LiveData(key, label, template, get_context)
        return get_context

    return decorator


def get(key):
    return _registry.get(key)


def choices():
    return [(item.key, item.label) for item in _registry.values()]
