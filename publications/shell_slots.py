"""Latest publications on the home page (slots declared in its section)."""

from pages.navigation.localized import active_locale

from .models import publications_in


def home_latest():
    latest = publications_in(active_locale().pk).order_by("-publication_date", "-pk")[:3]
    return {
        "publications": [
            {"title": p.title, "url": p.url, "date": p.publication_date, "reference": p.reference} for p in latest
        ]
    }
