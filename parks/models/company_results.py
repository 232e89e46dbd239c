"""Company-level RECP and industrial symbiosis results, and the page that tables them."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.listing import ListingPage
from pages.models import BasePage
from pages.themes.models import ThemedSnippetForm

from ..indicators import NOT_NEGATIVE, Currency, Status


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
        "parks.ParkPage",
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
    # Set on the source row; its translations share them by translation key (parks.company_results).
    themes = models.ManyToManyField(
        "themes.Theme",
        blank=True,
        related_name="+",
        verbose_name=_("themes"),
        help_text=_("What the results are about, e.g. water or energy; readers filter the table by them."),
    )

    panels = [
        FieldPanel("company"),
        FieldRowPanel([FieldPanel("park"), FieldPanel("sector"), FieldPanel("year")]),
        FieldPanel("measures"),
        FieldRowPanel([FieldPanel("energy_mwh"), FieldPanel("water_m3")]),
        FieldRowPanel([FieldPanel("co2e_t"), FieldPanel("waste_t")]),
        FieldRowPanel([FieldPanel("cost_saved"), FieldPanel("currency")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("source")]),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]
    base_form_class = ThemedSnippetForm
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

    @classmethod
    def theme_summary(cls, locale_id, theme_key):
        """For a theme's page (pages.themes): how many public results in the
        language are on the theme, and the table that filters them, or None."""
        from pages.listing import public

        from ..company_results import public_company_results, row_themes

        page = public(CompanyResultsPage.objects.filter(locale_id=locale_id)).order_by("path").first()
        keys = [key for key, themes in row_themes().items() if str(theme_key) in themes]
        count = public_company_results(locale_id).filter(translation_key__in=keys).count() if page and keys else 0
        return {"title": page.title, "url": page.url, "count": count} if count else None
