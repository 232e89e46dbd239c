"""The topics visitors may subscribe to, registered by the section apps.

A section registers a topic from its own ``updates.py`` (imported by its app's
``ready()``): a key, a translated label, the page models it covers and how to
write the line under one of its pages' titles in an e-mail. The shell only
reads this registry.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    key: str
    label: object  # a lazy translation
    models: tuple  # model labels, e.g. ("news.NewsPage",)
    date_line: Callable  # page → the line under its title (when, where), in the page's language
    order: int = 50
    # page → whether its first publication is news to subscribers (an event
    # recorded after it took place is not).
    announces: Callable = lambda page: True


_topics = {}


def register(topic):
    _topics[topic.key] = topic


def all_topics():
    return sorted(_topics.values(), key=lambda topic: topic.order)


def get(key):
    return _topics.get(key)


def choices():
    return [(topic.key, topic.label) for topic in all_topics()]


def for_page(page):
    """The topic that covers this page's type, or None."""
    label = page.specific_class._meta.label if page.specific_class else ""
    return next((topic for topic in _topics.values() if label in topic.models), None)
