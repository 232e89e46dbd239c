"""What the Data page shows of each dataset: description, columns, licence,
row count, last change and download links, and the list of recent changes:
the datasets' new versions and the corrections of the pages they come from."""

import datetime
import hashlib

from django.apps import apps
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from pages.cache import fragments, routing
from pages.changes import public_corrections
from pages.listing import public
from pages.navigation import site_for, site_id
from pages.navigation.localized import active_locale
from pages.opendata import limits, registry
from pages.opendata.snapshots import recent_changes, summary

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
    """The Data page's datasets and "what changed", as HTML kept with the
    fragments under the datasets' versions (a new version, and every publish,
    puts it out of reach): the page renders some sixty translated labels per
    dataset, the same for every visitor of a language."""
    datasets = []
    for dataset in registry.all_datasets():
        current = summary(dataset, request)
        datasets.append(
            {
                "name": dataset.name,
                "title": dataset.title,
                "description": dataset.description,
                "columns": dataset.columns,
                "count": current["count"],
                "changed_at": current["changed_at"],
                "shown_on": _shown_on(dataset, request),
                "downloads": [
                    (fmt.upper(), reverse("dataset", kwargs={"name": dataset.name, "fmt": fmt}))
                    for fmt in registry.FORMATS
                ],
            }
        )
    # Keyed by the versions just read: a version recorded since is in the list.
    versions = hashlib.sha1(
        "".join(f"{d['name']}:{d['count']}:{d['changed_at']}" for d in datasets).encode(), usedforsecurity=False
    ).hexdigest()

    def render():
        titles = {dataset.name: dataset.title for dataset in registry.all_datasets()}
        changes = [
            {"at": change.at, "change": change, "title": titles.get(change.dataset, change.dataset)}
            for change in recent_changes(language)
        ]
        changes += corrections(request)
        changes.sort(key=lambda entry: entry["at"], reverse=True)
        context = {"datasets": datasets, "changes": changes, "licence": registry.LICENCE}
        return tuple(
            render_to_string(f"opendata/includes/{part}.html", context, request=request)
            for part in ("datasets", "dataset_changes")
        )

    datasets_html, changes_html = fragments.cached(f"data-page-html:{versions}", site_id(site_for(request)), render)
    return {
        "datasets_html": mark_safe(datasets_html),  # noqa: S308 - autoescaped templates
        "changes_html": mark_safe(changes_html),  # noqa: S308
        "licence": registry.LICENCE,
        **api_context(request),
    }
