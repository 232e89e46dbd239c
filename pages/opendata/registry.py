"""The open datasets the sections declare (pages.sections), in their order."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.utils.functional import Promise

from pages import sections

LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
FORMATS = ("csv", "json", "xlsx")
VERSION = 1  # the JSON shape (pages.opendata.formats.json_chunks); bumped when it changes


@dataclass(frozen=True)
class Column:
    name: str  # stable, English, the same in every language
    description: Promise  # shown on the Data page, translated


@dataclass(frozen=True)
class Dataset:
    name: str  # letters, digits and hyphens: part of the download's address
    title: Promise
    description: Promise
    columns: tuple[Column, ...]
    rows: Callable  # rows(request) -> iterable of tuples in column order, in the active language
    # The columns that identify a row (for "what changed": added, removed, changed rows).
    key: tuple[str, ...] = ()
    order: int = 50
    # What changes with the clock alone (news dated in the future) needs a short life.
    timeout: int | None = None
    # The page type ("app_label.ModelName") that shows these rows on the site, linked from the Data page.
    shown_on: str = ""
    # The page types (model labels) whose pages its rows come from: their
    # corrections show in the Data page's "What changed" (pages.changes).
    pages: tuple[str, ...] = ()

    def problems(self):
        found = []
        if not re.fullmatch(r"[a-z0-9-]+", self.name):
            found.append(f"the dataset name {self.name!r} must be letters, digits and hyphens.")
        if not self.columns:
            found.append(f"the dataset {self.name!r} has no columns.")
        names = [column.name for column in self.columns]
        found.extend(f"the dataset {self.name!r} keys on {key!r}, not one of its columns." for key in self.key
                     if key not in names)  # fmt: skip
        if not callable(self.rows):
            found.append(f"the dataset {self.name!r} has no rows function.")
        if self.shown_on:
            try:
                apps.get_model(self.shown_on)
            except (LookupError, ValueError):
                found.append(f"the dataset {self.name!r} is shown on {self.shown_on!r}, which is not a model.")
        for label in self.pages:
            try:
                apps.get_model(label)
            except (LookupError, ValueError):
                found.append(f"the dataset {self.name!r} is fed by {label!r}, which is not a model.")
        return found


def get(name):
    return next((dataset for dataset in sections.each("datasets") if dataset.name == name), None)


def all_datasets():
    return sorted(sections.each("datasets"), key=lambda dataset: (dataset.order, dataset.name))


def columns(*pairs):
    return tuple(Column(name, description) for name, description in pairs)
