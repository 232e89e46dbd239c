import functools

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page

from pages.blocks import KeyFiguresBlock
from pages.listing import kept_cards, public
from pages.models.base import BasePage
from pages.models.changes import corrections_panel
from pages.models.snippets import TeamMember
from pages.navigation.localized import in_locale_with_fallback


class HomePage(BasePage):
    hero_heading = models.CharField(
        _("hero heading"), max_length=200, help_text=_("The large heading at the top of the home page.")
    )
    hero_text = models.TextField(
        _("hero text"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences shown under the large heading at the top of the home page."),
    )
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown beside the heading; its description in the image library is read out to blind visitors."),
    )
    key_figures = StreamField(
        [("key_figures", KeyFiguresBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("key figures"),
        help_text=_("A few headline numbers shown under the top of the home page, e.g. the energy saved in the parks."),
    )
    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("hero_image"),
        FieldPanel("key_figures"),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def share_image(self):
        return self.hero_image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # One card per section; a section that does not exist yet simply has none.
        context["sections"] = child_cards(self, request)
        return context


def child_cards(page, request):
    """The public children of ``page`` shown in menus, in tree order."""
    return kept_cards(
        request, f"child-cards:{page.pk}", lambda: public(page.get_children().live().in_menu()).order_by("path")
    )


class StandardPage(BasePage):
    """About pages and any other page of text; lists its children when it has some."""

    content_panels = [*BasePage.content_panels, corrections_panel()]
    parent_page_types = ["pages.HomePage", "pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = child_cards(self, request)
        return context


class TeamPage(BasePage):
    """The project team: a body, then every team member snippet of the page's language."""

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("team page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the kept list (the template's "team" fragment) must be built:
        # templates call a callable, and this one reads once.
        context["team_members"] = functools.cache(
            lambda: in_locale_with_fallback(TeamMember.objects.select_related("photo"), self.locale)
        )
        return context


class NoticePage(BasePage):
    """A notice a public site owes its visitors (privacy, accessibility, terms of
    use): linked from every footer, and the privacy notice from each form."""

    class Kind(models.TextChoices):
        PRIVACY = "privacy", _("Privacy notice")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        TERMS = "terms", _("Terms of use")

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("Which notice this is: the footer links one page of each kind, in each language."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"), help_text=_("Shown on the page: when the project last checked that the notice is true.")
    )

    content_panels = [*BasePage.content_panels, FieldPanel("kind"), FieldPanel("last_reviewed"), corrections_panel()]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    # Shown in the footer, not the main menu.
    show_in_menus_default = False

    class Meta:
        verbose_name = _("notice")

    def clean(self):
        super().clean()
        # The footer links one notice of each kind per language.
        twins = NoticePage.objects.filter(locale_id=self.locale_id, kind=self.kind).exclude(pk=self.pk)
        if self.kind and twins.exists():
            raise ValidationError({"kind": _("This language already has a page of this kind.")})
