"""The test suite: fast hashing, local-memory cache, plain static files."""

import tempfile

from .base import *  # noqa: F403
from .env import env_bool, env_list, env_str

SECRET_KEY = env_str("SECRET_KEY", "test-only-key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "testserver"])
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The suite's own process keeps a private cache (tests clear it). Servers that
# tests start (tests/servers.py) set TEST_SERVER_SHARED_CACHE to use REDIS_URL.
if not (env_bool("TEST_SERVER_SHARED_CACHE") and REDIS_URL):  # noqa: F405
    CACHES = cache_settings(None)  # noqa: F405
# Off, so that tests see each render and its queries; the page cache's tests
# and the browser tests' server switch it on.
PAGE_CACHE = env_bool("PAGE_CACHE", False)
# Seeding publishes hundreds of pages; the test of renditions switches this on.
PREPARE_RENDITIONS_ON_PUBLISH = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = env_str("MEDIA_ROOT") or tempfile.mkdtemp(prefix="eipvn-test-media-")
SERVE_MEDIA = True
# The translation editor's machine translation uses wagtail-localize's dummy translator.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(env_str("MACHINE_TRANSLATOR", "dummy"))  # noqa: F405

# A section that exists only here (tests/trainings): it proves a new section
# plugs into the shell by its declaration alone. Off where a test needs the
# project's own apps only (the schema snapshot's replays).
if env_bool("TEST_SECTIONS", True):
    INSTALLED_APPS = [*INSTALLED_APPS, "tests.trainings"]  # noqa: F405
