"""A page's old addresses in its edit view (the Promote tab of every page type):
the redirects that lead to it or to its translations, read-only, with links to
Wagtail's Redirects for those who may change them."""

from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class OldAddressesPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Old addresses"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "pages/admin/old_addresses_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)  # a page being created has none

        @cached_property
        def redirects(self):
            """The redirects to this page and to its translations (a translation
            is edited in wagtail-localize's editor, which shows no panels)."""
            from wagtail.contrib.redirects.models import Redirect

            from pages.lookups import twins

            page = self.instance
            # A CSV import gives addresses, not pages: those to this page's address count too.
            url = page.get_full_url(self.request) if page.live else None
            by_address = Q(redirect_link__in=[url, url.rstrip("/")]) if url else Q(pk__in=[])
            found = (
                Redirect.objects.filter(Q(redirect_page__in=twins(page, inclusive=True)) | by_address)
                .select_related("site", "redirect_page__locale")
                .order_by("old_path")
            )
            for redirect in found:
                target = redirect.redirect_page
                redirect.language = (target.locale if target else page.locale).get_display_name()
            return found

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            user = self.request.user
            context.update(
                redirects=self.redirects,
                may_change=user.has_perm("wagtailredirects.change_redirect"),
                may_add=user.has_perm("wagtailredirects.add_redirect"),
            )
            return context
