"""`make bench-admin`: the admin's everyday screens at the demo's size and at
about 100× its content, measured in-process with Django's test client.

Seeds a throw-away database (tests/servers.py: a SQLite file, or a fresh
PostgreSQL database when DATABASE_URL points at PostgreSQL), times each screen
for a superuser and for a Moderator (the median of BENCH_ADMIN_ROUNDS after a
warm-up visit), grows the content (``grow``: `manage.py grow_content`'s articles,
publications and past events, each with its Vietnamese twin), times
them again and prints demo vs grown time, the grown answer's size and queries,
and the ratio. Target: every screen within 1.5× of its demo time; the exit
status is 1 when one is missed. Timings belong here, never in the test suite.
"""

import os
import statistics
import sys
import time

ROUNDS = int(os.environ.get("BENCH_ADMIN_ROUNDS", "5"))
TARGET = 1.5
# Times the demo's articles, publications and past events (2 for a quick run of the bench itself).
FACTOR = int(os.environ.get("BENCH_ADMIN_FACTOR", "100"))
COMMON_WORD = "industrial"


def grow():
    """The demo grown by ``FACTOR`` (pages.demo.grow, as `manage.py grow_content`
    does), then PostgreSQL's statistics gathered."""
    from pages.demo import grow as growth

    growth.grow(FACTOR)
    _analyze()


def _analyze():
    """PostgreSQL: statistics of the grown tables, as autovacuum would soon
    gather them (without, the planner takes 7,000 pages for 15 and walks an
    index of every page for each row)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


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
        grow()
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
