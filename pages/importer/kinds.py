"""What a section lets the importer make: ``Section(imports=(Kind(...),))``.

A kind names its page type and the category page type it lives under, reads
its own columns into the page's values, and says where its texts, parks,
themes and files go. The importer does the rest the same way for every kind:
titles, summaries and bodies in both languages, the translation, old addresses.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from wagtail.models import Page

from pages import sections


@dataclass(frozen=True)
class Kind:
    name: str  # the value of the "kind" column: "news"
    label: str  # what one item is called, e.g. "news article"
    page_model: type  # the item's page type
    category_model: type  # the page type it is created under
    # read(cells) -> {page field: value}: the kind's own columns, values the
    # same in both languages; cells.refuse() records what is wrong.
    read: Callable
    date_field: str  # the value of read() that dates the item (with the title, its identity)
    columns: tuple = ()  # its own columns (pages.importer.columns.Column), in the template's order
    # {column stem: page field}: texts in both languages beyond the title, summary and
    # body, e.g. {"location": "venue"} reads location_en and location_vi.
    texts: dict = field(default_factory=dict)
    # (relation, field, park page type): the page's links to demonstration parks
    # (the "parks" column), its rows' field that names the park, and the park's type.
    parks: tuple = ()
    # (relation, field, snippet model) when the "themes" column applies; field
    # None for a many-to-many field of the snippets themselves (("themes", None, Theme)).
    themes: tuple = ()
    # {column: page field} of documents: a path in the import folder or an http(s) address.
    files: dict = field(default_factory=dict)

    def problems(self):
        found = []
        for name in ("page_model", "category_model"):
            model = getattr(self, name)
            if not (isinstance(model, type) and issubclass(model, Page)):
                found.append(f"the import kind {self.name!r}: {name} is not a page type.")
        if not callable(self.read):
            found.append(f"the import kind {self.name!r}: read is not a function.")
        if found:
            return found
        page_fields = {f.name for f in self.page_model._meta.get_fields()}
        relations = [part[0] for part in (self.parks, self.themes) if part]
        for name in [*self.texts.values(), *self.files.values(), *relations, self.date_field]:
            if name not in page_fields:
                found.append(
                    f"the import kind {self.name!r} names {name!r}, not a field of {self.page_model.__name__}."
                )
        for part, name in ((self.parks, "parks"), (self.themes, "themes")):
            if part and not (isinstance(part[2], type) and issubclass(part[2], models.Model)):
                found.append(f"the import kind {self.name!r}: its {name} are not a model.")
        return found


def kinds():
    """{name: Kind} that the installed sections declare, in app order."""
    return {kind.name: kind for kind in sections.each("imports")}
