"""Whole rendered pages for anonymous visitors.

What is stored: the 200 answer to an anonymous GET of a page under a language
prefix (``/en/…``, ``/vi/…``), keyed by scheme, host, path and query string.
Nothing else: not ``/`` (it redirects by cookie and Accept-Language), not
admin, documents or feeds' index, not error pages, not an answer that sets a
cookie (a page that rendered a CSRF token sets one, so the contact form is
never stored) or that says ``private``/``no-store``/``no-cache``. Answers
compressed for clients that accept gzip are kept apart from plain ones. A
request carrying a session cookie (an editor, even logged out in another tab)
or a messages cookie is never answered from the cache; the language cookie
does not matter, as the language is in the path.

Query strings: an answer is kept only when every parameter of its query string
was read by the page and taken as given (``accept``, called by the listings'
filters and pagination: a known category, an existing page number). Anything
else (``?z=1``, ``?page=abc``, tracking parameters, a search's free text) is
answered fresh and not kept, so what is stored is bounded by the site's
content, whatever visitors type. Pages without a query string live in the
``pages`` cache, filtered and paginated answers in ``page_variants``: a
crawler walking every filter can evict only other variants, never the pages.

Invalidation: every key carries two generations (pages.cache.generations),
that of its language and that of its path. What a change replaces
(pages.cache.receivers):

- a page published, unpublished, created or deleted in one language: that
  language's generation (any of its pages may list it: ancestors' listings, the
  menu, the home page, related lists, the footer's highlighted events, search),
  plus the path of each of its twins in the other languages, whose language
  switcher and hreflang links point to it. A Vietnamese translation published
  alone leaves every English page stored;
- a page moved or its slug changed (URLs of a whole branch change, and other
  languages link to them), a view restriction, an image, a Site, a Locale, a
  search promotion, a restore: every language;
- a snippet: its own language only when it is a translation (English items are
  the fallback shown in every language, so an English one drops every language).

Everything also expires after ``PAGE_CACHE_SECONDS``, which bounds what changes
with the clock alone (an event moving from upcoming to past).
"""

import hashlib
import re
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags, quote_etag

from pages.cache import generations

PREFIX = "eipvn:page"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
NOT_STORED_DIRECTIVES = ("private", "no-store", "no-cache")


def _languages():
    return [code for code, _name in settings.LANGUAGES]


def _language_of(path):
    first = path.split("/", 2)[1] if path.startswith("/") else ""
    return first if first in _languages() else None


def _language_generation(language):
    return f"pages:{language}"


def _path_generation(path):
    return f"path:{hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()}"


def _normalised_query(query_string):
    if not query_string:
        return ""
    return urlencode(sorted(parse_qsl(query_string, keep_blank_values=True)))


def _store_for(request):
    return caches["page_variants" if request.META.get("QUERY_STRING") else "pages"]


def generations_needed(request):
    """The generations an answer to ``request`` is kept under (none: not kept)."""
    if not hasattr(request, "_page_cache_generations"):
        language = _language_of(request.path)
        needed = []
        if language is not None and _is_enabled() and _may_use_cache(request):
            needed = [_language_generation(language), _path_generation(request.path)]
        request._page_cache_generations = needed
    return request._page_cache_generations


def _entry_key(request, language):
    generation, path_generation = generations.current(generations_needed(request))
    query = _normalised_query(request.META.get("QUERY_STRING"))
    # GZipMiddleware (inside this one) compresses for clients that accept gzip only.
    encoding = "gzip" if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "identity"
    url = f"{encoding} {request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha1(url.encode(), usedforsecurity=False).hexdigest()
    return f"{PREFIX}:{language}:{generation}:{path_generation}:{digest}"


def accept(request, name, value):
    """The page read query parameter ``name`` and used its value ``value`` as
    given: an answer for this value may be kept (see "Query strings" above)."""
    if not hasattr(request, "_page_cache_accepted"):
        request._page_cache_accepted = {}
    request._page_cache_accepted[name] = str(value)


def _query_was_accepted(request):
    accepted = getattr(request, "_page_cache_accepted", {})
    return all(len(values) == 1 and accepted.get(name) == values[0] for name, values in request.GET.lists())


# --- invalidation (called from pages.cache.receivers) ----------------------------


def drop_languages(languages=None):
    """Put every stored page of ``languages`` (all by default) out of reach."""
    generations.bump([_language_generation(code) for code in languages or _languages()])


def drop_paths(paths):
    """Put the stored answers for these URL paths out of reach, whatever their query string."""
    generations.bump([_path_generation(path) for path in paths])


# --- the middleware -----------------------------------------------------------


def _is_enabled():
    return getattr(settings, "PAGE_CACHE", False)


def _may_use_cache(request):
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _is_storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies or not _query_was_accepted(request):
        return False
    directives = response.get("Cache-Control", "").lower()
    return not any(word in directives for word in NOT_STORED_DIRECTIVES)


def _public_cache_control():
    seconds = settings.PAGE_CACHE_SECONDS
    return (
        f"public, max-age={settings.PAGE_CACHE_BROWSER_SECONDS}, s-maxage={seconds}, "
        f"stale-while-revalidate={settings.PAGE_CACHE_STALE_SECONDS}"
    )


def _from_entry(request, entry):
    status, headers, content, etag, stored_at = entry
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
        for name in ("Cache-Control", "Vary", "Content-Language"):
            if name in headers:
                response[name] = headers[name]
    else:
        response = HttpResponse(content, status=status)
        for name, value in headers.items():
            response[name] = value
    response["ETag"] = etag
    response["Age"] = str(max(0, int(time.time() - stored_at)))
    response["X-Cache"] = "hit"
    return response


def _to_entry(response):
    content = response.content
    etag = quote_etag(hashlib.md5(content, usedforsecurity=False).hexdigest())
    return (response.status_code, dict(response.items()), content, etag, time.time())


class PageCacheMiddleware:
    """Answers anonymous GETs of language-prefixed pages from the cache, and
    stores what may be stored. Sits before the session, locale and CSRF
    middleware so that a hit costs none of them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = _language_of(request.path)
        if language is None or not _is_enabled():
            return self.get_response(request)
        if not _may_use_cache(request):
            response = self.get_response(request)
            if "Cache-Control" not in response:
                response["Cache-Control"] = "private, no-store"
            response["X-Cache"] = "bypass"
            return response

        key, store = _entry_key(request, language), _store_for(request)
        entry = store.get(key)
        if entry is not None:
            return _from_entry(request, entry)

        response = self.get_response(request)
        if request.method == "GET" and _is_storable(request, response):
            response["Cache-Control"] = _public_cache_control()
            entry = _to_entry(response)
            store.set(key, entry, settings.PAGE_CACHE_SECONDS)
            response["ETag"] = entry[3]
            response["X-Cache"] = "miss"
        else:
            response["X-Cache"] = "bypass"
        return response
