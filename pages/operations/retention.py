"""Personal data the site keeps, and when each kind is past its time, as the
sections declare it (pages.sections): ``manage.py purge_personal_data``
deletes what each ``Retained.expired`` selects."""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps

from pages import sections


@dataclass(frozen=True)
class Retained:
    model_label: str  # e.g. "events.Registration"
    what: str  # how the purge reports it, e.g. "event registrations"
    # expired(months_ago, day_ago) -> queryset of the rows past their time
    # (months_ago: PERSONAL_DATA_MONTHS ago, the privacy notice's promise).
    expired: Callable
    # Mail still waiting about a row (pages.mail.outbox) goes when the row goes, however it goes.
    forget_mail: bool = False

    @property
    def model(self):
        return apps.get_model(self.model_label)

    def problems(self):
        try:
            self.model  # noqa: B018 - looked up to prove it exists
        except (LookupError, ValueError):
            return [f"{self.what!r} names {self.model_label!r}, which is not a model."]
        return [] if callable(self.expired) else [f"{self.what!r} says nothing of when it expires."]


def all_retained():
    return sections.each("personal_data")


def selectors():
    """{what: expired} of everything the sections keep."""
    return {retained.what: retained.expired for retained in all_retained()}
