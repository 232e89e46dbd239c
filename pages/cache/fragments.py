"""Data and HTML behind the pages (menu, footer, home sections, cards, head
data, Sites and remembered routes), kept per site and language in Django's
``default`` cache.

Every key of that cache belongs to the ``fragments`` generation (its
KEY_FUNCTION, pages.cache.generations.scoped_key): any change that may show in
them (pages.cache.receivers) gives it a new token, so every language's copy
goes out of reach at once, in every worker and on every server, whichever
cache holds it.

A preview (Wagtail's dummy request for a draft) neither reads nor writes
fragments: it shows the draft's own topics, related pages or cards, and no
draft value can land under a key the public reads.
"""

from contextvars import ContextVar

from django.core.cache import cache
from django.utils.translation import get_language

from pages.cache import generations

TIMEOUT = 60 * 60 * 24
_bypassed = ContextVar("fragments_bypassed", default=False)


def bypassed_while(condition):
    """Within (``with bypassed_while(request.is_dummy): …``) fragments are
    neither read nor written when ``condition`` holds."""
    return _Bypass(condition)


class _Bypass:
    def __init__(self, condition):
        self.condition = condition

    def __enter__(self):
        self._token = _bypassed.set(bool(self.condition))

    def __exit__(self, *exc_info):
        _bypassed.reset(self._token)


def _key(name, site_id):
    return f"eipvn:{name}:{site_id}:{get_language()}"


def get(name, site_id):
    """What was ``put`` for this site and language under the current generation, or None."""
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
    keys = [_key(name, site_id) for name in names]
    # A copy: with Redis down, django-redis answers every get_many with one
    # shared empty dict, which must stay empty.
    found = dict(cache.get_many(keys))
    missing = {key: build(i) for i, key in enumerate(keys) if key not in found}
    if missing:
        cache.set_many(missing, timeout)
        found.update(missing)
    return [found[key] for key in keys]


def invalidate():
    """Put every fragment of every language out of reach (in the caller's transaction)."""
    generations.bump([generations.FRAGMENTS])
