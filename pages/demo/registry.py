"""`seed_demo` runs the demo seeders the sections declare (pages.sections).

A seeder is named by its dotted path, so demo content (long and only needed by
``seed_demo``) is imported when the demo is built, not when the site starts.
Seeders run in ``order``, so a section can rely on the shell (home page,
locales) existing.
"""

import contextlib
import contextvars
from dataclasses import dataclass

from django.utils.module_loading import import_string

from pages import sections


@dataclass(frozen=True)
class Seeder:
    function: str  # dotted path, e.g. "news.demo.seed_news"
    order: int = 50

    def problems(self):
        try:
            found = import_string(self.function)
        except ImportError as error:
            return [f"the demo seeder {self.function!r} cannot be imported ({error})."]
        return [] if callable(found) else [f"the demo seeder {self.function!r} is not a function."]


def seeders():
    return [import_string(seeder.function) for seeder in sorted(sections.each("demo"), key=lambda s: s.order)]


_seeding = contextvars.ContextVar("demo_seeding", default=False)


@contextlib.contextmanager
def seeding():
    """While ``seed_demo`` builds the demo: its pages are not news (e-mail updates announce none)."""
    token = _seeding.set(True)
    try:
        yield
    finally:
        _seeding.reset(token)


def seeding_now():
    return _seeding.get()
