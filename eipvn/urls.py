from pathlib import Path

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve as serve_static_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from eipvn import two_factor
from pages import seo
from pages.cache import routing
from pages.editorial import localize_views
from pages.opendata import views as opendata_views
from pages.search.views import search as search_view
from pages.updates import views as updates_views
from pages.views import authenticate_with_password, healthz

# Outside the language prefix: admin, documents, health check.
urlpatterns = [
    # wagtail-localize's views that change content, with language and publish
    # checks; listed before the admin so they answer wagtail-localize's own URLs.
    path(
        "admin/localize/submit/page/<int:page_id>/",
        require_admin_access(localize_views.SubmitPageTranslation.as_view()),
    ),
    path(
        "admin/localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        require_admin_access(localize_views.SubmitSnippetTranslation.as_view()),
    ),
    path(
        "admin/localize/update/<int:translation_source_id>/",
        require_admin_access(localize_views.UpdateTranslations.as_view()),
    ),
    path("admin/localize/page/<int:page_id>/convert_to_alias/", localize_views.convert_to_alias),
    *[
        path(f"admin/localize/translate/<int:translation_id>/{route}", view)
        for route, view in localize_views.TRANSLATION_TOOLS.items()
    ],
    path("admin/two-step/", include(two_factor.urlpatterns)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", healthz, name="healthz"),
    # Read-only JSON API (pages.opendata.api); the language is ?locale=, not a prefix.
    path("", include("pages.opendata.api_urls")),
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("sitemaps/<str:language>/<slug:slug>/<int:number>.xml", seo.section_sitemap, name="sitemap-section"),
    path("robots.txt", seo.robots, name="robots"),
]

# Uploads anyone may read: images, their renditions and videos. Documents are
# left out: they go through /documents/ (Wagtail's serve view), which checks
# private collections, so MEDIA_ROOT/documents/ has no public address. Each
# folder is its own root, so "images/../documents/…" cannot climb out of it.
PUBLIC_MEDIA_FOLDERS = ("images", "original_images", "videos")

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/{folder}/(?P<path>.+)$",
            serve_static_file,
            {"document_root": Path(settings.MEDIA_ROOT) / folder},
        )
        for folder in PUBLIC_MEDIA_FOLDERS
    ]

# Public pages live under /en/ and /vi/; "/" is redirected by LocaleMiddleware
# to the visitor's language (cookie, then Accept-Language).
urlpatterns += i18n_patterns(
    path("search/", search_view, name="search"),
    # Open datasets (pages.opendata); Wagtail's pages never end in ".<format>".
    path("data/<slug:name>.<slug:fmt>", opendata_views.download, name="dataset"),
    # Wagtail's page-password form, with a limit on guesses; before Wagtail's own.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # The links in e-mail updates (pages.updates.links), in the subscriber's
    # language; the subscribe form itself is a page (updates.SubscribePage, in pages/updates).
    path(_("updates/confirm/<str:token>/"), updates_views.confirm, name="updates-confirm"),
    path(_("updates/preferences/<str:token>/"), updates_views.manage, name="updates-manage"),
    path(_("updates/unsubscribe/<str:token>/"), updates_views.unsubscribe, name="updates-unsubscribe"),
    # Pages: Wagtail's serve view with the Site and routes remembered
    # (pages.cache.routing), under Wagtail's own pattern and name, so that page
    # URLs reverse to it; before Wagtail's URLs, whose serve it takes over.
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "pages.views.page_not_found"
handler500 = "pages.views.server_error"
