"""What a park's page lists of the pages linked to it (events, publications,
news): one helper, so every section's list is found, ordered and cached alike."""

from pages.cache import fragments
from pages.navigation.slots import kept

SHOWN = 6


def park_list(key, heading, listed, via, newest_first, meta, order, timeout=fragments.TIMEOUT):
    """A slot for a section's declaration (pages.sections): each park's page
    shows the newest pages ``listed(locale_id)`` that link to the park through
    ``via`` (e.g. ``park_links__park``), in the park's language.

    ``heading`` is a lazy translation; ``meta(page)`` is the line under a title.
    """

    def get_context(request, park):
        def build():
            pages = listed(park.locale_id).filter(**{f"{via}__translation_key": park.translation_key}).distinct()
            items = [{"title": p.title, "url": p.url, "meta": meta(p)} for p in pages.order_by(newest_first)[:SHOWN]]
            return {"key": key, "heading": str(heading), "items": items}

        return fragments.cached(f"park-{key}:{park.pk}", 0, build, timeout=timeout)

    return kept("park", "includes/related_list.html", f"park-{key}-html", get_context, order, timeout)
