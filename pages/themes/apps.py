from django.apps import AppConfig


class ThemesConfig(AppConfig):
    """Themes across the sections (water, energy…), a room of the shell: the
    bilingual list, the mixin every themed page type takes, the theme pages and
    the theme filter every listing offers. It builds on the shell (pages) and
    never imports a section: themed page types are found by their mixin."""

    name = "pages.themes"
    label = "themes"
    verbose_name = "Themes"
