"""The start-up check of the sections' declarations (pages.sections): it
refuses one that is incomplete (a listing page type, a snippet or a model
holding e-mail addresses that the app's declaration leaves out) or names
something missing (a template, a model, a demo function, an unknown slot)."""

from django.apps import apps
from django.core import checks
from django.db import models
from django.utils.module_loading import import_string
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from pages import sections
from pages.listing import ListingPage
from pages.models import BasePage
from pages.sections import MODULE, NAME, Section


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
    own = _own_models(label)
    errors = []
    listed = sections.merged("listings")
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
    for label, section in sections.declared().items():
        if not isinstance(section, Section):
            errors.append(_error(label, f"{MODULE}.py must define {NAME} = Section(...).", 1))
            continue
        errors.extend(_item_problems(label, section))
        errors.extend(_completeness(label, section))
    # An app with page types of its own and no declaration shows nowhere but at its own address.
    for config in apps.get_app_configs():
        has_pages = any(issubclass(model, BasePage) for model in _own_models(config.label))
        if has_pages and config.label not in sections.declared():
            errors.append(
                _error(config.label, f"it has page types but no {MODULE}.py declaring what it brings to the shell.", 2)
            )
    names = {}
    named = [("datasets", "name"), ("topics", "key"), ("live_data", "key")]
    named += [("old_addresses", "key"), ("imports", "name")]
    for part, key in named:
        for item in sections.each(part):
            if (part, getattr(item, key)) in names:
                errors.append(_error("sections", f"two {part} are named {getattr(item, key)!r}.", 8))
            names[(part, getattr(item, key))] = True
    return errors
