"""The addresses of the websites this one replaces: eip-vietnam.org (English,
with some pages in Vietnamese) and khucongnghiepsinhthai-vietnam.vn
(Vietnamese). A request meets three layers, in this order:

1. Old hosts (``OLD_HOSTS``, ``OLD_VIETNAMESE_HOSTS``): ``OldHostMiddleware``,
   first in the chain, answers every request for those names with a 301 to the
   same path and query string here (``WAGTAILADMIN_BASE_URL``), the Vietnamese
   site's paths under ``/vi/``. Nothing else is served on those names, and they
   never reach host validation (they are not in ALLOWED_HOSTS).
2. Known addresses: Wagtail's Redirects (old path → page, permanent), which
   staff manage, import and export as CSV under Settings → Redirects; the
   demo's come from facts (news/demo.py, events/demo.py). A redirect to a page
   follows the page when it moves, and the page's edit view lists it
   (``panels.OldAddressesPanel``).
3. An old-style address that no redirect knows: ``FallbackMiddleware`` sends
   it (302: a redirect may be added later) to its section's page in the right
   language, with a short note in that language (``?old-site=<key>``). Each
   section declares the shapes of its old addresses (``Section.old_addresses``,
   ``OldAddress``). An address of no known shape stays a 404.
"""

import functools
import re
from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Page

from pages import sections

# The query parameter that asks a section's page for its note. Its value only
# chooses among the declared notes: nothing a visitor types is shown.
PARAMETER = "old-site"
KEY = re.compile(r"[a-z][a-z-]*")


@dataclass(frozen=True)
class OldAddress:
    key: str  # the value of ?old-site= (lower-case letters and hyphens)
    pattern: str  # the old path after the host and an optional /en/ or /vi/, e.g. r"article/\d+"
    page_type: type  # where such an address leads: the first public page of this type in the language
    note: str  # shown on that page, in the reader's language (a lazy translation)

    def problems(self):
        found = []
        if not KEY.fullmatch(self.key):
            found.append(f"the old-address key {self.key!r} must be lower-case letters and hyphens.")
        try:
            re.compile(self.pattern)
        except re.error as error:
            found.append(f"the old-address pattern {self.pattern!r} is not a regular expression ({error}).")
        if not (isinstance(self.page_type, type) and issubclass(self.page_type, Page)):
            found.append(f"old address {self.key!r} leads to {self.page_type!r}, which is not a page model.")
        if not str(self.note).strip():
            found.append(f"old address {self.key!r} has no note.")
        return found

    def target(self, language):
        """The page such an address leads to in ``language``: the shallowest
        public page of ``page_type`` there (its section's index), or None."""
        from pages.visibility import public

        pages = self.page_type.objects.filter(locale__language_code=language)
        return public(pages).order_by("depth", "path").first()


def languages():
    return [code for code, _name in settings.LANGUAGES]


@functools.cache
def _patterns():
    prefix = "|".join(re.escape(code) for code in languages())
    return [
        (re.compile(rf"/(?:(?P<language>{prefix})/)?(?:{address.pattern})/?"), address)
        for address in sections.each("old_addresses")
    ]


def match(path):
    """(OldAddress, language) for an old-style ``path``, or None. A path with no
    language prefix was the English site's (eip-vietnam.org); the Vietnamese
    site's arrive under /vi/ (OldHostMiddleware)."""
    for pattern, address in _patterns():
        found = pattern.fullmatch(path)
        if found:
            return address, found.group("language") or settings.LANGUAGE_CODE
    return None


def note_for(request, page):
    """The note for ``page`` when the visitor was sent to it from an old
    address (``?old-site=<key>`` naming an address that leads to its type), else None."""
    key = request.GET.get(PARAMETER) if request is not None else None
    if not key:
        return None
    for address in sections.each("old_addresses"):
        if address.key == key and isinstance(page, address.page_type):
            return address.note
    return None


def old_hosts():
    """{host name: language prefix ("" for the English site's, "vi")} of the old websites."""
    hosts = {host.lower().rstrip("."): "" for host in settings.OLD_HOSTS}
    hosts.update({host.lower().rstrip("."): "vi" for host in settings.OLD_VIETNAMESE_HOSTS})
    return hosts


def ensure_redirect(old_path, page):
    """A permanent redirect from ``old_path`` to ``page`` (the demo's known
    addresses), unless one from that path exists (staff may have changed it)."""
    from wagtail.contrib.redirects.models import Redirect

    path = Redirect.normalise_path(old_path)
    if not Redirect.objects.filter(old_path=path, site=None).exists():
        Redirect.add_redirect(path, redirect_to=page, is_permanent=True)
