"""The API's URLs (included by eipvn.urls; also the URLconf its answers are
judged against, see pages.opendata.api.ReadOnlyPublicAPI.finalize_response)."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter

from pages.opendata.api import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet, PublicPagesAPIViewSet

router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PublicPagesAPIViewSet)
router.register_endpoint("images", PublicImagesAPIViewSet)
router.register_endpoint("documents", PublicDocumentsAPIViewSet)

urlpatterns = [path("api/v2/", router.urls)]
