"""The topics visitors may subscribe to, as the sections declare them (pages.sections).

A section names each topic in its declaration: a key, a translated label, the
page models it covers and how to write the line under one of its pages' titles
in an e-mail. E-mail updates only read them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps

from pages import sections


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

    def problems(self):
        from wagtail.models import Page

        found = []
        for label in self.models:
            try:
                model = apps.get_model(label)
            except (LookupError, ValueError):
                found.append(f"the topic {self.key!r} covers {label!r}, which is not a model.")
                continue
            if not issubclass(model, Page):
                found.append(f"the topic {self.key!r} covers {label!r}, which is not a page type.")
        return found


def all_topics():
    return sorted(sections.each("topics"), key=lambda topic: topic.order)


def get(key):
    return next((topic for topic in all_topics() if topic.key == key), None)


def choices():
    return [(topic.key, topic.label) for topic in all_topics()]


def for_page(page):
    """The topic that covers this page's type, or None."""
    label = page.specific_class._meta.label if page.specific_class else ""
    return next((topic for topic in all_topics() if label in topic.models), None)
