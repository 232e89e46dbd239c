"""What themes bring to the shell (pages.sections): the theme list whose edits
show on every themed page and listing, and the demo's themes and themes page."""

from pages.demo.registry import Seeder
from pages.sections import Section

from .models import Theme

SECTION = Section(
    shown_models=(Theme,),
    # Before the sections' demo content (parks: 20), which sets themes on its items.
    demo=(Seeder("pages.themes.demo.seed_themes", order=10),),
)
