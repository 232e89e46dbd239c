"""EIP demonstration: the park pages, their indicators, case studies and
company results. Figures are synchronised between languages; words are translated."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.cache import fragments
from pages.listing import ListingPage, linked_options, public
from pages.models import BasePage
from pages.navigation import site_for, site_id

from .charts import indicator_charts
from .company_totals import totals_of
from .downloads import indicators_csv_response
from .fact_sheet_pdf import fact_sheet_response
from .indicators import Currency, Kind, Status, period_label, unit_for
from .map import park_map

NOT_NEGATIVE = [MinValueValidator(Decimal("0"))]


class ParkIndexPage(BasePage):
    """ "EIP demonstration": the parks on a map and as cards."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["parks.ParkPage", "parks.CaseStudyIndexPage", "parks.CompanyResultsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("EIP demonstration index")

    def parks(self):
        return public(ParkPage.objects.child_of(self).live())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parks = list(self.parks())
        context["parks"] = parks
        context["park_map"] = park_map(parks)
        context["other_pages"] = public(self.get_children().live().not_type(ParkPage))
        return context


def in_indicator_order(rows):
    """Indicators in the order of Kind (energy first), then by year: the park
    page's table, its CSV and the open indicators dataset."""
    order = list(Kind.values)
    return sorted(rows, key=lambda row: (order.index(row.kind), row.currency, row.year))


