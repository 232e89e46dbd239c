"""The parks' open datasets: indicators, assessments, company results and case
studies (pages.opendata), read from the querysets the park pages, the company
results table and the case studies' index show."""

from django.utils.translation import gettext_lazy as _

from pages.listing import public
from pages.navigation.localized import active_locale
from pages.opendata.registry import Dataset, columns
from pages.origin import with_source_language
from pages.themes.lookups import names_by_item, theme_rows

from .company_results import public_company_results, row_themes
from .models import CaseStudyPage, CaseStudyPark, ParkIndicator, in_indicator_order, public_parks
from .models.assessments import CATEGORIES
from .models.comparison import compared_parks


def status_and_source(row):
    """(status, source, source URL) of an indicator row: the one place to point
    at other fields should indicators gain a source address."""
    return row.get_status_display(), row.source, getattr(row, "source_url", "")


def _indicator_rows(request):
    parks = list(public_parks(active_locale().pk).only("title", "path", "url_path", "locale_id"))
    by_page = {park.pk: [] for park in parks}
    for row in ParkIndicator.objects.filter(page_id__in=by_page):
        by_page[row.page_id].append(row)
    for park in parks:
        url = park.get_full_url(request)
        for row in in_indicator_order(by_page[park.pk]):
            status, source, source_url = status_and_source(row)
            yield (park.title, url, row.kind, row.get_kind_display(), row.year, row.value.normalize(), row.unit,
                   status, source, source_url)  # fmt: skip


INDICATORS = Dataset(
    name="indicators",
    title=_("Park indicators"),
    description=_(
        "Every yearly figure of every demonstration park, as shown in each park's indicators table: "
        "energy, water, CO2e, waste and cost saved, companies engaged and measures implemented."
    ),
    columns=columns(
        ("park", _("The park's name")),
        ("park_url", _("The park's page")),
        ("indicator_code", _("What is measured, as a code that is the same in both languages")),
        ("indicator", _("What is measured")),
        ("year", _("The year the figure is for")),
        ("value", _("The figure, a plain number")),
        ("unit", _("Its unit (MWh, m³, t CO2e, t, a currency, companies or measures)")),
        ("status", _("Reported (measured) or estimated")),
        ("source", _("Who reported it")),
        ("source_url", _("Where the source can be read, when it is online")),
    ),
    rows=_indicator_rows,
    key=("park_url", "indicator_code", "unit", "year"),
    pages=("parks.ParkPage",),  # a correction on a park's page covers its figures
    order=10,
)


def _company_rows(request):
    locale = active_locale()
    locale_id = locale.pk
    names = {row["translation_key"]: row["title"] for row in theme_rows(locale)}
    themes_of = row_themes()
    parks = {
        park.translation_key: park
        for park in public_parks(locale_id).only("title", "path", "url_path", "translation_key")
    }
    for result in public_company_results(locale_id):
        # The park is synchronised (it points at the English park); name its twin, as the table does.
        park = parks.get(result.park.translation_key, result.park)
        yield (result.company, park.title, park.get_full_url(request), result.sector, result.get_sector_display(),
               result.year, result.measures, result.energy_mwh, result.water_m3, result.co2e_t, result.waste_t,
               result.cost_saved, result.currency, result.get_status_display(), result.source,
               sorted((names[key] for key in names if str(key) in themes_of.get(result.translation_key, ())),
                      key=str.casefold))  # fmt: skip


COMPANY_RESULTS = Dataset(
    name="company-results",
    title=_("Company results"),
    description=_(
        "What companies in the demonstration parks achieved with resource efficient and cleaner production "
        "(RECP) and industrial symbiosis, one row per company and year, as in the company results table."
    ),
    columns=columns(
        ("company", _("The company, or an anonymised name")),
        ("park", _("The park it is in")),
        ("park_url", _("The park's page")),
        ("sector_code", _("Its main industry, as a code that is the same in both languages")),
        ("sector", _("Its main industry")),
        ("year", _("The year of the results")),
        ("measures", _("Measures implemented")),
        ("energy_mwh", _("Energy saved, MWh a year")),
        ("water_m3", _("Water saved, m³ a year")),
        ("co2e_t", _("CO2e avoided, tonnes a year")),
        ("waste_t", _("Waste reduced, tonnes a year")),
        ("cost_saved", _("Cost saved a year")),
        ("currency", _("The currency of the cost saved (USD or VND)")),
        ("status", _("Reported (measured) or estimated")),
        ("source", _("Who reported it")),
        ("themes", _("Its themes, in the dataset's language")),
    ),
    rows=_company_rows,
    key=("company", "park_url", "year"),
    pages=("parks.ParkPage",),
    order=20,
)


