"""What each app brings to the shell, declared once, in one shape.

An app that plugs into the shell (a section such as news or events, or one of
the shell's own rooms such as e-mail updates) has a module ``section.py``
holding ``SECTION = Section(...)``: its listings, open datasets, e-mail update
topics, slots in the shell (home page, footer, page head, and lists on each
park's page), demo seeders, live data for page bodies, the personal data it
keeps and for how long, the models whose changes show on public pages, its
steps in the publish pipeline, and the page types the shell links to by role. The shell discovers every
installed app's declaration (INSTALLED_APPS order) and each of its registries
reads its own part from here; nothing else registers anything.

At start-up a system check refuses a declaration that is incomplete (a
listing page type, a snippet or a model holding e-mail addresses that the
app's declaration leaves out) or names something missing (a template, a
model, a demo function, an unknown slot), so a forgotten part fails
``manage.py check`` (and every test run) rather than silently disappearing.
"""

import functools
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.core import checks
from django.db import models
from django.utils.module_loading import import_string, module_has_submodule

MODULE = "section"  # <app>/section.py
NAME = "SECTION"


@dataclass(frozen=True)
class Section:
    # {page type: build(request, page) -> context}: the listing a ListingPage shows.
    listings: dict = field(default_factory=dict)
    datasets: tuple = ()  # pages.opendata.registry.Dataset
    topics: tuple = ()  # pages.updates.topics.Topic
    slots: tuple = ()  # pages.navigation.slots.Slot (parks.related.park_list makes a park page's list)
    demo: tuple = ()  # pages.demo.registry.Seeder
    live_data: tuple = ()  # pages.live_data.LiveData
    personal_data: tuple = ()  # pages.operations.retention.Retained
    # Models whose rows show on public pages (snippets, documents, figures):
    # saving or deleting one drops the cached pages that may show it.
    shown_models: tuple = ()
    publish_steps: tuple = ()  # pages.publishing.Step: what else a publish, move… sets off
    # {role: page type} the shell links to, e.g. {"subscribe": SubscribePage} for the footer.
    shell_pages: dict = field(default_factory=dict)

    # The class each tuple's items must be, by dotted path (read lazily: the
    # rooms that define them build on the shell, so the shell never imports them).
    ITEM_TYPES = {
        "datasets": "pages.opendata.registry.Dataset",
        "topics": "pages.updates.topics.Topic",
        "slots": "pages.navigation.slots.Slot",
        "demo": "pages.demo.registry.Seeder",
        "live_data": "pages.live_data.LiveData",
        "personal_data": "pages.operations.retention.Retained",
        "publish_steps": "pages.publishing.Step",
    }


@functools.cache
def declared():
    """{app label: Section} of every installed app that declares one."""
    found = {}
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, MODULE):
            module = import_module(f"{config.name}.{MODULE}")
            found[config.label] = getattr(module, NAME, None)
    return found


def all_sections():
    return [section for section in declared().values() if isinstance(section, Section)]


def each(part):
    """Every section's items of ``part`` ("datasets", "slots"…), in app order."""
    return [item for section in all_sections() for item in getattr(section, part)]


def merged(part):
    """Every section's mapping ``part`` ("listings", "shell_pages") in one dict."""
    result = {}
    for section in all_sections():
        result.update(getattr(section, part))
    return result


# --- the start-up check -----------------------------------------------------------------------


def _error(label, message, number, hint=None):
    return checks.Error(f"{label}: {message}", hint=hint, obj=f"{label}.{MODULE}.{NAME}", id=f"sections.E{number:03}")


def _own_models(label):
    return [model for model in apps.get_app_config(label).get_models() if not model._meta.abstract]


def _item_problems(label, section):
    """What a declaration names that is not there, or is not what its part holds."""
    errors = []
    for part, dotted in Section.ITEM_TYPES.items():
        kind = import_string(dotted)
        for item in getattr(section, part):
            if not isinstance(item, kind):
                errors.append(_error(label, f"{part} holds {item!r}, not a {kind.__name__}.", 3))
                continue
            errors.extend(_error(label, f"{part}: {problem}", 4) for problem in item.problems())
    for part in ("listings", "shell_pages"):
        for key, value in getattr(section, part).items():
            page_type = key if part == "listings" else value
            if not (isinstance(page_type, type) and issubclass(page_type, models.Model)):
                errors.append(_error(label, f"{part} names {page_type!r}, which is not a model.", 4))
        if part == "listings":
            errors.extend(
                _error(label, f"the listing of {page_type.__name__} is not a function.", 4)
                for page_type, build in section.listings.items()
                if not callable(build)
            )
    for model in section.shown_models:
        if not (isinstance(model, type) and issubclass(model, models.Model)):
            errors.append(_error(label, f"shown_models names {model!r}, which is not a model.", 4))
    return errors


def _completeness(label, section):
    """What the app has that its declaration leaves out."""
    from wagtail.models import Page
    from wagtail.snippets.models import get_snippet_models

    from pages.listing import ListingPage

    own = _own_models(label)
    errors = []
    listed = merged("listings")
    for model in own:
        if issubclass(model, ListingPage) and not any(cls in listed for cls in model.__mro__):
            errors.append(
                _error(
                    label,
                    f"{model._meta.label} is a ListingPage but no listing builds its context.",
                    5,
                    hint="Name its build function in the section's listings.",
                )  # fmt: skip
            )
    shown = set(section.shown_models)
    for model in get_snippet_models():
        if model._meta.app_label == label and model not in shown:
            errors.append(
                _error(
                    label,
                    f"the snippet {model._meta.label} is not in shown_models: its edits would not reach cached pages.",
                    6,
                    hint="Add it to shown_models.",
                )  # fmt: skip
            )
    kept = {retained.model_label for retained in section.personal_data}
    for model in own:
        holds_addresses = any(isinstance(f, models.EmailField) for f in model._meta.get_fields())
        if holds_addresses and not issubclass(model, Page) and model._meta.label not in kept:
            errors.append(
                _error(
                    label,
                    f"{model._meta.label} keeps e-mail addresses but personal_data does not say when they go.",
                    7,
                    hint="Add a Retained(...) for it.",
                )  # fmt: skip
            )
    return errors


@checks.register()
def sections_are_declared_whole(app_configs, **kwargs):
    errors = []
    for label, section in declared().items():
        if not isinstance(section, Section):
            errors.append(_error(label, f"{MODULE}.py must define {NAME} = Section(...).", 1))
            continue
        errors.extend(_item_problems(label, section))
        errors.extend(_completeness(label, section))
    # An app with page types of its own and no declaration shows nowhere but at its own address.
    from pages.models import BasePage

    for config in apps.get_app_configs():
        has_pages = any(issubclass(model, BasePage) for model in _own_models(config.label))
        if has_pages and config.label not in declared():
            errors.append(
                _error(config.label, f"it has page types but no {MODULE}.py declaring what it brings to the shell.", 2)
            )
    names = {}
    for part, key in (("datasets", "name"), ("topics", "key"), ("live_data", "key")):
        for item in each(part):
            if (part, getattr(item, key)) in names:
                errors.append(_error("sections", f"two {part} are named {getattr(item, key)!r}.", 8))
            names[(part, getattr(item, key))] = True
    return errors
