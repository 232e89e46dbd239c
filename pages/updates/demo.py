"""`seed_demo`'s e-mail updates page (declared in pages.updates.section)."""

from wagtail.models import Locale

from pages.demo import content, ensure_page, translate_once
from pages.models import HomePage
from pages.updates.models import SubscribePage


def seed_updates_page():
    """E-mail updates: linked from every footer and the section listings, not the menu."""
    home = HomePage.objects.get(locale=Locale.get_default())
    page = ensure_page(home, SubscribePage, show_in_menus=False, **content.SUBSCRIBE)
    translate_once(page, content.glossary)
