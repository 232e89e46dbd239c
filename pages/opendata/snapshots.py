"""A dataset's rows in the active language, cached with the pages, and the
record of its versions.

The rows are kept in the shell's fragments (pages.cache.fragments), whose
generation every content change replaces in the change's own transaction
(pages.cache.receivers): a dataset is exactly as current as the pages that
show the same rows, in every worker. When a rebuilt dataset differs from the
last recorded version, a DatasetChange is written: its time is the dataset's
Last-Modified and the Data page's "what changed" list. Versions are therefore
noticed at the first build after a change (a visit to the Data page or a
download), not at the editor's click.
"""

import hashlib
import json

from django.apps import apps
from django.utils import timezone
from django.utils.translation import get_language

from pages.cache import fragments
from pages.navigation import site_for, site_id


def _hash(value):
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _row_hashes(dataset, rows):
    names = [column.name for column in dataset.columns]
    key_positions = [names.index(name) for name in dataset.key] if dataset.key else range(len(names))
    return {_hash([row[i] for i in key_positions])[:16]: _hash(row)[:16] for row in rows}


def _record(dataset, rows, digest):
    changes = apps.get_model("opendata", "DatasetChange").objects
    language = get_language()
    latest = changes.filter(dataset=dataset.name, language=language).order_by("-at", "-pk").first()
    if latest is not None and latest.digest == digest:
        return latest.at
    hashes = _row_hashes(dataset, rows)
    before = latest.row_hashes if latest is not None else {}
    change = changes.create(
        dataset=dataset.name,
        language=language,
        digest=digest,
        at=timezone.now(),
        rows=len(rows),
        added=len(hashes.keys() - before.keys()),
        removed=len(before.keys() - hashes.keys()),
        changed=sum(1 for key in hashes.keys() & before.keys() if hashes[key] != before[key]),
        first=latest is None,
        row_hashes=hashes,
    )
    return change.at


def snapshot(dataset, request):
    """{"rows": [tuple, …], "digest": str, "changed_at": datetime} for the active language."""

    site = site_id(site_for(request))
    timeout = dataset.timeout or fragments.TIMEOUT

    def build():
        rows = [tuple(row) for row in dataset.rows(request)]
        digest = _hash(rows)
        current = {"rows": rows, "digest": digest, "changed_at": _record(dataset, rows, digest)}
        # The summary follows every rebuild, so it never outlives the rows it describes.
        fragments.put(_summary_name(dataset), site, _summary_of(current), timeout=timeout)
        return current

    return fragments.cached(f"dataset:{dataset.name}", site, build, timeout=timeout)


def _summary_name(dataset):
    return f"dataset-summary:{dataset.name}"


def _summary_of(current):
    return {"count": len(current["rows"]), "changed_at": current["changed_at"]}


def recent_changes(language, limit=10):
    changes = apps.get_model("opendata", "DatasetChange").objects
    return list(changes.filter(language=language).order_by("-at", "-pk").defer("row_hashes")[:limit])


def summary(dataset, request):
    """{"count": int, "changed_at": datetime} of ``snapshot`` without its rows:
    kept beside them, so the Data page reads a few numbers instead of
    unpickling every dataset's rows on each visit."""
    site = site_id(site_for(request))
    found = fragments.get(_summary_name(dataset), site)
    if found is None:  # the rows are kept but their summary was evicted
        found = _summary_of(snapshot(dataset, request))
        fragments.put(_summary_name(dataset), site, found, timeout=dataset.timeout or fragments.TIMEOUT)
    return found
