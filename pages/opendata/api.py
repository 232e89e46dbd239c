"""The read-only JSON API (Wagtail's API v2) at ``/api/v2/``: pages, images and
documents, for partners' own tools.

What it adds to Wagtail's viewsets, and why:

- Privacy as on the site, by its one rule (pages.visibility): pages under a
  view restriction are left out for everyone (Wagtail's own rule would show
  them to a signed-in user or after a page password), and so are pages past
  their expiry date or dated ahead (news before its date); only live pages are
  served (their published revision, never a draft); documents and images in a
  private collection are not listed (documents' files are refused by
  /documents/ anyway).
- Anonymous only: no authentication classes, so no password can be tried here
  and every caller sees the same thing; GET only (Wagtail's v2 has no writes).
- JSON only (no browsable HTML API, whose inline scripts the CSP forbids).
- ``source_language`` on every page: the language it was written in first
  (pages.origin), since either may be the source and a page's other language
  may still show the source's words (``alias_of`` is set then).
- ``last_updated`` on every page: its last real content change
  (pages.changes), the date its page, the sitemap and its JSON-LD show.
- Pages through long results: at most ``WAGTAILAPI_LIMIT_MAX`` items an answer
  (``limit``, ``offset``), ``meta.total_count`` counted by the database, and
  ``meta.next`` / ``meta.previous``: the addresses of the neighbouring pages
  (null at either end), so a client follows links instead of computing offsets.
- A limit per visitor's address (pages.operations.rate_limit, counted in the database so
  every worker and server count together), and ``limit``/``offset``/``locale``
  checked first, with messages in the visitor's language (cookie or
  Accept-Language; the API has no language prefix).
"""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.fields import DateTimeField, Field
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page

from eipvn.client_address import client_address
from pages.cache import fragments
from pages.changes import last_updated, with_last_updated
from pages.lookups import twins
from pages.navigation import site_for
from pages.opendata import limits
from pages.operations import rate_limit
from pages.origin import source_locale_id, source_locale_subquery
from pages.visibility import in_public_collections, public


class _Refused(Exception):
    def __init__(self, message, status_code, headers=None):
        super().__init__(message)
        self.message, self.status_code, self.headers = message, status_code, headers or {}


def _whole_number(request, name, low, high):
    value = request.GET.get(name)
    if value is None:
        return
    if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:  # "²".isdigit() too
        raise _Refused(
            _("“%(name)s” must be a whole number from %(low)s to %(high)s.") % {"name": name, "low": low, "high": high},
            status.HTTP_400_BAD_REQUEST,
        )


def _check(request, with_locale):
    if rate_limit.over_limit("api", client_address(request), limits.RATE_LIMIT, limits.RATE_WINDOW):
        raise _Refused(
            _("Too many requests. Please wait a minute and try again."),
            status.HTTP_429_TOO_MANY_REQUESTS,
            {"Retry-After": str(limits.RATE_WINDOW)},
        )
    _whole_number(request, "limit", 1, settings.WAGTAILAPI_LIMIT_MAX)  # Wagtail's paginator reads it too
    _whole_number(request, "offset", 0, 10**9)
    languages = [code for code, _name in settings.LANGUAGES]
    if with_locale and "locale" in request.GET and request.GET["locale"] not in languages:
        raise _Refused(
            _("Unknown language “%(locale)s”. Use one of: %(languages)s.")
            % {"locale": request.GET["locale"], "languages": ", ".join(languages)},
            status.HTTP_400_BAD_REQUEST,
        )


class LinkedPagination(WagtailPagination):
    """Wagtail's limit/offset paging (its maximum, its count in the database),
    with links to the next and previous pages of the same query."""

    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)
        self.request = request
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        self.offset = int(request.GET.get("offset", 0))
        self.limit = int(request.GET.get("limit", min(20, limit_max)))
        return page

    def _link(self, offset):
        url = self.request.build_absolute_uri()
        url = replace_query_param(url, "limit", self.limit)
        return remove_query_param(url, "offset") if offset == 0 else replace_query_param(url, "offset", offset)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        following = self.offset + self.limit
        more = self.limit > 0 and following < self.total_count
        response.data["meta"]["next"] = self._link(following) if more else None
        earlier = self.offset > 0 and self.limit > 0
        previous = min(max(self.offset - self.limit, 0), max(self.total_count - self.limit, 0))
        response.data["meta"]["previous"] = self._link(previous) if earlier else None
        return response


