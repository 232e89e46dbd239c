"""Serving pages: Wagtail's serve view, with the Site and the route remembered.

For every page it serves, Wagtail's own view asks the database for the
request's Site (an annotated query with the root page), the active Locale and
the home page's specific row, then routes down the tree: several queries and
over a millisecond each before the page is even loaded, which on a small
server costs as much as rendering it. ``serve`` (routed as ``wagtail_serve``
in eipvn/urls.py, in place of Wagtail's) does the same work through Wagtail's
public API only:

- the Site comes from ``cached_site``: the shell's fragments cache, filled by
  ``Site.find_for_request``; the menus, the links ({% page_url %} and
  {% subpage_url %}, pages.templatetags.site_tags) and the other views ask it
  too, so a known host costs no query;
- a path that led to a page before is remembered (its content type and id,
  never the page itself): the page is loaded fresh from the database (one
  query, whose SQL each process writes once per page type: ``load_page``)
  and routes itself (``page.route(request, [])``: the live check, a
  routable page's root view);
- any other path is routed by the language's home page (``route``, which
  BasePage does in one query for the whole path), as Wagtail does;
- then, as in Wagtail's ``serve``: the ``before_serve_page`` hooks (view
  restrictions, pages.wagtail_hooks), the ``on_serve_page`` hooks and
  ``page.serve``.

Entries are fragments: publish, unpublish, move, delete, a view restriction,
a Site or a Locale change put them out of reach (pages.cache.receivers). Paths
into a routable page's sub-views (feeds, calendars, registration) and requests
other than GET and HEAD are routed afresh each time.
"""

import functools
import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import DisallowedHost
from django.db import router
from django.db.models import IntegerField
from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from wagtail import hooks
from wagtail.models import Site

from pages.cache import fragments
from pages.prepared import Prepared, Slot

# Where cached_site keeps the request's Site (None included) for the rest of the request.
_REQUEST_ATTRIBUTE = "eipvn_site"
_UNKNOWN = object()


def cached_site(request):
    """The request's Site, as Wagtail finds it (``Site.find_for_request``),
    from the fragments cache; once per request."""
    site = getattr(request, _REQUEST_ATTRIBUTE, _UNKNOWN)
    if site is _UNKNOWN:
        try:
            host = request.get_host()
        except DisallowedHost:
            # A host outside ALLOWED_HOSTS (an error page): Wagtail's answer, not kept.
            site = Site.find_for_request(request)
        else:
            hostname, _port = split_domain_port(host)
            port = request.get_port()
            site = fragments.cached(f"site:{hostname}:{port}", 0, lambda: Site.find_for_request(request))
        setattr(request, _REQUEST_ATTRIBUTE, site)
    return site


def _components(path):
    return [component for component in path.split("/") if component]


def _route_name(path):
    # Hashed: a visitor's path may be long or hold spaces, which cache keys may not.
    return "route:" + hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()


def _remembered_route(request, site, path):
    entry = fragments.get(_route_name(path), site.pk)
    if entry is None:
        return None
    content_type_id, page_id = entry
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = load_page(model, page_id) if model is not None else None  # None: the model is gone
    if page is None:
        return None
    # The page's own routing at its own address: a live check, and a routable
    # page's root view.
    try:
        return page.route(request, [])
    except Http404:
        return None


@functools.cache
def _select_by_pk(model, alias):
    """The SQL that Django's ORM writes to read one ``model`` row (its parent
    tables joined) by primary key, prepared once (pages.prepared)."""
    return Prepared(model._base_manager.using(alias).filter(pk=Slot("pk", IntegerField())))


def load_page(model, pk):
    """The ``model`` row with this key, as ``model._base_manager.get(pk=pk)``
    reads it, or None. The ORM's SQL for it is compiled once per process and
    page type and run as a raw query: compiling it anew cost half of loading
    a page (about 1,000 of 2,000 Python calls, a tenth of a plain page)."""
    alias = router.db_for_read(model)
    select = _select_by_pk(model, alias)
    return next(iter(model._base_manager.using(alias).raw(select.sql, select.params({"pk": pk}))), None)


def _remember(site, path, route):
    page = route[0]
    # Only a path that ends at the page itself, not a routable page's sub-view.
    if page.depth - site.root_page.depth == len(_components(path)):
        fragments.put(_route_name(path), site.pk, (page.content_type_id, page.pk))


def find_route(request, path):
    """Wagtail's RouteResult (page, args, kwargs) for ``path`` on the request's
    Site, or None (not found)."""
    site = cached_site(request)
    if site is None:
        return None
    remember = request.method in ("GET", "HEAD")
    if remember and (route := _remembered_route(request, site, path)) is not None:
        return route
    try:
        # As Page.route_for_request: the Site's root page in the active language routes.
        route = site.root_page.localized.specific.route(request, _components(path))
    except Http404:
        return None
    if remember:
        _remember(site, path, route)
    return route


def _serve_chain(page, request, args, kwargs):
    return page.serve(request, *args, **kwargs)


def serve(request, path):
    """Wagtail's serve view (wagtail.views.serve) on ``find_route``'s route."""
    route = find_route(request, path)
    if route is None:
        raise Http404
    page, args, kwargs = route

    on_serve_chain = _serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)

    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result

    return on_serve_chain(page, request, args, kwargs)
