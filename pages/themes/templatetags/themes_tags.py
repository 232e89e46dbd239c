from django import template
from django.template.loader import render_to_string

from pages.cache import fragments
from pages.themes import lookups

register = template.Library()


@register.simple_tag(takes_context=True)
def theme_chips(context, page):
    """The page's themes, each a link to its theme's page in the reader's
    language, kept with the fragments (a preview shows the draft's own)."""
    themes = fragments.cached(f"theme-chips:{page.pk}", 0, lambda: lookups.page_themes(page))
    return render_to_string("themes/includes/chips.html", {"themes": themes})
