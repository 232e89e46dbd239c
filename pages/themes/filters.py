"""The theme filter every listing offers: ``?theme=<slug>`` in the reader's
language, choices only among themes the listing has public items on."""

from django.utils.translation import gettext as _

from pages.cache import fragments
from pages.navigation.localized import active_locale

from . import lookups


def listing_options(name, pages):
    """The theme choices of the listing ``name`` whose public items are
    ``pages()``: kept with the fragments like the other filters' choices (a
    short life: an item dated ahead brings its themes on its date)."""
    keys = fragments.cached(f"theme-keys:{name}", 0, lambda: sorted(map(str, lookups.keys_on(pages()))), timeout=120)
    return lookups.options(active_locale(), {str(key) for key in keys})


def unknown_notice(request, chosen):
    """The visitor's message when ``?theme=`` names no theme offered here, or None."""
    value = request.GET.get("theme", "").strip()
    if not value or chosen is not None:
        return None
    return _("“%(theme)s” is not a theme with items here, so everything is shown. Choose a theme from the list.") % {
        "theme": value[:80]
    }


def apply(filters, options, via="themes"):
    """Filter a listing's ``pages.listing.Filters`` by theme; returns the
    context the filter's template needs (choices, the notice for a bad value)."""
    chosen = filters.linked("theme", options, via=via, key="slug")
    return {"themes": options, "theme_notice": unknown_notice(filters.request, chosen)}
