"""Latest publications on the home page (pages.slots)."""

from django.utils.translation import get_language

from pages import fragments, slots
from pages.listing import public

from .models import PublicationPage


@slots.register("home", "publications/includes/home_latest.html", order=20)
def home_latest(request):
    def build():
        latest = public(PublicationPage.objects.live().filter(locale__language_code=get_language())).order_by(
            "-publication_date", "-pk"
        )[:3]
        return {
            "publications": [
                {"title": p.title, "url": p.url, "date": p.publication_date, "reference": p.reference} for p in latest
            ]
        }

    return fragments.cached("home-latest-publications", 0, build)
