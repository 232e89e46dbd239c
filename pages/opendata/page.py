"""What the Data page shows of each dataset: description, columns, licence,
row count, last change and download links, and the list of recent changes:
the datasets' new versions and the corrections of the pages they come from."""

import datetime
import hashlib

from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.cache import fragments, routing
from pages.changes import public_corrections
from pages.listing import public
from pages.navigation import site_for, site_id
from pages.navigation.localized import active_locale
from pages.opendata import limits, registry
from pages.opendata.snapshots import recent_changes, snapshot

# Two examples on the Data page (pages/opendata/tests/test_open_api.py checks that both answer).
API_EXAMPLES = [
    (_("The demonstration parks' pages in Vietnamese:"), "/api/v2/pages/?locale=vi&type=parks.ParkPage"),
    (_("News articles in English, ten at a time (the second ten):"),
     "/api/v2/pages/?locale=en&type=news.NewsPage&limit=10&offset=10"),
]  # fmt: skip


def api_context(request):
    site = site_for(request)
    root = site.root_url if site else ""
    return {
        "api_root": f"{root}/api/v2/",
        "api_examples": [(text, root + path) for text, path in API_EXAMPLES],
        "api_rate_limit": limits.RATE_LIMIT,
        "api_limit_max": settings.WAGTAILAPI_LIMIT_MAX,
    }


def _shown_on(dataset, request):
    """The live, public page of this language that shows the dataset's rows, or None
    (kept with the fragments: a publish or a move drops it)."""
    if not dataset.shown_on:
        return None

    def find():
        model = apps.get_model(dataset.shown_on)
        page = public(model.objects.live().filter(locale=active_locale())).first()
        return {"title": page.title, "url": page.relative_url(site, request)} if page else {}

    site = routing.cached_site(request)
    return fragments.cached(f"dataset-shown-on:{dataset.name}", site_id(site), find) or None


def corrections(request, limit=10):
    """The newest corrections of the public pages the datasets come from
    (``Dataset.pages``), each with the titles of the datasets it concerns."""
    fed_by = {}
    for dataset in registry.all_datasets():
        for label in dataset.pages:
            fed_by.setdefault(label, []).append(str(dataset.title))
    rows = public_corrections([apps.get_model(label) for label in fed_by], active_locale().pk, limit)
    zone = timezone.get_current_timezone()
    return [
        {
            "at": datetime.datetime.combine(row.date, datetime.time.min, tzinfo=zone),
            "correction": {"date": row.date, "text": row.text},
            "title": ", ".join(fed_by[row.shown_page._meta.label]),
            "page": {"title": row.shown_page.title, "url": row.shown_page.get_url(request)},
        }
        for row in rows
    ]


def datasets_context(request, language):
    datasets = []
    for dataset in registry.all_datasets():
        current = snapshot(dataset, request)
        datasets.append(
            {
                "name": dataset.name,
                "title": dataset.title,
                "description": dataset.description,
                "columns": dataset.columns,
                "count": len(current["rows"]),
                "changed_at": current["changed_at"],
                "shown_on": _shown_on(dataset, request),
                "downloads": [
                    (fmt.upper(), reverse("dataset", kwargs={"name": dataset.name, "fmt": fmt}))
                    for fmt in registry.FORMATS
                ],
            }
        )
    titles = {dataset.name: dataset.title for dataset in registry.all_datasets()}
    # Keyed by the versions just read: a version recorded since is in the list.
    versions = hashlib.sha1("".join(str(d["changed_at"]) for d in datasets).encode(), usedforsecurity=False)
    changes = fragments.cached(f"dataset-changes:{versions.hexdigest()}", 0, lambda: recent_changes(language))
    entries = [
        {"at": change.at, "change": change, "title": titles.get(change.dataset, change.dataset)} for change in changes
    ]
    # Kept with the fragments, which every publish (and so every new correction) drops.
    entries += fragments.cached("dataset-corrections", site_id(site_for(request)), lambda: corrections(request))
    return {
        "datasets": datasets,
        "changes": sorted(entries, key=lambda entry: entry["at"], reverse=True),
        "licence": registry.LICENCE,
        **api_context(request),
    }
