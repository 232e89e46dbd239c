"""Where a park stands against the eco-industrial park criteria: assessments
over time (baseline, follow-ups, targets); the page comparing the parks is
parks.models.comparison.

Figures (dates, shares, status) are synchronised between languages; who
assessed and the source are translated. A date is as precise as its source:
a year, or a month and year, or not published at all. Nothing is estimated
for a park without a published assessment."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.links import SafeLinksMixin

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class Framework(models.TextChoices):
    INTERNATIONAL = "international", _("International Framework for Eco-Industrial Parks")
    DECREE_35 = "decree-35", _("Decree 35/2022/NĐ-CP criteria")
    OTHER = "other", _("Other criteria (named)")


class Stage(models.TextChoices):
    BASELINE = "baseline", _("baseline")
    FOLLOW_UP = "follow-up", _("follow-up")
    TARGET = "target", _("target")


# The International Framework's categories (version 2.0, 2021): a share per
# category where the assessment published one.
CATEGORIES = [
    ("management_share", _("Park management")),
    ("environmental_share", _("Environmental")),
    ("social_share", _("Social")),
    ("economic_share", _("Economic")),
]


def _share(label):
    return models.DecimalField(
        label,
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=PERCENT,
        help_text=_("In per cent of the category's criteria, where the assessment published it."),
    )


class ParkAssessment(SafeLinksMixin, TranslatableMixin, Orderable):
    """One assessment of a park against a set of eco-industrial park criteria."""

    page = ParentalKey("parks.ParkPage", on_delete=models.CASCADE, related_name="assessments")
    framework = models.CharField(
        _("framework"),
        max_length=20,
        choices=Framework.choices,
        default=Framework.INTERNATIONAL,
        help_text=_("The set of criteria the park was assessed against."),
    )
    framework_name = models.CharField(
        _("name of the criteria"),
        max_length=255,
        blank=True,
        help_text=_('Only for "other criteria": their name as the source gives it.'),
    )
    stage = models.CharField(
        _("status"),
        max_length=10,
        choices=Stage.choices,
        default=Stage.FOLLOW_UP,
        help_text=_("Baseline: the first assessment; follow-up: a later one; target: what the park aims for."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("When it was assessed, as the source says. Leave empty if the source gives no date."),
    )
    month = models.PositiveSmallIntegerField(
        _("month"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1 to 12, only if the source gives the month."),
    )
    share_met = models.DecimalField(
        _("criteria met (%)"),
        max_digits=5,
        decimal_places=1,
        validators=PERCENT,
        help_text=_("The share of the criteria met overall, in per cent, e.g. 86."),
    )
    management_share = _share(_("park management (%)"))
    environmental_share = _share(_("environmental (%)"))
    social_share = _share(_("social (%)"))
    economic_share = _share(_("economic (%)"))
    assessor = models.CharField(
        _("assessed by"), max_length=255, help_text=_('Who assessed, e.g. "MPI, UNIDO and the project\'s experts".')
    )
    source = models.CharField(_("source"), max_length=255, help_text=_("Where the result was published."))
    source_url = models.URLField(_("source address"), blank=True, help_text=_("The source's address, if online."))

    panels = [
        FieldRowPanel([FieldPanel("framework"), FieldPanel("framework_name")]),
        FieldRowPanel([FieldPanel("stage"), FieldPanel("year"), FieldPanel("month")]),
        FieldPanel("share_met"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel(name) for name, _label in CATEGORIES])],
            heading=_("By category (where published)"),
        ),
        FieldPanel("assessor"),
        FieldRowPanel([FieldPanel("source"), FieldPanel("source_url")]),
    ]
    translatable_fields = [
        SynchronizedField("framework"),
        TranslatableField("framework_name"),
        SynchronizedField("stage"),
        SynchronizedField("year"),
        SynchronizedField("month"),
        SynchronizedField("share_met"),
        *[SynchronizedField(name) for name, _label in CATEGORIES],
        TranslatableField("assessor"),
        TranslatableField("source"),
        SynchronizedField("source_url"),
    ]
    api_fields = [
        APIField(name)
        for name in (
            "framework",
            "framework_name",
            "stage",
            "year",
            "month",
            "share_met",
            *[name for name, _label in CATEGORIES],
            "assessor",
            "source",
            "source_url",
        )
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("EIP assessment")
        verbose_name_plural = _("EIP assessments")

    def clean(self):
        super().clean()
        if self.framework == Framework.OTHER and not self.framework_name.strip():
            raise ValidationError({"framework_name": _("Give the name of the criteria used.")})
        if self.framework != Framework.OTHER and self.framework_name.strip():
            raise ValidationError({"framework_name": _('Only "other criteria" need a name; leave it empty.')})
        if self.month and not self.year:
            raise ValidationError({"year": _("A month needs its year.")})

    @property
    def framework_label(self):
        return self.framework_name if self.framework == Framework.OTHER else self.get_framework_display()

    @property
    def when(self):
        """A date as precise as the source: (first day, "month" | "year"), or None."""
        if not self.year:
            return None
        return datetime.date(self.year, self.month or 1, 1), "month" if self.month else "year"

    @property
    def categories(self):
        return [(label, getattr(self, name)) for name, label in CATEGORIES if getattr(self, name) is not None]


def assessment_path(assessments):
    """A park's assessments in the order of its road: baseline, follow-ups by
    date (undated ones first), then targets."""
    order = {Stage.BASELINE: 0, Stage.FOLLOW_UP: 1, Stage.TARGET: 2}
    return sorted(
        assessments, key=lambda row: (order.get(row.stage, 1), row.year or 0, row.month or 0, row.sort_order or 0)
    )
