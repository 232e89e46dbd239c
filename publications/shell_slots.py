"""Latest publications on the home page (pages.slots)."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pages import slots
from pages.cache import fragments
from pages.listing import public
from pages.localized import active_locale

from .models import PublicationPage


@slots.register("home", "publications/includes/home_latest.html", order=20)
def home_latest(request):
    def build():
        latest = public(PublicationPage.objects.live().filter(locale_id=active_locale().pk)).order_by(
            "-publication_date", "-pk"
        )[:3]
        return {
            "publications": [
                {"title": p.title, "url": p.url, "date": p.publication_date, "reference": p.reference} for p in latest
            ]
        }

    return fragments.cached("home-latest-publications", 0, build)


@slots.register("park", "includes/related_list.html", order=20)
def park_publications(request, park):
    def build():
        publications = public(
            PublicationPage.objects.live().filter(
                locale_id=park.locale_id, park_links__park__translation_key=park.translation_key
            )
        ).distinct()
        items = [
            {"title": p.title, "url": p.url, "meta": date_format(p.publication_date)}
            for p in publications.order_by("-publication_date")[:6]
        ]
        return {"key": "publications", "heading": _("Publications about this park"), "items": items}

    return fragments.cached(f"park-publications:{park.pk}", 0, build)
