"""Growing past one machine: the environment switches the cache to Redis,
media to S3-compatible storage and turns on CDN purges; two app servers that
share PostgreSQL and Redis never serve stale pages to each other."""

import http.server
import json
import re
import subprocess
import sys
import threading
import uuid

import pytest

from tests.servers import REDIS_URL, ROOT, fetch, on_postgresql, require_redis

SETTINGS_PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.core.files.storage import default_storage
default_storage._setup()
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION"),
    "storage": type(default_storage._wrapped).__module__ + "." + type(default_storage._wrapped).__name__,
    "image_url": default_storage.url("images/park.jpg"),
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "purge": sorted(settings.WAGTAILFRONTENDCACHE),
    "proxy_header": getattr(settings, "SECURE_PROXY_SSL_HEADER", None),
    "apps": [a for a in settings.INSTALLED_APPS if "frontend_cache" in a],
}))
"""


def settings_with(settings_module="eipvn.settings.test", **env):
    """Settings as a fresh process builds them from these environment variables."""
    clean = {k: v for k, v in __import__("os").environ.items() if not k.startswith(("AWS_", "REDIS", "FRONTEND_"))}
    result = subprocess.run(
        [sys.executable, "-c", SETTINGS_PROBE],
        env={**clean, "DJANGO_SETTINGS_MODULE": settings_module, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


PRODUCTION = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.org"}


def test_without_configuration_one_server_needs_nothing_else():
    probe = settings_with("eipvn.settings.production", **PRODUCTION)
    assert probe["cache"].endswith("LocMemCache")
    assert probe["storage"].endswith("FileSystemStorage")
    assert probe["purge"] == [] and probe["apps"] == []
    assert probe["proxy_header"] is None  # trusting X-Forwarded-Proto is an opt-in


def test_redis_url_shares_the_cache_between_servers():
    probe = settings_with("eipvn.settings.production", REDIS_URL="redis://cache.internal:6379/2", **PRODUCTION)
    assert probe["cache"] == "django_redis.cache.RedisCache"
    assert probe["cache_location"] == "redis://cache.internal:6379/2"


def test_bucket_settings_put_media_in_object_storage_and_allow_it_in_the_policy():
    probe = settings_with(
        "eipvn.settings.production",
        AWS_STORAGE_BUCKET_NAME="eipvn-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.net",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        **PRODUCTION,
    )
    assert probe["storage"] == "storages.backends.s3.S3Storage"
    assert probe["image_url"] == "https://media.example.org/images/park.jpg"  # stable, unsigned
    assert "https://media.example.org" in probe["img_src"]


def test_proxy_header_and_cdn_purge_are_switched_on_by_environment():
    probe = settings_with(
        "eipvn.settings.production",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
        FRONTEND_CACHE_URL="http://127.0.0.1:6081",
        **PRODUCTION,
    )
    assert probe["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert probe["purge"] == ["http"] and probe["apps"] == ["wagtail.contrib.frontend_cache"]


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    requests = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.requests.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_publishing_purges_the_page_in_both_languages_from_the_cdn(seeded_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeRecorder.requests = []
    try:
        publish = (
            "from wagtail.models import Page\n"
            "page = Page.objects.get(locale__language_code='en', slug='about').specific\n"
            "page.save_revision().publish()\n"
        )
        seeded_site.manage("shell", "-c", publish, env={"FRONTEND_CACHE_URL": f"http://127.0.0.1:{server.server_port}"})
    finally:
        server.shutdown()
        thread.join(timeout=5)
    paths = {path for _host, path in PurgeRecorder.requests}
    assert "/en/about/" in paths
    assert "/vi/gioi-thieu/" in paths, f"the Vietnamese twin was not purged: {sorted(paths)}"
    assert "/vi/about/" not in paths  # no made-up URL


@pytest.mark.skipif(not on_postgresql(), reason="two app servers share PostgreSQL: runs with DATABASE_URL=postgres://…")
def test_a_change_published_through_one_server_shows_at_once_on_the_other(seeded_site):
    require_redis()
    shared = {"REDIS_URL": REDIS_URL, "TEST_SERVER_SHARED_CACHE": "true", "CACHE_KEY_PREFIX": f"t{uuid.uuid4().hex}"}
    username, password = f"publisher-{uuid.uuid4().hex[:6]}", uuid.uuid4().hex
    seeded_site.manage(
        "createsuperuser", "--noinput", "--username", username, "--email", "p@example.org",
        env={"DJANGO_SUPERUSER_PASSWORD": password},
    )  # fmt: skip
    new_title = f"Contact the project office {uuid.uuid4().hex[:6]}"
    draft = (
        "from pages.models import ContactPage\n"
        "page = ContactPage.objects.get(locale__language_code='en')\n"
        f"page.title = {new_title!r}\n"
        "page.save_revision()\n"
        "print(page.pk)\n"
    )
    page_id = int(seeded_site.manage("shell", "-c", draft, stdout=subprocess.PIPE, text=True).stdout.split()[-1])
    with seeded_site.server(workers=2, **shared) as a, seeded_site.server(workers=1, **shared) as b:
        # B has the menu cached (warm) before the change.
        for _ in range(3):
            menu = main_menu(fetch(b + "/en/")[2])
        assert "Contact" in menu and new_title not in menu
        publish_through_admin(a, username, password, page_id)
        assert new_title in main_menu(fetch(b + "/en/")[2]), "server B still shows the old menu after A published"
        assert fetch(b + "/healthz")[2] == '{"database": "ok", "cache": "ok"}'


def main_menu(html):
    return re.search(r'<nav[^>]*id="main-nav".*?</nav>', html, re.DOTALL).group(0)


def publish_through_admin(base, username, password, page_id):
    """Sign in to Wagtail's admin on one server and publish the page's latest revision."""
    import http.cookiejar
    import urllib.parse
    import urllib.request

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def post(path, data):
        token = next(c.value for c in jar if c.name == "csrftoken")
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **data}).encode()
        request = urllib.request.Request(base + path, data=body, headers={"Referer": base + path})
        return opener.open(request, timeout=30)

    opener.open(base + "/admin/login/", timeout=30).read()
    post("/admin/login/", {"username": username, "password": password, "next": "/admin/"}).read()
    path = f"/admin/bulk/wagtailcore/page/publish/?id={page_id}&next=/admin/"
    opener.open(base + path, timeout=30).read()
    response = post(path, {})
    assert response.status == 200 and "/admin/" in response.url
