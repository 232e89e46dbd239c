"""Cached data behind the shell (menu, footer, home sections), per site and language.

Keys carry a version number; any publish, unpublish, move, delete or snippet
change bumps it (pages.signals), so every language's copy goes stale at once,
on every app server sharing the cache.
"""

from django.core.cache import cache
from django.utils.translation import get_language

VERSION_KEY = "eipvn:fragments:version"
TIMEOUT = 60 * 60 * 24


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def cached(name, site_id, build, timeout=TIMEOUT):
    """``build()``'s result for this site and language. Give a short ``timeout``
    to what changes with the clock (what is upcoming), not only with content."""
    key = f"eipvn:{name}:{site_id}:{get_language()}:{_version()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def invalidate():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)
