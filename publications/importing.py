"""What the importer may make in publications (pages.importer): documents
under a publication category, with their type, date, files, themes and parks."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pages.importer.columns import DATE, Column
from pages.importer.kinds import Kind
from pages.themes.models import Theme
from parks.models import ParkPage

from .models import PublicationCategoryPage, PublicationPage

COLUMNS = (
    Column(
        "publication_type",
        format_lazy("{} {}.", _("Publications only, one of:"), ", ".join(PublicationPage.Type.values)),
    ),
    DATE,
    Column(
        "file_en",
        _("Publications only: the English file, a path in the import folder or an https:// address."),
    ),
    Column("file_vi", _("Publications only: the Vietnamese file, in the same way.")),
)


def read(cells):
    return {
        "publication_type": cells.choice("publication_type", dict(PublicationPage.Type.choices), required=True),
        "publication_date": cells.date("date", required=True),
    }


KIND = Kind(
    name="publications",
    label=_("publication"),
    page_model=PublicationPage,
    category_model=PublicationCategoryPage,
    read=read,
    date_field="publication_date",
    columns=COLUMNS,
    files={"file_en": "file_en", "file_vi": "file_vi"},
    parks=("park_links", "park", ParkPage),
    themes=("themes", None, Theme),
)