class ReadOnlyPublicAPI:
    authentication_classes = []
    pagination_class = LinkedPagination
    renderer_classes = [JSONRenderer]
    checks_locale = False

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        _check(request, self.checks_locale)

    def handle_exception(self, exc):
        if isinstance(exc, _Refused):
            return Response({"message": exc.message}, status=exc.status_code, headers=exc.headers)
        if isinstance(exc, Http404):
            return Response({"message": _("Not found.")}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, BadRequestError):
            # Wagtail's own checks (unknown fields, types, filters) say what is wrong in
            # English only: the visitor's language says what to do, the detail follows.
            message = _("This request cannot be answered. Check its parameters against the examples on the Data page.")
            return Response({"message": message, "detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Django's LocaleMiddleware turns a 404 outside the language prefix into a
        # redirect to /<language>/api/…, where Wagtail would answer with an HTML
        # page. Judged against the API's own URLconf, which has no language
        # prefixes, a JSON 404 stays a 404.
        request._request.urlconf = "pages.opendata.api_urls"
        response["Access-Control-Allow-Origin"] = "*"  # public data: other sites' scripts may read it
        return response


def _without_tags(fields):
    # Tags cost a query per item (taggit); they stay available with ?fields=tags.
    return [name for name in fields if name != "tags"]


class SourceLanguageField(Field):
    """The language code of the page's source (annotated on the API's queryset)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        locale_id = getattr(page, "source_locale", None) or source_locale_id(page)
        codes = fragments.cached("locale-codes", 0, lambda: dict(Locale.objects.values_list("pk", "language_code")))
        return codes.get(locale_id)


class LastUpdatedField(DateTimeField):
    """The page's last real content change (annotated on the API's queryset)."""

    def get_attribute(self, instance):
        return last_updated(instance)


class PublicPageSerializer(PageSerializer):
    source_language = SourceLanguageField(read_only=True)
    last_updated = LastUpdatedField(read_only=True)


class PublicPagesAPIViewSet(ReadOnlyPublicAPI, PagesAPIViewSet):
    checks_locale = True
    base_serializer_class = PublicPageSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, "source_language", "last_updated"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "source_language", "last_updated"]

    def get_queryset(self):
        # Annotated here, after Wagtail swaps in a page type's own queryset (?type=),
        # which carries nothing of the base one: without these, a query per item.
        queryset = super().get_queryset()
        if queryset.model is not Page:
            queryset = queryset.select_related("locale").annotate(source_locale=source_locale_subquery(Page))
        return with_last_updated(queryset)

    def get_base_queryset(self):
        """The pages of the site's trees (one per language) the public may see
        now, by the site's one rule (pages.visibility, whose restricted paths
        are cached). Wagtail's default reads the restrictions on every request,
        lets a signed-in user or a page password through and knows no dates."""
        site = site_for(self.request._request)
        if site is None:
            return Page.objects.none()
        roots = fragments.cached(
            "api-roots", site.pk, lambda: list(twins(site.root_page, inclusive=True).values_list("path", flat=True))
        )
        in_site = Q()
        for path in roots:
            in_site |= Q(path__startswith=path)
        pages = public(Page.objects.filter(in_site)).select_related("locale")
        return pages.annotate(source_locale=source_locale_subquery(Page))


class PublicImagesAPIViewSet(ReadOnlyPublicAPI, ImagesAPIViewSet):
    listing_default_fields = _without_tags(ImagesAPIViewSet.listing_default_fields)

    def get_queryset(self):
        return in_public_collections(super().get_queryset())


class PublicDocumentsAPIViewSet(ReadOnlyPublicAPI, DocumentsAPIViewSet):
    listing_default_fields = _without_tags(DocumentsAPIViewSet.listing_default_fields)

    def get_queryset(self):
        return in_public_collections(super().get_queryset())
