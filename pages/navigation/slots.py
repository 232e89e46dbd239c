"""Places in the shell where apps show their own content, without the shell
importing them: "head" (every page's head), "home" (the home page), "footer"
(every page's footer) and "park" (a demonstration park's page, given the park).

An app declares a ``Slot`` in its section (pages.sections): a template and a
function that returns its context (or None to show nothing). The function
should cache what it reads (pages.cache.fragments), as slots render on every
page; ``cached`` makes such a slot from a function of no arguments.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils.safestring import mark_safe

from pages import sections
from pages.cache import fragments
from pages.navigation import site_for, site_id

PLACES = ("head", "home", "footer", "park")


@dataclass(frozen=True)
class Slot:
    place: str  # one of PLACES
    template: str
    get_context: Callable  # get_context(request, **extra) -> dict or None
    order: int = 50
    # Set by ``cached`` and ``kept``: the rendered HTML is kept too, under this
    # name (and the extra values' keys: a park's page keeps its own), as long.
    kept_as: str = ""
    timeout: int = fragments.TIMEOUT

    def problems(self):
        found = [] if self.place in PLACES else [f"{self.place!r} is not a place in the shell ({', '.join(PLACES)})."]
        try:
            get_template(self.template)
        except TemplateDoesNotExist:
            found.append(f"the template {self.template!r} does not exist.")
        return found


def cached(place, template, key, build, order=50, timeout=fragments.TIMEOUT):
    """A slot showing ``build()`` (no arguments), kept in the fragments under
    ``key``, per language, and dropped on every publish, with its rendered
    HTML (the template must not depend on the request). Give a short
    ``timeout`` to what changes with the clock."""

    def get_context(request, **extra):
        return fragments.cached(key, 0, build, timeout=timeout)

    return Slot(place, template, get_context, order, kept_as=f"{key}-html", timeout=timeout)


def kept(place, template, name, get_context, order=50, timeout=fragments.TIMEOUT):
    """A slot whose rendered HTML is kept in the fragments under ``name`` and
    the extra values it is given (a park's page: the park), per language, and
    dropped on every publish: ``get_context(request, **extra)`` must read
    nothing but those values and what publishing changes."""
    return Slot(place, template, get_context, order, kept_as=name, timeout=timeout)


@functools.cache
def _in(place):
    return sorted((slot for slot in sections.each("slots") if slot.place == place), key=lambda slot: slot.order)


def render(place, request, **extra):
    """Render what the sections show in ``place``; ``extra`` (e.g. the park a
    slot belongs to) is passed on to each context function."""
    parts = []
    for slot in _in(place):
        if slot.kept_as:
            site = site_id(site_for(request))
            name = ":".join([slot.kept_as, *(str(getattr(value, "pk", value)) for value in extra.values())])
            html = fragments.cached(name, site, lambda slot=slot: _html(slot, request, **extra), slot.timeout)
            parts.append(html)
        else:
            parts.append(_html(slot, request, **extra))
    return mark_safe("".join(parts))  # noqa: S308 - rendered templates, autoescaped


def _html(slot, request, **extra):
    context = slot.get_context(request, **extra)
    return "" if context is None else render_to_string(slot.template, context, request=request)
