"""Registration switched on for two of the demo's upcoming events, so a fresh
install shows it: the training with 40 places, the workshop nearly full (three
places, two taken by clearly marked example registrants, a waiting list)."""

from wagtail.models import Locale

from pages.demo_registry import register

from ..models import EventPage
from . import seats

OPEN = {
    # English slug: (places, example registrants)
    "training-eip-criteria-upcoming": (40, 0),
    "industrial-symbiosis-workshop-tra-noc-upcoming": (3, 2),
}


@register(order=31)
def seed_registrations():
    english = Locale.get_default()
    for slug, (places, examples) in OPEN.items():
        event = EventPage.objects.filter(locale=english, slug=slug).first()
        if event is None or event.registration_enabled:
            continue
        # Both languages' pages: registration settings are the same event's.
        for page in EventPage.objects.filter(translation_key=event.translation_key):
            page.registration_enabled = True
            page.capacity = places
            page.waiting_list = True
            page.registration_url = ""
            page.ask_organisation = page.ask_position = page.ask_needs = True
            page.save_revision().publish()
        event.refresh_from_db()
        for number in range(1, examples + 1):
            seats.register(
                event,
                name=f"Example registrant {number}",
                email=f"example-registrant-{number}@example.org",
                organisation="Example organisation (demo data)",
            )
