"""What search engines read: /robots.txt and the sitemaps.

``/sitemap.xml`` is an index of sitemaps, one per section (a page just under
a language's home page, with everything below it; the home page is one of its
own) and language, each split into parts of at most ``SITEMAP_URLS_PER_FILE``
addresses (the protocol allows 50,000). So every file costs the same few
queries whatever the site's size: the index one grouped count, a part the
page of its rows and their twins. A part lists every real page (not an
untranslated alias, not awaiting its translation: pages.origin) the public may
see (pages.visibility), with alternates between real translations, an
x-default and its last real content change (pages.changes). Each file is kept
as written with the shell's fragments, so a publish or a new view restriction
shows at once and a visit costs the same whatever the file's size.
"""

import math

from django.conf import settings
from django.db.models import Count, Max, Q
from django.db.models.functions import Substr
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Page, Site

from pages.cache import fragments
from pages.changes import with_last_updated
from pages.listing import public
from pages.navigation import site_id
from pages.origin import in_own_words

TIMEOUT = 60 * 15
# A materialised path has 4 characters a level: the home page's is 8 long, a section's 12.
HOME, SECTION = 8, 12


def per_file():
    return settings.SITEMAP_URLS_PER_FILE


def _listed():
    return with_last_updated(public(in_own_words(Page.objects.live().filter(depth__gte=2))))


def sitemap(request):
    """The index: one entry per part of each section's sitemap in each language."""
    site = Site.find_for_request(request)
    xml = fragments.cached("sitemap-index", site_id(site), lambda: _render_index(request), timeout=TIMEOUT)
    return HttpResponse(xml, content_type="application/xml")


def _render_index(request):
    entries = [
        {
            "location": request.build_absolute_uri(reverse("sitemap-section", args=[language, slug, number])),
            "lastmod": lastmod,
        }
        for language, slug, number, lastmod in _index()
    ]
    return render_to_string("sitemap_index.xml", {"entries": entries})


def _index():
    """[(language, section slug, part number, lastmod)], in tree order."""
    groups = (
        _listed()
        .annotate(section=Substr("path", 1, SECTION))
        .values("locale__language_code", "section")
        .annotate(count=Count("pk"), lastmod=Max("last_updated_at"))
        .order_by("section")
    )
    rows = list(groups)
    # The home page's own row has its 8-character path as "section".
    slugs = dict(Page.objects.filter(path__in={row["section"] for row in rows}).values_list("path", "slug"))
    sections = {}
    for row in rows:
        key = (row["locale__language_code"], slugs[row["section"]])
        count, lastmod = sections.get(key, (0, None))
        latest = max(filter(None, [lastmod, row["lastmod"]]), default=None)
        sections[key] = (count + row["count"], latest)
    return [
        (language, slug, number, lastmod)
        for (language, slug), (count, lastmod) in sections.items()
        for number in range(1, math.ceil(count / per_file()) + 1)
    ]


# More parts than any site will have (50 million addresses at 10,000 a part):
# a larger number is not asked of the database (its offset would overflow).
MAX_PART = 5000


def section_sitemap(request, language, slug, number):
    """One part of one section's sitemap in one language, kept as written: a
    visit costs the same whatever the part's size. Only a part that exists is
    kept: a made-up address adds nothing to the cache."""
    if language not in dict(settings.LANGUAGES) or not 1 <= number <= MAX_PART:
        raise Http404("No such sitemap")
    name, site = f"sitemap/{language}/{slug}/{number}", site_id(Site.find_for_request(request))
    xml = fragments.get(name, site)
    if xml is None:
        xml = _render_part(request, language, slug, number)
        if xml is None:
            raise Http404("No such sitemap")
        fragments.put(name, site, xml, timeout=TIMEOUT)
    return HttpResponse(xml, content_type="application/xml")


def _render_part(request, language, slug, number):
    entries = _entries(request, language, slug, number)
    return None if entries is None else render_to_string("sitemap.xml", {"entries": entries})


def _in_section(language, slug):
    """A Q for the pages of this section and language, or None for no such section."""
    tops = list(
        Page.objects.filter(locale__language_code=language, depth__in=(2, 3), slug=slug).values_list("path", flat=True)
    )
    if not tops:
        return None
    within = Q()
    for path in tops:
        within |= Q(path=path) if len(path) == HOME else Q(path__startswith=path)
    return Q(locale__language_code=language) & within


def _entries(request, language, slug, number):
    within = _in_section(language, slug)
    if within is None or number < 1:
        return None
    size = per_file()
    fields = ("path", "url_path", "translation_key", "locale__language_code", "last_published_at")
    pages = list(
        _listed()
        .filter(within)
        .select_related("locale")
        .only(*fields)
        .order_by("path")[(number - 1) * size : number * size]
    )
    if not pages:
        return None
    # The real translations of these pages, in one query.
    twins = {}
    found = _listed().filter(translation_key__in={page.translation_key for page in pages})
    for twin in found.select_related("locale").only(*fields).order_by("path"):
        twins.setdefault(twin.translation_key, []).append((twin.locale.language_code, twin.get_full_url(request)))
    entries = []
    for page in pages:
        alternates = twins.get(page.translation_key, [])
        default = next((url for code, url in alternates if code == "en"), alternates[0][1] if alternates else None)
        entries.append(
            {
                "location": page.get_full_url(request),
                "lastmod": page.last_updated_at,  # pages.changes: its last real content change
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
