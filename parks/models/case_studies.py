"""Industrial symbiosis case studies: the exchanges between companies of a park."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.cache import fragments
from pages.listing import kept_cards, public
from pages.lookups import in_language
from pages.models import BasePage
from pages.models.changes import corrections_panel
from pages.themes.models import ThemedPage

from ..indicators import NOT_NEGATIVE
from .links import ParkLink


class CaseStudyIndexPage(BasePage):
    """ "Case studies of industrial symbiosis in Hoa Khanh and Tra Noc"."""

    parent_page_types = ["parks.ParkIndexPage"]
    subpage_types = ["parks.CaseStudyPage"]

    class Meta:
        verbose_name = _("case study index")

    def get_context(self, request, *args, **kwargs):
        from pages.listing import Filters
        from pages.themes import filters as theme_filters

        context = super().get_context(request, *args, **kwargs)
        studies = lambda: public(CaseStudyPage.objects.child_of(self).live()).order_by("path")  # noqa: E731
        filters = Filters(request, studies)
        context.update(theme_filters.apply(filters, theme_filters.listing_options(f"case-studies:{self.pk}", studies)))
        # Kept per theme chosen (Filters.key): ids with the fragments, cards as HTML.
        name = f"case-studies:{self.pk}:{filters.key()}"
        context["case_studies"] = kept_cards(request, name, lambda: filters.pages)
        context["selected"] = filters.selected
        return context


class CaseStudyPage(ThemedPage, BasePage):
    class Stage(models.TextChoices):
        IDENTIFIED = "identified", _("Opportunity identified")
        FEASIBILITY = "feasibility", _("Pre-feasibility study")
        IMPLEMENTING = "implementing", _("Being implemented")
        OPERATING = "operating", _("In operation")

    participants = models.CharField(
        _("companies or sectors involved"),
        max_length=255,
        help_text=_('Who takes part, by name or by sector, e.g. "a brewery and an animal feed mill".'),
    )
    benefits = models.TextField(
        _("benefits"),
        blank=True,
        help_text=_("What the exchange saves or earns, in plain words, e.g. lower disposal costs or less water used."),
    )
    stage = models.CharField(
        _("status"),
        max_length=20,
        choices=Stage.choices,
        default=Stage.IDENTIFIED,
        help_text=_("How far the exchange has got, from an identified opportunity to being in operation."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("park_links", heading=_("Parks"), label=_("Park"), min_num=1),
        FieldPanel("participants"),
        FieldPanel("stage"),
        ThemedPage.themes_panel(),
        InlinePanel("flows", heading=_("What flows between them"), label=_("Flow")),
        FieldPanel("benefits"),
        FieldPanel("body"),
        corrections_panel(),
    ]

    parent_page_types = ["parks.CaseStudyIndexPage"]
    subpage_types = []
    theme_section = ("case-studies", _("Case studies"))

    class Meta:
        verbose_name = _("case study")

    def parks(self):
        """The case study's public parks in the page's language."""
        # The language's public parks (as parks.models.public_parks): the links name the English ones.
        return public(in_language([link.park for link in self.park_links.select_related("park")], self.locale_id))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            fragments.cached(
                f"case-study:{self.pk}",
                0,
                lambda: {"parks": list(self.parks()), "flows": list(self.flows.all())},
            )
        )
        return context


class CaseStudyPark(ParkLink):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="park_links")


class CaseStudyFlow(TranslatableMixin, Orderable):
    class FlowKind(models.TextChoices):
        MATERIAL = "material", _("Material")
        WATER = "water", _("Water")
        ENERGY = "energy", _("Energy")
        BY_PRODUCT = "by_product", _("By-product")

    class Unit(models.TextChoices):
        TONNES_YEAR = "t_year", _("t a year")
        M3_YEAR = "m3_year", _("m³ a year")
        MWH_YEAR = "mwh_year", _("MWh a year")

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="flows")
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=FlowKind.choices,
        help_text=_("Whether a material, water, energy or a by-product is passed on."),
    )
    description = models.CharField(
        _("what flows"), max_length=255, help_text=_('What is passed on, e.g. "Steam" or "Spent grain".')
    )
    source = models.CharField(_("from"), max_length=255, help_text=_("The company or sector that gives it."))
    destination = models.CharField(_("to"), max_length=255, help_text=_("The company or sector that receives it."))
    quantity = models.DecimalField(
        _("quantity"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NOT_NEGATIVE,
        help_text=_("How much flows a year, without the unit, e.g. 1200. Leave empty if not yet measured."),
    )
    unit = models.CharField(
        _("unit"),
        max_length=10,
        choices=Unit.choices,
        blank=True,
        help_text=_("The unit of the quantity; give both, or leave both empty."),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("source"), FieldPanel("destination")]),
        FieldRowPanel([FieldPanel("quantity"), FieldPanel("unit")]),
    ]
    translatable_fields = [
        SynchronizedField("kind"),
        TranslatableField("description"),
        TranslatableField("source"),
        TranslatableField("destination"),
        SynchronizedField("quantity"),
        SynchronizedField("unit"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("flow")

    def clean(self):
        super().clean()
        if (self.quantity is None) != (not self.unit):
            raise ValidationError({"unit": _("Give a quantity and its unit together, or neither.")})
