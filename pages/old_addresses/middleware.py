"""The old websites' host names, and old-style addresses no redirect knows
(see the package's docstring for the order)."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.http.request import split_domain_port
from django.utils.cache import add_never_cache_headers

from pages import old_addresses


class OldHostMiddleware:
    """First in the chain: a request for an old website's name is answered
    with a 301 to the same path and query string on this site, under /vi/ for
    the Vietnamese website's. The Host header is compared with the configured
    names only, never echoed, and never reaches ``request.get_host()``: those
    names need not (and should not) be in ALLOWED_HOSTS, so nothing else is
    ever served on them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hosts = old_addresses.old_hosts()
        if hosts:
            name, _port = split_domain_port(request.META.get("HTTP_HOST", ""))
            if name in hosts:
                return self._moved(request, hosts[name])
        return self.get_response(request)

    @staticmethod
    def _moved(request, language):
        path = request.get_full_path()  # path and query string, percent-encoded
        first = path.split("/", 2)[1].split("?", 1)[0]
        if language and first not in old_addresses.languages():
            path = f"/{language}{path}"
        return HttpResponsePermanentRedirect(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path)


class FallbackMiddleware:
    """Just outside Wagtail's RedirectMiddleware: a 404 that no redirect
    turned into a 301, for an old-style address a section declares
    (``/article/60``, ``/vi/event/3``), becomes a 302 to that section's page in
    the address's language, which then shows its note. Temporary, as a redirect
    may be added for that address later; never kept by browsers or proxies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        found = old_addresses.match(request.path_info)
        if found is None:
            return response
        address, language = found
        page = address.target(language)
        if page is None:
            return response
        moved = HttpResponseRedirect(f"{page.url}?{urlencode({old_addresses.PARAMETER: address.key})}")
        add_never_cache_headers(moved)
        return moved
