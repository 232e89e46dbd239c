"""Loading many pages at once (seed_demo) without Wagtail's per-save work.

After every save Wagtail updates its reference index and its search index, and
the site renders the page and its listing to make image renditions
(pages.operations.renditions). Over the ~1,900 saves of seed_demo that was most of the
first run; inside ``deferred()`` none of it happens, and ``rebuild_indexes()``
then builds both indexes once, from what is in the database. On SQLite, the
~1,000 commits of a seed also stop waiting for the disk (see _fast_commits).
"""

import io
from contextlib import contextmanager

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import override_settings
from wagtail.signal_handlers import disable_reference_index_auto_update

from pages.operations import renditions


@contextmanager
def deferred():
    backends = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).items()
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), disable_reference_index_auto_update():
        with renditions.deferred(), _fast_commits():
            yield


@contextmanager
def _fast_commits():
    """SQLite only, this connection only: commit without waiting for the disk.
    A power cut during a seed may lose the seed's last pages (run it again);
    the file stays consistent, and the setting ends with the block."""
    # SQLite refuses the change inside a transaction (e.g. a test's).
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous")
        (before,) = cursor.fetchone()
        cursor.execute("PRAGMA synchronous = OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA synchronous = {int(before)}")


def rebuild_indexes():
    """The reference index (usage counts, "used by") and the admin's search index."""
    call_command("rebuild_references_index", stdout=io.StringIO())
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
