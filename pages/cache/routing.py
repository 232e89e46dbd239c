"""Wagtail's routing without its per-request lookups.

For every page it serves, Wagtail asks the database for the request's Site (an
annotated query with the root page), the active Locale, the home page's
specific row and then the pages along the path: four or more queries before
the page is even loaded, which on a small server costs more than rendering.

This middleware finds the Site in the shell's fragments cache (as the menus
and other views do, through ``cached_site``) and remembers which page a path
led to (its content type and id, never the page itself), so a known path
costs one query: the page, fresh from the database.
Wagtail's ``serve`` view then runs as usual (hooks, view restrictions,
``page.serve``) on the route set here, exactly as if it had routed. Entries
are fragments: publish, unpublish, move, delete, a view restriction, a Site or
a Locale change put them out of reach (pages.cache.receivers). Paths into a
routable page's sub-views (feeds, calendars) are routed by Wagtail each time.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.models import Page, Site

from pages.cache import fragments


def cached_site(request):
    """The request's Site, as Wagtail would find it, from the fragments cache;
    kept on the request where Wagtail looks for it."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        request._wagtail_site = fragments.cached(f"site:{hostname}:{port}", 0, lambda: Site._find_for_request(request))
    return request._wagtail_site


def _components(path):
    return [component for component in path.split("/") if component]


def _route_name(path):
    # Hashed: a visitor's path may be long or hold spaces, which cache keys may not.
    return "route:" + hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()


def _route_from_cache(request, site, path):
    entry = fragments.get(_route_name(path), site.pk)
    if entry is None:
        return None
    content_type_id, page_id = entry
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    page = model._default_manager.filter(pk=page_id).first()
    if page is None:
        return None
    # The page's own routing at its own address: a live check, and a routable
    # page's root view.
    try:
        return page.route(request, [])
    except Http404:
        return None


def _remember_route(request, site, path, route):
    page = route[0]
    # Only a path that ends at the page itself, not a routable page's sub-view.
    if page.depth - site.root_page.depth == len(_components(path)):
        fragments.put(_route_name(path), site.pk, (page.content_type_id, page.pk))


class RouteCacheMiddleware:
    def __init__(self, get_response):
        from wagtail.views import serve  # needs the app registry, ready by now

        self.get_response = get_response
        self.wagtail_serve = serve

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not self.wagtail_serve or request.method not in ("GET", "HEAD"):
            return None
        site = cached_site(request)
        if site is None:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        route = _route_from_cache(request, site, path)
        if route is not None:
            request._wagtail_route_for_request = route
            return None
        route = Page.route_for_request(request, path)  # Wagtail's own, kept on the request
        if route is not None:
            _remember_route(request, site, path, route)
        return None
