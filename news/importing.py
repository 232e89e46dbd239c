"""What the importer may make in news (pages.importer): articles under a news
category, dated, with their themes (the "topics" column) and the parks they are about."""

from django.utils.translation import gettext_lazy as _

from pages.importer.columns import DATE, Column
from pages.importer.kinds import Kind
from pages.themes.models import Theme
from parks.models import ParkPage

from .models import NewsCategoryPage, NewsPage

TOPICS = Column("topics", _("News only: its themes, by their slugs, separated by ;"))


def read(cells):
    date, _date_only = cells.moment("date", required=True)
    return {"date": date}


KIND = Kind(
    name="news",
    label=_("news article"),
    page_model=NewsPage,
    category_model=NewsCategoryPage,
    read=read,
    date_field="date",
    columns=(DATE, TOPICS),
    parks=("related_links", "related", ParkPage),
    topics=("themes", None, Theme),
)