class ParkPage(RoutablePageMixin, BasePage):
    """One demonstration park: its fact sheet, EIP journey (body) and indicators."""

    location = models.CharField(
        _("province / city"), max_length=200, help_text=_('Where the park is, e.g. "Can Tho"; shown on its card.')
    )
    area_ha = models.DecimalField(
        _("area (ha)"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=NOT_NEGATIVE,
        help_text=_("In hectares, e.g. 366.5. Leave empty if not known."),
    )
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("The year the park was set up, e.g. 1998. Leave empty if not known."),
    )
    developer = models.CharField(
        _("developer / operator"),
        max_length=255,
        blank=True,
        help_text=_("The company that built the park or runs it day to day."),
    )
    authority = models.CharField(
        _("managing authority"),
        max_length=255,
        blank=True,
        help_text=_("The government body in charge of the park, e.g. the province's industrial zones authority."),
    )
    enterprises = models.PositiveIntegerField(
        _("number of enterprises"),
        null=True,
        blank=True,
        help_text=_("How many companies operate in the park, e.g. 250. Leave empty if not known."),
    )
    sectors = models.CharField(
        _("main sectors"),
        max_length=255,
        blank=True,
        help_text=_('The main industries, separated by commas, e.g. "food processing, textiles, metals".'),
    )
    website = models.URLField(_("website"), blank=True, help_text=_("The park's own website, if it has one."))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Places the park on the map, e.g. 10.08500; copy it from an online map."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Places the park on the map, e.g. 105.72000; copy it from an online map."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("location"),
                FieldRowPanel([FieldPanel("area_ha"), FieldPanel("year_founded"), FieldPanel("enterprises")]),
                FieldPanel("developer"),
                FieldPanel("authority"),
                FieldPanel("sectors"),
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Fact sheet"),
        ),
        FieldPanel("body", heading=_("EIP journey")),
        InlinePanel("indicators", heading=_("Indicators"), label=_("Indicator")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("location"), index.SearchField("sectors")]

    parent_page_types = ["parks.ParkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("park page")

    def indicator_rows(self):
        return in_indicator_order(self.indicators.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        rows = self.indicator_rows()
        context["indicator_rows"] = rows
        context["charts"] = indicator_charts(rows)
        site = site_for(request)
        context.update(fragments.cached(f"park-related:{self.pk}", site_id(site), self.related_content))
        return context

    def related_content(self):
        """Case studies and company results about this park (cached with the shell)."""
        case_studies = list(
            CaseStudyPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, park_links__park__translation_key=self.translation_key)
            .distinct()
        )
        company_results = list(
            CompanyResult.objects.filter(locale_id=self.locale_id, park__translation_key=self.translation_key)
        )
        return {
            "case_studies": case_studies,
            "company_results": company_results,
            "company_totals": totals_of(company_results),
        }

    # Wagtail serves paths of letters, digits and hyphens only, hence no ".csv".
    @path("indicators-csv/", name="indicators_csv")
    def indicators_csv(self, request):
        return indicators_csv_response(self, self.indicator_rows())

    @path("fact-sheet-pdf/", name="fact_sheet_pdf")
    def fact_sheet_pdf(self, request):
        return fact_sheet_response(self, request)


class ParkLink(Orderable):
    """A page's link to a demonstration park (an event's, a publication's, a case
    study's ``park_links``): subclasses add the ``page`` it belongs to. Links are
    synchronised between languages, so they point at the English park; pages are
    found by the park's translation key."""

    park = models.ForeignKey(
        ParkPage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("park"),
        help_text=_("A demonstration park this page is about or that it takes place in."),
    )

    panels = [FieldPanel("park")]

    class Meta(Orderable.Meta):
        abstract = True


class ParkIndicator(TranslatableMixin, Orderable):
    """A yearly figure for one park. The unit follows from the kind (and the
    currency, for cost), so it cannot disagree with what is measured."""

    page = ParentalKey(ParkPage, on_delete=models.CASCADE, related_name="indicators")
    kind = models.CharField(
        _("indicator"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("What is measured; the unit (MWh, m³, t, …) follows from it."),
    )
    first_year = models.PositiveSmallIntegerField(
        _("first year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Only for a figure that covers several years: e.g. 2020 for 2020–2023. Leave empty otherwise."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("The year the figure is for, e.g. 2023 (the last year, for a period)."),
    )
    value = models.DecimalField(
        _("value"),
        max_digits=16,
        decimal_places=2,
        validators=NOT_NEGATIVE,
        help_text=_("The number only, without the unit, e.g. 12500."),
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, blank=True, help_text=_("Only for cost saved.")
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.REPORTED,
        help_text=_('Choose "estimated" for calculated or projected figures, "reported" for measured ones.'),
    )
    source = models.CharField(_("source"), max_length=255, help_text=_('Who reported it, e.g. "UNIDO, 2024".'))

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("first_year"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("value"), FieldPanel("currency")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("source")]),
    ]
    translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("first_year"),
        SynchronizedField("year"),
        SynchronizedField("value"),
        SynchronizedField("currency"),
        SynchronizedField("status"),
        TranslatableField("source"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("indicator")
        ordering = ["kind", "year", "sort_order"]

    def clean(self):
        super().clean()
        if self.kind == Kind.COST and not self.currency:
            raise ValidationError({"currency": _("Cost saved needs a currency (USD or VND).")})
        if self.kind != Kind.COST and self.currency:
            raise ValidationError({"currency": _("Only cost saved has a currency; leave it empty.")})
        if self.first_year and self.year and self.first_year > self.year:
            raise ValidationError({"first_year": _("The first year cannot come after the year.")})

    @property
    def period(self):
        return period_label(self.first_year, self.year)

    @property
    def unit(self):
        return unit_for(self.kind, self.currency)


class CaseStudyIndexPage(BasePage):
    """ "Case studies of industrial symbiosis in Hoa Khanh and Tra Noc"."""

    parent_page_types = ["parks.ParkIndexPage"]
    subpage_types = ["parks.CaseStudyPage"]

    class Meta:
        verbose_name = _("case study index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["case_studies"] = public(CaseStudyPage.objects.child_of(self).live())
        return context


class CaseStudyPage(BasePage):
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
        InlinePanel("flows", heading=_("What flows between them"), label=_("Flow")),
        FieldPanel("benefits"),
        FieldPanel("body"),
    ]

    parent_page_types = ["parks.CaseStudyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("case study")

    def parks(self):
        """The case study's public parks in the page's language."""
        keys = [link.park.translation_key for link in self.park_links.select_related("park")]
        return public_parks(self.locale_id).filter(translation_key__in=keys)

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


class CompanyResultsPage(ListingPage, BasePage):
    """ "RECP and IS achievements at company-level": a filterable table (parks.company_results)."""

    parent_page_types = ["parks.ParkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("company results page")


class Sector(models.TextChoices):
    FOOD = "food", _("Food and beverages")
    TEXTILES = "textiles", _("Textiles and garments")
    PAPER = "paper", _("Pulp and paper")
    CHEMICALS = "chemicals", _("Chemicals")
    METALS = "metals", _("Metals and mechanical")
    ELECTRONICS = "electronics", _("Electronics")
    PLASTICS = "plastics", _("Rubber and plastics")
    OTHER = "other", _("Other")


class CompanyResult(TranslatableMixin, models.Model):
    """What one company achieved with RECP and industrial symbiosis in a year."""

    company = models.CharField(
        _("company"), max_length=200, help_text=_('The company\'s name, or an anonymised one like "Food processor A".')
    )
    park = models.ForeignKey(
        ParkPage,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("park"),
        help_text=_("The park the company is in."),
    )
    sector = models.CharField(
        _("sector"), max_length=20, choices=Sector.choices, help_text=_("The company's main industry.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("The year the results were achieved, e.g. 2023."),
    )
    measures = models.PositiveIntegerField(
        _("measures implemented"),
        default=0,
        help_text=_("How many RECP or industrial symbiosis measures the company put in place."),
    )
    energy_mwh = models.DecimalField(
        _("energy saved (MWh)"),
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=NOT_NEGATIVE,
        help_text=_("In megawatt-hours (MWh) a year; enter 0 if none."),
    )
    water_m3 = models.DecimalField(
        _("water saved (m³)"),
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=NOT_NEGATIVE,
        help_text=_("In cubic metres (m³) a year; enter 0 if none."),
    )
    co2e_t = models.DecimalField(
        _("CO2e avoided (t)"),
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=NOT_NEGATIVE,
        help_text=_("Greenhouse gas emissions avoided, in tonnes of CO2 equivalent a year; enter 0 if none."),
    )
    waste_t = models.DecimalField(
        _("waste reduced (t)"),
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=NOT_NEGATIVE,
        help_text=_("In tonnes a year; enter 0 if none."),
    )
    cost_saved = models.DecimalField(
        _("cost saved"),
        max_digits=16,
        decimal_places=2,
        default=0,
        validators=NOT_NEGATIVE,
        help_text=_("Money saved a year, in the currency chosen next to it; enter 0 if none."),
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        choices=Currency.choices,
        default=Currency.USD,
        help_text=_("The currency of the cost saved: US dollars (USD) or Vietnamese dong (VND)."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.REPORTED,
        help_text=_('Choose "estimated" for calculated or projected figures, "reported" for measured ones.'),
    )
    source = models.CharField(_("source"), max_length=255, help_text=_('Who reported it, e.g. "UNIDO, 2024".'))

    panels = [
        FieldPanel("company"),
        FieldRowPanel([FieldPanel("park"), FieldPanel("sector"), FieldPanel("year")]),
        FieldPanel("measures"),
        FieldRowPanel([FieldPanel("energy_mwh"), FieldPanel("water_m3")]),
        FieldRowPanel([FieldPanel("co2e_t"), FieldPanel("waste_t")]),
        FieldRowPanel([FieldPanel("cost_saved"), FieldPanel("currency")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("source")]),
    ]
    translatable_fields = [
        TranslatableField("company"),
        SynchronizedField("park"),
        SynchronizedField("sector"),
        SynchronizedField("year"),
        SynchronizedField("measures"),
        SynchronizedField("energy_mwh"),
        SynchronizedField("water_m3"),
        SynchronizedField("co2e_t"),
        SynchronizedField("waste_t"),
        SynchronizedField("cost_saved"),
        SynchronizedField("currency"),
        SynchronizedField("status"),
        TranslatableField("source"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("company result")
        verbose_name_plural = _("company results")
        ordering = ["-year", "company"]

    def __str__(self):
        return f"{self.company} ({self.year})"


def public_parks(locale_id):
    """The language's live parks that anonymous visitors may see: the one rule
    for every list, filter, related list and total that names a park."""
    return public(ParkPage.objects.live().filter(locale_id=locale_id)).defer_streamfields()


def park_options(locale_id):
    """The parks a listing filters by (``?park=<pk>``): the public ones, for every listing alike."""
    return linked_options(public_parks(locale_id).only("title", "translation_key", "path"))
