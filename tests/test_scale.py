"""Growing past one machine: the environment switches the cache to Redis,
media to S3-compatible storage and turns on CDN purges, which reach both
languages. (Servers that never serve each other stale pages: test_coherence.)"""

import http.server
import json
import subprocess
import sys
import threading

from tests.servers import ROOT

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
    "trusted_proxies": settings.TRUSTED_PROXIES,
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


def test_production_trusts_one_proxy_as_shipped_and_others_none():
    assert settings_with("eipvn.settings.production", **PRODUCTION)["trusted_proxies"] == 1  # eipvn/deploy's nginx
    assert settings_with("eipvn.settings.production", TRUSTED_PROXIES="0", **PRODUCTION)["trusted_proxies"] == 0
    assert settings_with("eipvn.settings.production", TRUSTED_PROXIES="2", **PRODUCTION)["trusted_proxies"] == 2
    assert settings_with("eipvn.settings.test")["trusted_proxies"] == 0  # no proxy: X-Forwarded-For ignored
    assert settings_with("eipvn.settings.test", USE_X_FORWARDED_FOR="true")["trusted_proxies"] == 1  # the former switch


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


def purged_paths(site, script):
    """The paths a CDN was asked to purge while ``script`` ran in manage.py shell."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeRecorder.requests = []
    try:
        site.manage("shell", "-c", script, env={"FRONTEND_CACHE_URL": f"http://127.0.0.1:{server.server_port}"})
    finally:
        server.shutdown()
        thread.join(timeout=5)
    return {path for _host, path in PurgeRecorder.requests}


def test_publishing_purges_the_page_in_both_languages_from_the_cdn(seeded_site):
    publish = (
        "from wagtail.models import Page\n"
        "page = Page.objects.get(locale__language_code='en', slug='about').specific\n"
        "page.save_revision().publish()\n"
    )
    paths = purged_paths(seeded_site, publish)
    assert "/en/about/" in paths
    assert "/vi/gioi-thieu/" in paths, f"the Vietnamese twin was not purged: {sorted(paths)}"
    assert "/vi/about/" not in paths  # no made-up URL


def test_a_privacy_change_purges_the_page_and_its_subtree_in_both_languages(seeded_site):
    about = (
        "from wagtail.models import Page, PageViewRestriction\n"
        "about = Page.objects.get(locale__language_code='en', slug='about')\n"
    )
    private = about + "PageViewRestriction.objects.create(page=about, restriction_type='login')\n"
    public = about + "PageViewRestriction.objects.filter(page=about).delete()\n"
    for script in (private, public):
        paths = purged_paths(seeded_site, script)
        assert {"/en/about/", "/en/about/introduction/", "/vi/gioi-thieu/"} <= paths, sorted(paths)
        assert any(path.startswith("/vi/gioi-thieu/") and path != "/vi/gioi-thieu/" for path in paths), sorted(paths)
