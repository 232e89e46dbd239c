from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from pages.models.base import BasePage
from pages.updates import views


class SubscribePage(BasePage):
    """E-mail updates: the form to subscribe (the footer's and the listings'
    short forms lead here). One per language, linked from every footer."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    show_in_menus_default = False

    class Meta:
        db_table = "pages_subscribepage"
        verbose_name = _("e-mail updates page")

    def serve(self, request, *args, **kwargs):
        response = views.subscribe(request, self)
        # The form carries a CSRF token: this page is never stored by a cache.
        add_never_cache_headers(response)
        return response
