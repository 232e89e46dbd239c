"""Content that sections compute and editors place in any page body.

The shell cannot import section apps, so each app declares what it offers in
its section (pages.sections), e.g. parks: totals across the demonstration
parks. An editor picks it in a "Live data" block; the block renders the app's
template with fresh context, so numbers are never typed twice.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from pages import sections


@dataclass(frozen=True)
class LiveData:
    key: str
    label: str
    template: str
    get_context: Callable

    def problems(self):
        try:
            get_template(self.template)
        except TemplateDoesNotExist:
            return [f"the live data {self.key!r} names the template {self.template!r}, which does not exist."]
        return []


def get(key):
    return next((item for item in sections.each("live_data") if item.key == key), None)


def choices():
    return [(item.key, item.label) for item in sections.each("live_data")]
