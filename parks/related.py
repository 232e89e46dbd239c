"""What a park's page lists of the pages linked to it (events, publications,
news): one helper, so every section's list is found, ordered and cached alike."""

from pages.cache import fragments
from pages.navigation import slots

SHOWN = 6


def register_park_list(key, heading, listed, via, newest_first, meta, order, timeout=fragments.TIMEOUT):
    """Show on each park's page the newest pages ``listed(locale_id)`` that link to
    the park through ``via`` (e.g. ``park_links__park``), in the park's language.

    ``heading`` is a lazy translation; ``meta(page)`` is the line under a title.
    """

    def park_list(request, park):
        def build():
            pages = listed(park.locale_id).filter(**{f"{via}__translation_key": park.translation_key}).distinct()
            items = [{"title": p.title, "url": p.url, "meta": meta(p)} for p in pages.order_by(newest_first)[:SHOWN]]
            return {"key": key, "heading": str(heading), "items": items}

        return fragments.cached(f"park-{key}:{park.pk}", 0, build, timeout=timeout)

    slots.register("park", "includes/related_list.html", order=order, name=f"park-list:{key}")(park_list)
    return park_list
