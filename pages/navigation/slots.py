"""Places in the shell (the home page, the footer) where section apps show
their own content, without the shell importing them.

An app registers a template and a function that returns its context (or None
to show nothing); the function should cache what it reads (pages.cache.fragments),
as slots render on every page. Slots: "head", "home", "footer", and "park"
(a demonstration park's page, given the park).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from pages.cache import fragments

_slots = {}


@dataclass(frozen=True)
class SlotItem:
    template: str
    get_context: Callable
    order: int
    name: str


def register(slot, template, order=50, name=None):
    """Show ``get_context``'s answer in ``slot``; registering the same ``name``
    (by default the function's dotted name) twice keeps one."""

    def decorator(get_context):
        items = _slots.setdefault(slot, [])
        key = name or f"{get_context.__module__}.{get_context.__qualname__}"
        if not any(item.name == key for item in items):
            items.append(SlotItem(template, get_context, order, key))
            items.sort(key=lambda item: item.order)
        return get_context

    return decorator


def cached(slot, template, key, order=50, timeout=fragments.TIMEOUT):
    """Register ``build()`` (no arguments) for ``slot``; its context is kept in
    the fragments under ``key``, per language, and dropped on every publish.
    Give a short ``timeout`` to what changes with the clock."""

    def decorator(build):
        def get_context(request):
            return fragments.cached(key, 0, build, timeout=timeout)

        register(slot, template, order, name=f"{build.__module__}.{build.__qualname__}")(get_context)
        return build

    return decorator


def render(slot, request, **extra):
    """Render what is registered for ``slot``; ``extra`` (e.g. the page a slot
    belongs to) is passed on to each context function."""
    parts = []
    for item in _slots.get(slot, []):
        context = item.get_context(request, **extra)
        if context is not None:
            parts.append(render_to_string(item.template, context, request=request))
    return mark_safe("".join(parts))  # noqa: S308 - rendered templates, autoescaped
