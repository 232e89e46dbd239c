"""What each app brings to the shell, declared once, in one shape.

An app that plugs into the shell (a section such as news or events, or one of
the shell's own rooms such as e-mail updates) has a module ``section.py``
holding ``SECTION = Section(...)``: its listings, open datasets, e-mail update
topics, slots in the shell (home page, footer, page head, and lists on each
park's page), demo seeders, live data for page bodies, the personal data it
keeps and for how long, the models whose changes show on public pages, its
steps in the publish pipeline, the page types the shell links to by role, and
the shapes of the previous websites' addresses that lead to its pages, and
what the importer may make from a spreadsheet. The shell discovers every
installed app's declaration (INSTALLED_APPS order) and each of its registries
reads its own part from here; nothing else registers anything.

At start-up a system check (pages.section_checks) refuses a declaration that
is incomplete or names something missing, so a forgotten part fails
``manage.py check`` (and every test run) rather than silently disappearing.
"""

import functools
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule

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
    # pages.old_addresses.OldAddress: the shapes of the previous websites' addresses
    # (``article/<n>``) and the page, with a note, where those no redirect knows lead.
    old_addresses: tuple = ()
    imports: tuple = ()  # pages.importer.kinds.Kind: what a spreadsheet may bring in (manage.py import_content)

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
        "old_addresses": "pages.old_addresses.OldAddress",
        "imports": "pages.importer.kinds.Kind",
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
