"""Faults an operator will meet: the health endpoint both ways, the database
going away under a running server (and coming back), the cache going away,
errors logged as JSON with their path, and a backup restored into a fresh
database serving the same site."""

import io
import json
import logging
import re
import socket
import time
from pathlib import Path
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from eipvn.json_logs import JsonFormatter
from tests.servers import Site, TcpProxy, fetch, on_postgresql
from tests.test_contact import VALID

pytestmark = pytest.mark.django_db


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed


@pytest.fixture
def redis_down(settings):
    """The default cache is Redis on a port where nothing answers."""
    location = f"redis://127.0.0.1:{closed_port()}/0"
    settings.CACHES = {
        alias: {
            **config,
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
        for alias, config in settings.CACHES.items()
    }


def checks(response):
    """What decides the status; ``jobs`` says whether periodic work is late (tests/test_jobs.py)."""
    return {name: response.json()[name] for name in ("database", "cache")}


def test_health_answers_200_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert checks(response) == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_names_the_cache_when_it_is_down(client, redis_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert checks(response) == {"database": "ok", "cache": "unavailable"}


def test_health_names_the_database_when_it_is_down(client):
    with mock.patch("pages.views.connection.cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert checks(response) == {"database": "unavailable", "cache": "ok"}
    assert response.json()["jobs"] == "unavailable"  # their table is in the database


@pytest.mark.parametrize("url", ["/en/", "/vi/", "/en/news/", "/vi/su-kien/", "/en/search/?q=eip", "/sitemap.xml"])
def test_site_still_serves_with_the_cache_down(client, redis_down, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200, f"{url} answered {response.status_code} with Redis down"


def test_contact_form_still_works_with_the_cache_down(client, redis_down):
    from pages.models import ContactPage

    page = ContactPage.objects.live().get(locale__language_code="en")
    response = client.post(page.url, VALID["en"])
    # Stored and thanked, not the form again (an incomplete form would answer 200 too).
    assert response.status_code == 200 and "Thank you for writing" in response.content.decode()
    assert FormSubmission.objects.filter(page=page).count() == 1


def test_database_down_gives_the_bilingual_503_page_not_a_stack_trace():
    client = Client(raise_request_exception=False)
    with mock.patch("wagtail.models.Site.find_for_request", side_effect=OperationalError("server gone")):
        response = client.get("/en/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "temporarily unavailable" in page and "Trang web tạm thời gián đoạn" in page
    assert "Traceback" not in page and "OperationalError" not in page
    assert "Content-Security-Policy" in response


def test_other_errors_still_give_the_500_page():
    client = Client(raise_request_exception=False)
    with mock.patch("wagtail.models.Site.find_for_request", side_effect=ValueError("a bug")):
        response = client.get("/en/")
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()


def test_errors_are_logged_as_json_with_method_path_and_status():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        client = Client(raise_request_exception=False)
        with mock.patch("wagtail.models.Site.find_for_request", side_effect=OperationalError("gone")):
            client.get("/vi/tin-tuc/?page=2")
    finally:
        logger.removeHandler(handler)
    entry = json.loads(stream.getvalue().splitlines()[-1])
    assert entry["level"] == "ERROR" and entry["status"] == 503
    assert entry["method"] == "GET" and entry["path"] == "/vi/tin-tuc/"
    assert "OperationalError: gone" in entry["exception"]


# --- with real servers ---------------------------------------------------------


@pytest.mark.skipif(not on_postgresql(), reason="needs a database server to stop: runs with DATABASE_URL=postgres://…")
def test_database_stopped_and_restarted_under_a_running_server(seeded_site):
    from urllib.parse import urlsplit, urlunsplit

    database = urlsplit(seeded_site.database.url)
    proxy = TcpProxy(database.hostname, database.port or 5432)
    through_proxy = urlunsplit(database._replace(netloc=f"{database.username}@127.0.0.1:{proxy.port}"))
    urls = ["/en/", "/vi/", "/en/news/", "/healthz"]
    try:
        with seeded_site.server(workers=2, DATABASE_URL=through_proxy) as url:
            assert [fetch(url + path)[0] for path in urls] == [200] * len(urls)
            proxy.cut()
            down = [fetch(url + path) for _ in range(5) for path in urls]
            assert {status for status, _, _ in down} == {503}, "503s while the database is down, never a 500"
            page = next(body for status, _, body in down if "<html" in body)
            assert "Trang web tạm thời gián đoạn" in page
            health = json.loads(down[3][2])
            assert health["database"] == "unavailable" and health["cache"] == "ok"
            assert health["jobs"] == "unavailable"  # their state lives in the database
            proxy.restore()
            deadline, statuses = time.monotonic() + 30, []
            while time.monotonic() < deadline:  # recovers by itself, no restart
                statuses = [fetch(url + path)[0] for path in urls]
                if statuses == [200] * len(urls):
                    break
                assert 500 not in statuses
                time.sleep(0.5)
            assert statuses == [200] * len(urls), f"still {statuses} 30 s after the database came back"
            # Every worker recovered, not only one.
            assert {fetch(url + "/en/")[0] for _ in range(10)} == {200}
    finally:
        proxy.close()
    assert "Traceback" not in seeded_site.log_tail() or "OperationalError" in seeded_site.log_tail()


def test_backup_restored_into_a_fresh_database_serves_the_same_site(seeded_site):
    backups = Path(seeded_site.workdir) / "backups"
    seeded_site.manage("backup", "--into", str(backups))
    (folder,) = backups.iterdir()
    assert (folder / "manifest.json").exists() and (folder / "media.tar.gz").exists()

    restored = Site("restored")
    try:
        restored.database.create()  # empty: no migrations, no seed
        restored.manage("restore", str(folder))
        urls = ["/en/", "/vi/", "/en/about/", "/vi/gioi-thieu/", "/en/news/", "/vi/tin-tuc/", "/sitemap.xml"]
        with seeded_site.server(workers=1) as original, restored.server(workers=1) as copy:
            for path in urls:
                before, after = fetch(original + path), fetch(copy + path)
                assert before[0] == after[0] == 200, path
                assert after[2].replace(copy, original) == before[2], f"{path} differs after the restore"
            status, _, library = fetch(original + "/en/publications/")
            documents = sorted(set(re.findall(r'href="(/documents/\d+/[^"]+)"', library)))[:3]
            assert documents, "the library should link documents"
            for document in documents:
                assert fetch(copy + document, raw=True)[2] == fetch(original + document, raw=True)[2], document
    finally:
        restored.remove()
