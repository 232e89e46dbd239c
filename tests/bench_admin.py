"""`make bench-admin`: the admin's everyday screens at the demo's size and at
about 100× its content, measured in-process with Django's test client.

Seeds a throw-away database (tests/servers.py: a SQLite file, or a fresh
PostgreSQL database when DATABASE_URL points at PostgreSQL), times each screen
for a superuser and for a Moderator (the median of BENCH_ADMIN_ROUNDS after a
warm-up visit), grows the content (``grow``: articles, publications and past
events, each with its Vietnamese twin, tracked by wagtail-localize), times
them again and prints demo vs grown time, the grown answer's size and queries,
and the ratio. Target: every screen within 1.5× of its demo time; the exit
status is 1 when one is missed. Timings belong here, never in the test suite.
"""

import datetime
import os
import statistics
import sys
import time
from contextlib import contextmanager

ROUNDS = int(os.environ.get("BENCH_ADMIN_ROUNDS", "5"))
TARGET = 1.5
# About 100× the demo's 22 articles, 12 publications and 19 events.
GROWTH = {"news": 2000, "publications": 1000, "events": 500}
# A share of that growth, for a quick run of the bench itself (e.g. 0.01).
SCALE = float(os.environ.get("BENCH_ADMIN_SCALE", "1"))
COMMON_WORD = "industrial"


def _copy_pair(source, twin, number, extra=None):
    """A copy of ``source`` (under its parent) and of its ``twin`` (under the
    twin's parent), twins of each other, and the copy tracked as the twin's
    translation source as wagtail-localize would (its strings are the
    source's, whose translations exist already)."""
    from wagtail_localize.models import Translation, TranslationSource

    attrs = {"slug": f"{source.slug}-{number}", "title": f"{source.title} {number}", **(extra or {})}
    copy = source.copy(update_attrs=attrs, copy_revisions=False, log_action=None)
    twin_attrs = {"slug": f"{twin.slug}-{number}", "title": f"{twin.title} {number}", **(extra or {})}
    twin.copy(
        update_attrs={**twin_attrs, "translation_key": copy.translation_key},
        reset_translation_key=False,
        copy_revisions=False,
        log_action=None,
    )
    translation_source, _created = TranslationSource.get_or_create_from_instance(copy)
    Translation.objects.get_or_create(source=translation_source, target_locale=twin.locale, defaults={"enabled": True})


def _models(label):
    from django.apps import apps

    return apps.get_model(label)


def grow(news=GROWTH["news"], publications=GROWTH["publications"], events=GROWTH["events"]):
    """Copies of the demo's translated articles, publications and past events,
    with their twins, to about 100× the demo (counts of new English-or-Vietnamese
    originals per kind). Slow-ish (minutes): the indexes are rebuilt once at the end."""
    from django.db import transaction
    from wagtail.models import Page

    from pages import origin
    from pages.operations import bulk_load

    past = datetime.datetime(2020, 3, 1, 9, tzinfo=datetime.UTC)
    kinds = [
        ("news.NewsPage", news, lambda n: {}),
        ("publications.PublicationPage", publications, lambda n: {}),
        (
            "events.EventPage",
            events,
            lambda n: {"start": past - datetime.timedelta(days=n), "end": past - datetime.timedelta(days=n, hours=-3)},
        ),
    ]
    with bulk_load.deferred(), _fast_commits():
        for label, count, extra in kinds:
            model = _models(label)
            pairs = []
            for page in model.objects.filter(alias_of__isnull=True).order_by("path"):
                if not origin.is_source(page):
                    continue
                twins = list(Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk))
                if twins and not twins[0].alias_of_id:
                    pairs.append((page, twins[0].specific))
            offset = model.objects.count()  # new slugs, when grown again
            for start in range(0, count, 100):
                with transaction.atomic():
                    for number in range(start, min(start + 100, count)):
                        source, twin = pairs[number % len(pairs)]
                        _copy_pair(source, twin, f"g{offset + number}", extra(number))
    bulk_load.rebuild_indexes()
    _analyze()


def _analyze():
    """PostgreSQL: statistics of the grown tables, as autovacuum would soon
    gather them (without, the planner takes 7,000 pages for 15 and walks an
    index of every page for each row)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


@contextmanager
def _fast_commits():
    """PostgreSQL, this session only: commit without waiting for the disk (a
    throw-away database; bulk_load does the same for SQLite)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")
    yield


# --- measuring ----------------------------------------------------------------


def screens():
    """(name, URL) of each screen measured."""
    from django.urls import reverse

    from news.models import NewsCategoryPage

    category = NewsCategoryPage.objects.filter(locale__language_code="en").order_by("path").first()
    return [
        ("dashboard", reverse("wagtailadmin_home")),
        ("translations report", reverse("pages_editorial:translations_report")),
        (f"page search '{COMMON_WORD}'", f"{reverse('wagtailadmin_pages:search')}?q={COMMON_WORD}"),
        ("news category explorer", reverse("wagtailadmin_explore", args=[category.pk])),
    ]


def users():
    from django.contrib.auth.models import Group, User

    admin, _ = User.objects.get_or_create(username="bench-admin", defaults={"is_superuser": True, "is_staff": True})
    moderator, created = User.objects.get_or_create(username="bench-moderator")
    if created:
        moderator.groups.add(Group.objects.get(name="Moderators"))
    return {"superuser": admin, "moderator": moderator}


def measure():
    """{(screen, role): (median ms, bytes, queries)}."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    results = {}
    for role, user in users().items():
        client = Client()
        client.force_login(user)
        for name, url in screens():
            response = client.get(url)  # warm-up
            assert response.status_code == 200, (url, response.status_code)
            timings = []
            for _ in range(ROUNDS):
                connection.queries_log.clear()  # counted from empty: the log keeps 9,000 at most
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - start) * 1000)
            results[(name, role)] = (statistics.median(timings), len(response.content), len(queries))
    return results


def main():
    from tests.servers import Site

    site = Site("benchadmin")
    try:
        started = time.monotonic()
        site.seed()
        os.environ.update({k: site.env[k] for k in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "MEDIA_ROOT")})
        import django

        django.setup()
        from django.db import connection

        print(f"seeded the demo on {connection.vendor} in {time.monotonic() - started:.0f} s", flush=True)
        demo = measure()
        started = time.monotonic()
        grow(**{kind: round(count * SCALE) for kind, count in GROWTH.items()})
        print(f"grew the content in {time.monotonic() - started:.0f} s", flush=True)
        grown = measure()
        connection.close()
    finally:
        site.remove()
    return report(demo, grown)


def report(demo, grown):
    print(f"\n{'screen':34} {'role':10} {'demo ms':>8} {'grown ms':>9} {'KB':>6} {'queries':>8} {'ratio':>6}")
    missed = []
    for key, (ms, size, queries) in grown.items():
        ratio = ms / demo[key][0]
        flag = "" if ratio <= TARGET else "  > 1.5×"
        if flag:
            missed.append(key)
        name, role = key
        print(f"{name:34} {role:10} {demo[key][0]:8.1f} {ms:9.1f} {size / 1024:6.0f} {queries:8d} {ratio:6.2f}{flag}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
