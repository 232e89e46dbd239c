"""A park's yearly figures, and the order they are shown in."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..indicators import NOT_NEGATIVE, Currency, Kind, Status, period_label, unit_for


class ParkIndicator(TranslatableMixin, Orderable):
    """A yearly figure for one park. The unit follows from the kind (and the
    currency, for cost), so it cannot disagree with what is measured."""

    page = ParentalKey("parks.ParkPage", on_delete=models.CASCADE, related_name="indicators")
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


def in_indicator_order(rows):
    """Indicators in the order of Kind (energy first), then by year: the park
    page's table, its CSV and the open indicators dataset."""
    order = list(Kind.values)
    return sorted(rows, key=lambda row: (order.index(row.kind), row.currency, row.year))
