"""The EIP demonstration index and the park pages."""

from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from pages.cache import fragments
from pages.listing import kept_cards, linked_options, public
from pages.models import BasePage
from pages.models.changes import corrections_panel
from pages.navigation import site_for, site_id

from ..charts import indicator_charts, single_figures
from ..company_totals import company_table_html, totals_of
from ..downloads import indicators_csv_response
from ..fact_sheet_pdf import fact_sheet_response
from ..indicators import NOT_NEGATIVE
from ..map import park_map
from .assessments import assessment_path
from .case_studies import CaseStudyPage
from .company_results import CompanyResult
from .park_indicators import in_indicator_order

# What a park's card and its map marker show (with what its address is made of).
CARD_FIELDS = (
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "search_description",
    "location",
    "area_ha",
    "latitude",
    "longitude",
)


class ParkIndexPage(BasePage):
    """ "EIP demonstration": the parks on a map and as cards."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = [
        "parks.ParkPage",
        "parks.CaseStudyIndexPage",
        "parks.CompanyResultsPage",
        "parks.AssessmentComparisonPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("EIP demonstration index")

    def parks(self):
        return public(ParkPage.objects.child_of(self).live())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The map and the cards change only on publish: kept as HTML with the fragments.
        context["park_overview"] = fragments.cached(
            f"park-overview:{self.pk}", site_id(site_for(request)), lambda: self.overview_html(request)
        )
        # The other pages' cards are kept as HTML ({% card_list %}): their ids
        # are enough until one must be built.
        context["other_pages"] = kept_cards(
            request,
            f"park-index-others:{self.pk}",
            lambda: public(self.get_children().live().not_type(ParkPage)).order_by("path"),
        )
        return context

    def overview_html(self, request):
        """The parks on the map and as cards (parks/includes/park_overview.html)."""
        # Only what the cards and the map show: a park's body, indicators and
        # the rest of its row stay in the database.
        parks = list(self.parks().only(*CARD_FIELDS))
        context = {"request": request, "parks": parks, "park_map": park_map(parks)}
        return render_to_string("parks/includes/park_overview.html", context)


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
        InlinePanel("assessments", heading=_("EIP assessments"), label=_("Assessment")),
        # A correction here covers the park's figures too (its indicators and company results).
        corrections_panel(),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("location"), index.SearchField("sectors")]
    api_fields = [APIField("assessments")]

    parent_page_types = ["parks.ParkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("park page")

    def indicator_rows(self):
        return in_indicator_order(self.indicators.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = site_for(request)
        # The assessments, charts and table (a hundred localized numbers) change only on publish.
        context["figures_html"] = fragments.cached(
            f"park-figures:{self.pk}", site_id(site), lambda: self.figures_html(request)
        )
        context.update(fragments.cached(f"park-related:{self.pk}", site_id(site), self.related_content))
        return context

    def figures_html(self, request):
        """Its road to an eco-industrial park (the assessments) and its
        indicators as numbers, charts and a table (parks/includes/park_figures.html)."""
        rows = self.indicator_rows()
        comparison = public(Page.objects.sibling_of(self).live().filter(content_type=_comparison_type())).first()
        context = {
            "request": request,
            "page": self,
            "road": assessment_path(self.assessments.all()),
            "comparison_url": comparison.get_url(request) if comparison else "",
            "indicator_rows": rows,
            "charts": indicator_charts(rows),
            "figures": single_figures(rows),
        }
        return render_to_string("parks/includes/park_figures.html", context)

    def related_content(self):
        """Case studies and company results about this park (cached with the shell)."""
        case_studies = list(
            public(CaseStudyPage.objects.filter(locale_id=self.locale_id))
            .filter(park_links__park__translation_key=self.translation_key)
            .distinct()
        )
        company_results = list(
            CompanyResult.objects.filter(locale_id=self.locale_id, park__translation_key=self.translation_key)
        )
        company_totals = totals_of(company_results)
        return {
            "case_studies": case_studies,
            "company_results": company_results,
            "company_totals": company_totals,
            # Kept as HTML with the rest: its 100-odd localized numbers cost more than the page.
            "company_table": company_table_html(company_results, company_totals, show_park=False)
            if company_results
            else "",
        }

    # Wagtail serves paths of letters, digits and hyphens only, hence no ".csv".
    @path("indicators-csv/", name="indicators_csv")
    def indicators_csv(self, request):
        return indicators_csv_response(self, self.indicator_rows())

    @path("fact-sheet-pdf/", name="fact_sheet_pdf")
    def fact_sheet_pdf(self, request):
        return fact_sheet_response(self, request)


def _comparison_type():
    # By its label: the comparison page sits above this module (parks.models.comparison).
    return ContentType.objects.get_by_natural_key("parks", "assessmentcomparisonpage")


def public_parks(locale_id):
    """The language's live parks that anonymous visitors may see: the one rule
    for every list, filter, related list and total that names a park."""
    return public(ParkPage.objects.live().filter(locale_id=locale_id)).defer_streamfields()


def park_options(locale_id):
    """The parks a listing filters by (``?park=<pk>``): the public ones, for every listing alike."""
    return linked_options(public_parks(locale_id).only("title", "translation_key", "path"))
