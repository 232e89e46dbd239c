"""The topics visitors may subscribe to, registered by the section apps.

A section registers a topic from its own ``updates.py`` (imported by its app's
``ready()``): a key, a translated label, the page models it covers and how to
summarise one of its pages in an e-mail. The shell only reads this registry.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class Summary:
    """What an e-mail says about a page, in the page's language."""

    title: str
    date_line: str = ""
    teaser: str = ""


@dataclass(frozen=True)
class Topic:
    key: str
    label: object  # a lazy translation
    models: tuple  # model labels, e.g. ("news.NewsPage",)
    summarise: Callable  # page → Summary
    order: int = 50
    # page → the moment from which it may be announced (a news article dated
    # in the future appears in the listings on its date, not before).
    available_from: Callable = lambda page: timezone.now()


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
