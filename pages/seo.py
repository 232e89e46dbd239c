"""What search engines read: /sitemap.xml with hreflang alternates, /robots.txt."""

from collections import defaultdict

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Page, Site

from pages.cache import fragments
from pages.changes import with_last_updated
from pages.listing import public
from pages.navigation import site_id
from pages.origin import in_own_words


def sitemap(request):
    """Every live page of both languages that is a real page (not an untranslated
    alias), with alternates between real translations and an x-default. Cached
    with the shell, so a publish or a new view restriction shows at once."""
    site = Site.find_for_request(request)
    entries = fragments.cached("sitemap", site_id(site), lambda: _entries(request), timeout=60 * 15)
    return TemplateResponse(request, "sitemap.xml", {"entries": entries}, content_type="application/xml")


def _entries(request):
    pages = with_last_updated(public(in_own_words(Page.objects.live().filter(depth__gte=2)))).select_related("locale")
    groups = defaultdict(list)
    for page in pages.order_by("path"):
        groups[page.translation_key].append(page)
    entries = []
    for twins in groups.values():
        alternates = [(twin.locale.language_code, twin.get_full_url(request)) for twin in twins]
        default = next((url for code, url in alternates if code == "en"), alternates[0][1])
        for twin in twins:
            entries.append(
                {
                    "location": twin.get_full_url(request),
                    "lastmod": twin.last_updated_at,  # pages.changes: its last real content change
                    "alternates": alternates if len(alternates) > 1 else [],
                    "x_default": default if len(alternates) > 1 else None,
                }
            )
    return entries


def robots(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /en/search/",
        "Disallow: /vi/search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
