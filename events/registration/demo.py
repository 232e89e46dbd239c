"""Registration switched on for two of the demo's upcoming events, so a fresh
install shows it: the training with 40 places, the workshop nearly full (three
places, two taken by clearly marked example registrants, a waiting list).

The settings are given when events.demo creates the English page (so the
Vietnamese translation copies them and stays current); the example registrants
are added afterwards."""

from wagtail.models import Locale

from ..models import EventPage
from . import seats

OPEN = {
    # English slug: (places, example registrants)
    "training-eip-criteria-upcoming": (40, 0),
    "industrial-symbiosis-workshop-tra-noc-upcoming": (3, 2),
}


def settings_for(slug):
    """The registration fields of the demo event with this English slug (none for the others)."""
    if slug not in OPEN:
        return {}
    places, _examples = OPEN[slug]
    return {
        "registration_enabled": True,
        "capacity": places,
        "waiting_list": True,
        "registration_url": "",
        "ask_organisation": True,
        "ask_position": True,
        "ask_needs": True,
    }


def seed_registrations():
    english = Locale.get_default()
    for slug, (_places, examples) in OPEN.items():
        event = EventPage.objects.filter(locale=english, slug=slug, registration_enabled=True).first()
        if event is None or event.registrations.exists():
            continue
        for number in range(1, examples + 1):
            seats.register(
                event,
                name=f"Example registrant {number}",
                email=f"example-registrant-{number}@example.org",
                organisation="Example organisation (demo data)",
            )
