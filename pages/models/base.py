from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pages.blocks import BodyBlock
from pages.editorial.languages import LanguagePagePermissionTester
from pages.slugs import transliterate_slug


class BasePage(Page):
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
    promote_panels = Page.promote_panels
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("locale"),
    ]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        # Wagtail's page permissions, limited to the languages the user may edit.
        return LanguagePagePermissionTester(user, self)

    def full_clean(self, *args, **kwargs):
        # Wagtail derives a missing slug with Django's slugify, which drops "đ".
        if not self.slug and self.title:
            self.slug = transliterate_slug(self.title)
        elif self.slug:
            self.slug = transliterate_slug(self.slug)
        super().full_clean(*args, **kwargs)
