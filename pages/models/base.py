from django.db import models
from django.urls import Resolver404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from pages.blocks import BodyBlock
from pages.editorial.languages import LanguagePagePermissionTester
from pages.links import SafeLinksMixin
from pages.old_addresses.panels import OldAddressesPanel
from pages.search.folding import transliterate_slug
from pages.visibility import restricted_paths


class BasePage(SafeLinksMixin, Page):
    """What every page of the site shares.

    The card shown for a page in listings and on the home page uses its title and
    ``search_description`` (Page's own field, translated with the page), so there
    is one summary to keep current, not two.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown under the title."),
    )

    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The main content: text, headings, images, figures and documents, in reading order."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    # The page's old addresses (the redirects that lead to it) beside its slug.
    promote_panels = [*Page.promote_panels, OldAddressesPanel()]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("locale"),
    ]
    # For a type the public sees only from its date on (news dated in the
    # future): the name of that date field. The one rule (pages.visibility)
    # then leaves its pages out of every listing, feed, search, dataset, the
    # API and the sitemap, and its address answers 404, until the date comes.
    listed_from_its_date = False

    class Meta:
        abstract = True

    def share_image(self):
        """The picture shown where the page is shared (Open Graph, schema.org),
        or None; a page type with a picture of its own names it."""
        return None

    def listing_date(self):
        """The date (or date and time) site search shows and orders the page by,
        or None; a dated page type names its date."""
        return None

    def permissions_for_user(self, user):
        # Wagtail's page permissions, limited to the languages the user may edit.
        # Kept on this instance for this user object: Wagtail asks again for
        # each button of an explorer row (ten times a row).
        tester = self.__dict__.get("_permission_tester")
        if tester is None or tester.user is not user or tester.page is not self:
            tester = self.__dict__["_permission_tester"] = LanguagePagePermissionTester(user, self)
        return tester

    def full_clean(self, *args, **kwargs):
        # Wagtail derives a missing slug with Django's slugify, which drops "đ".
        if not self.slug and self.title:
            self.slug = transliterate_slug(self.title)
        elif self.slug:
            self.slug = transliterate_slug(self.slug)
        super().full_clean(*args, **kwargs)

    def get_view_restrictions(self):
        # Wagtail asks on every request (two queries); while no page anywhere is
        # restricted, the shell's cached list answers without asking the database.
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def route(self, request, path_components):
        """Wagtail's routing, in two queries instead of two per level: the pages
        along the path are found by their ``url_path`` at once. A live routable
        page whose own sub-URLs match the rest of the path (they come before its
        children) routes it, as RoutablePageMixin.route would.

        Measured (docs/caches.md): a path that is not remembered yet
        (pages.cache.routing), a routable page's sub-view or a POST is routed
        here; Wagtail's own route costs a query per level of the path."""
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "".join(f"{slug}/" for slug in path_components[:n])
            for n in range(1, len(path_components) + 1)
        ]
        chain = Page.objects.filter(url_path__in=prefixes, path__startswith=self.path).order_by("depth")
        target, consumed = self, 0
        for page in chain:
            if page.depth != self.depth + consumed + 1 or page.url_path != prefixes[consumed]:
                break
            target, consumed = page, consumed + 1
            if page.live and _claims_sub_path(page.specific_class, path_components[consumed:]):
                break
        if target is self:
            return super().route(request, path_components)
        return target.specific.route(request, path_components[consumed:])


def _claims_sub_path(page_class, remaining):
    if page_class is None or not issubclass(page_class, RoutablePageMixin):
        return False
    try:
        page_class.get_resolver().resolve("/" + "".join(f"{slug}/" for slug in remaining))
    except Resolver404:
        return False
    return True
