"""Translatable snippets that carry words: footer partners, related agencies, team.

Each is looked up in the page's language with a fallback to English
(pages.navigation.localized), and translated in wagtail-localize like a page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.links import SafeLinksMixin


class SortableSnippet(SafeLinksMixin, TranslatableMixin, models.Model):
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Lower numbers come first."))

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "pk"]


class Partner(index.Indexed, SortableSnippet):
    class Role(models.TextChoices):
        IMPLEMENTED_BY = "implemented_by", _("Implemented by")
        FUNDED_BY = "funded_by", _("Funded by")
        PROGRAMME = "programme", _("Global Eco-Industrial Parks Programme")

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The organisation's full name, also read out in place of its logo."),
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        help_text=_("The group the partner is listed under in the footer."),
    )
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the footer instead of the name; leave empty to show the name as text."),
    )
    url = models.URLField(
        _("link"),
        blank=True,
        help_text=_("The partner's website, e.g. https://www.unido.org. Leave empty for no link."),
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("logo"), FieldPanel("url"), FieldPanel("sort_order")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("role"),
        SynchronizedField("logo"),
        SynchronizedField("url"),
        SynchronizedField("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("locale")]

    class Meta(SortableSnippet.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name


class RelatedAgency(index.Indexed, SortableSnippet):
    short_name = models.CharField(
        _("short name"), max_length=40, help_text=_('As shown in the footer, e.g. "MOIT" or "Da Nang".')
    )
    name = models.CharField(
        _("full name"),
        max_length=200,
        help_text=_('Shown under the short name in the footer, e.g. "Ministry of Industry and Trade".'),
    )
    url = models.URLField(
        _("link"),
        help_text=_("The agency's website, opened when its name in the footer is clicked."),
    )

    panels = [FieldPanel("short_name"), FieldPanel("name"), FieldPanel("url"), FieldPanel("sort_order")]
    translatable_fields = [
        TranslatableField("short_name"),
        TranslatableField("name"),
        SynchronizedField("url"),
        SynchronizedField("sort_order"),
    ]
    search_fields = [index.SearchField("short_name"), index.SearchField("name"), index.FilterField("locale")]

    class Meta(SortableSnippet.Meta):
        verbose_name = _("related agency")
        verbose_name_plural = _("related agencies")

    def __str__(self):
        return f"{self.short_name}: {self.name}"


class TeamMember(index.Indexed, SortableSnippet):
    name = models.CharField(_("name"), max_length=200, blank=True, help_text=_("Leave empty to show the role only."))
    role = models.CharField(
        _("role"), max_length=200, help_text=_('The person\'s job in the project, e.g. "National project coordinator".')
    )
    organisation = models.CharField(
        _("organisation"), max_length=200, help_text=_('Where the person works, e.g. "UNIDO" or "MOIT".')
    )
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown as a small square next to the name; a head-and-shoulders photo works best."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("role"),
        TranslatableField("organisation"),
        SynchronizedField("photo"),
        SynchronizedField("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("role"), index.FilterField("locale")]

    class Meta(SortableSnippet.Meta):
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self):
        return self.name or self.role
