"""The datasets section apps offer (``register``), in the order they registered."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise

LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
FORMATS = ("csv", "json", "xlsx")
VERSION = 1  # the JSON shape (pages.opendata.formats.as_json); bumped when it changes


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


_datasets = {}


def register(dataset):
    _datasets[dataset.name] = dataset
    return dataset


def get(name):
    return _datasets.get(name)


def all_datasets():
    return sorted(_datasets.values(), key=lambda dataset: (dataset.order, dataset.name))


def columns(*pairs):
    return tuple(Column(name, description) for name, description in pairs)
