"""`make bench`: render times of the shell pages with a warm cache.

Builds a throw-away SQLite database, seeds it, then requests each page many
times through Django's test client and prints median and 95th percentile
times and the query count. Numbers are for comparison between commits on the
same machine; no test asserts on them.
"""

import os
import statistics
import tempfile
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eipvn.settings.test")
WORKDIR = tempfile.mkdtemp(prefix="eipvn-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR}/bench.sqlite3"
os.environ["MEDIA_ROOT"] = f"{WORKDIR}/media"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

URLS = ["/en/", "/vi/", "/en/about/introduction/", "/vi/gioi-thieu/ket-qua-du-an/", "/vi/gioi-thieu/nhom-du-an/"]
ROUNDS = 200


def count_queries(client, url):
    queries = []

    def record(execute, sql, *args):
        queries.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(record):
        client.get(url)
    return queries


def main():
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client()
    print(f"{'page':40} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for url in URLS:
        assert client.get(url).status_code == 200, url
        queries = count_queries(client, url)
        timings = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        p95 = statistics.quantiles(timings, n=20)[-1]
        print(f"{url:40} {statistics.median(timings):10.1f} {p95:8.1f} {len(queries):8d}")


if __name__ == "__main__":
    main()
