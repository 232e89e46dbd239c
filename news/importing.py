"""What the importer may make in news (pages.importer): articles under a news
category, dated, with their themes and the parks they are about."""

from django.utils.translation import gettext_lazy as _

from pages.importer.columns import DATE
from pages.importer.kinds import Kind
from pages.themes.models import Theme
from parks.models import ParkPage

from .models import NewsCategoryPage, NewsPage


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
    columns=(DATE,),
    parks=("related_links", "related", ParkPage),
    themes=("themes", None, Theme),
)
