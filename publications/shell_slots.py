"""Latest publications on the home page (pages.navigation.slots)."""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from pages.navigation import slots
from pages.navigation.localized import active_locale
from parks.related import register_park_list

from .models import publications_in


@slots.cached("home", "publications/includes/home_latest.html", "home-latest-publications", order=20)
def home_latest():
    latest = publications_in(active_locale().pk).order_by("-publication_date", "-pk")[:3]
    return {
        "publications": [
            {"title": p.title, "url": p.url, "date": p.publication_date, "reference": p.reference} for p in latest
        ]
    }


park_publications = register_park_list(
    "publications",
    _("Publications about this park"),
    publications_in,
    via="park_links__park",
    newest_first="-publication_date",
    meta=lambda publication: date_format(publication.publication_date),
    order=20,
)