def _assessment_rows(request):
    for park in compared_parks(active_locale().pk):
        url = park.get_full_url(request)
        for row in park.road:
            shares = [getattr(row, name) for name, _label in CATEGORIES]
            yield (park.title, url, row.framework, row.framework_label, row.stage, row.get_stage_display(),
                   row.year, row.month, row.share_met, *shares, row.assessor, row.source, row.source_url)  # fmt: skip


ASSESSMENTS = Dataset(
    name="assessments",
    title=_("Eco-industrial park assessments"),
    description=_(
        "Every published assessment of a demonstration park against eco-industrial park criteria, from its "
        "baseline to the latest, as on the page comparing the parks. A park without a published assessment has "
        "no row: nothing is estimated."
    ),
    columns=columns(
        ("park", _("The park's name")),
        ("park_url", _("The park's page")),
        ("framework_code", _("The criteria, as a code that is the same in both languages")),
        ("framework", _("The criteria assessed against")),
        ("status_code", _("baseline, follow-up or target, the same in both languages")),
        ("status", _("Baseline, follow-up or target")),
        ("year", _("The year assessed, when the source gives it")),
        ("month", _("The month assessed (1–12), when the source gives it")),
        ("share_met", _("The share of the criteria met, in per cent")),
        ("management_share", _("Park management criteria met, in per cent, where published")),
        ("environmental_share", _("Environmental criteria met, in per cent, where published")),
        ("social_share", _("Social criteria met, in per cent, where published")),
        ("economic_share", _("Economic criteria met, in per cent, where published")),
        ("assessor", _("Who assessed")),
        ("source", _("Where the result was published")),
        ("source_url", _("The source's address, when it is online")),
    ),
    rows=_assessment_rows,
    key=("park_url", "framework_code", "status_code", "year", "month"),
    pages=("parks.ParkPage",),
    order=15,
    shown_on="parks.AssessmentComparisonPage",
)


def _case_study_rows(request):
    locale = active_locale()
    studies = list(
        with_source_language(public(CaseStudyPage.objects.filter(locale=locale)).defer_streamfields()).order_by("path")
    )
    parks = {park.translation_key: park.title for park in public_parks(locale.pk).only("title", "translation_key")}
    links = CaseStudyPark.objects.filter(page__in=[study.pk for study in studies]).order_by("sort_order")
    parks_of = {}
    for page_id, key in links.values_list("page_id", "park__translation_key"):
        if key in parks:  # the links name the English parks: each in the language, public ones only
            parks_of.setdefault(page_id, []).append(parks[key])
    themes = names_by_item(CaseStudyPage, [study.pk for study in studies], locale)
    for study in studies:
        yield (study.title, parks_of.get(study.pk, []), study.participants, study.stage,
               study.get_stage_display(), study.benefits, study.get_full_url(request), study.source_language,
               themes.get(study.pk, []))  # fmt: skip


CASE_STUDIES = Dataset(
    name="case-studies",
    title=_("Case studies"),
    description=_("The industrial symbiosis case studies: the exchanges between companies of the parks."),
    columns=columns(
        ("title", _("The case study's title")),
        ("parks", _("The demonstration parks it is in")),
        ("participants", _("The companies or sectors involved")),
        ("stage_code", _("How far the exchange has got, as a code that is the same in both languages")),
        ("stage", _("How far the exchange has got")),
        ("benefits", _("What the exchange saves or earns")),
        ("url", _("The case study's page")),
        ("source_language", _("The language it was written in first (en or vi); the other is a translation")),
        ("themes", _("Its themes, in the dataset's language")),
    ),
    rows=_case_study_rows,
    key=("url",),
    pages=("parks.CaseStudyPage",),
    order=25,
)
