"""Cached data and HTML behind the pages (menu, footer, home sections, cards,
routes), per site and language.

Keys carry a version number; any publish, unpublish, move, delete or snippet
change bumps it (pages.signals), so every language's copy goes stale at once,
on every app server sharing the cache. A request reads the version once
(``VersionMiddleware``) and sees one consistent set of fragments.

A preview (Wagtail's dummy request for a draft) neither reads nor writes
fragments: it shows the draft's own topics, related pages or cards, and no
draft value can land under a key the public reads.
"""

from contextvars import ContextVar

from django.core.cache import cache
from django.utils.translation import get_language

VERSION_KEY = "eipvn:fragments:version"
TIMEOUT = 60 * 60 * 24
_request_version = ContextVar("fragments_version", default=None)
_bypassed = ContextVar("fragments_bypassed", default=False)


def _read_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def _version():
    return _request_version.get() or _read_version()


def _key(name, site_id, version=None):
    return f"eipvn:{name}:{site_id}:{get_language()}:{version or _version()}"


def get(name, site_id):
    """What was ``put`` for this site and language at the current version, or None."""
    if _bypassed.get():
        return None
    return cache.get(_key(name, site_id))


def put(name, site_id, value, timeout=TIMEOUT):
    if not _bypassed.get():
        cache.set(_key(name, site_id), value, timeout)


def cached(name, site_id, build, timeout=TIMEOUT):
    """``build()``'s result for this site and language. Give a short ``timeout``
    to what changes with the clock (what is upcoming), not only with content."""
    if _bypassed.get():
        return build()
    key = _key(name, site_id)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def cached_each(names, site_id, build, timeout=TIMEOUT):
    """Like ``cached`` for many values in one round trip to the cache:
    ``build(i)`` makes the i-th value when it is missing."""
    if _bypassed.get():
        return [build(i) for i in range(len(names))]
    version = _version()
    keys = [_key(name, site_id, version) for name in names]
    # A copy: with Redis down, django-redis answers every get_many with one
    # shared empty dict, which must stay empty.
    found = dict(cache.get_many(keys))
    missing = {key: build(i) for i, key in enumerate(keys) if key not in found}
    if missing:
        cache.set_many(missing, timeout)
        found.update(missing)
    return [found[key] for key in keys]


def invalidate():
    try:
        version = cache.incr(VERSION_KEY)
    except ValueError:
        version = 2
        cache.set(VERSION_KEY, version, timeout=None)
    if _request_version.get() is not None:
        # The request that made the change sees it from now on.
        _request_version.set(version)


class VersionMiddleware:
    """Reads the fragments' version once per request instead of once per fragment
    (each read is a round trip when the cache is Redis), and turns fragments off
    for previews."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        version = _request_version.set(_read_version())
        bypassed = _bypassed.set(getattr(request, "is_dummy", False))
        try:
            return self.get_response(request)
        finally:
            _bypassed.reset(bypassed)
            _request_version.reset(version)
