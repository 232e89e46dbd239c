"""The page comparing the parks' assessments: a chart and a table, in both languages."""

from django.db import models
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from pages.cache import fragments
from pages.models import BasePage
from pages.navigation import site_for, site_id

from .assessments import ParkAssessment, assessment_path
from .parks import public_parks


class AssessmentComparisonPage(BasePage):
    """ "Where the parks stand": the parks' assessments side by side, as a chart and a table."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short introduction shown above the chart."))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["parks.ParkIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("assessment comparison page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The chart and the table, the same for every visitor of the language, are
        # kept as HTML with the fragments, which every publish drops.
        context["comparison_html"] = mark_safe(  # noqa: S308 - an autoescaped template
            fragments.cached(
                f"assessment-comparison:{self.pk}", site_id(site_for(request)), lambda: self.comparison_html(request)
            )
        )
        return context

    def comparison_html(self, request):
        parks = compared_parks(self.locale_id)
        context = {"request": request, "parks": parks, "chart": path_chart(parks)}
        return render_to_string("parks/includes/assessment_comparison.html", context)


def compared_parks(locale_id):
    """Each public park of the language with its assessments in road order
    (``park.path``), in tree order: two queries."""
    parks = list(public_parks(locale_id).only("title", "url_path", "path", "depth", "locale_id").order_by("path"))
    by_park = {park.pk: [] for park in parks}
    for row in ParkAssessment.objects.filter(page_id__in=by_park):
        by_park[row.page_id].append(row)
    for park in parks:
        park.road = assessment_path(by_park[park.pk])
    return parks


# The comparison chart: one row per park, a 0–100 % track with a dot per assessment.
CHART_WIDTH, ROW_HEIGHT, TRACK_LEFT, TRACK_RIGHT = 480, 64, 16, 448


def path_chart(parks):
    rows = []
    for index, park in enumerate(parks):
        top = index * ROW_HEIGHT
        dots = [
            {
                "row": row,
                "x": round(TRACK_LEFT + float(row.share_met) / 100 * (TRACK_RIGHT - TRACK_LEFT), 1),
            }
            for row in park.road
        ]
        # The road from the first assessment to the last, drawn between their dots.
        road = (min(dot["x"] for dot in dots), max(dot["x"] for dot in dots)) if len(dots) > 1 else None
        rows.append({"park": park, "label_y": top + 18, "track_y": top + 42, "dots": dots, "road": road})
    return {"rows": rows, "width": CHART_WIDTH, "height": max(len(rows), 1) * ROW_HEIGHT,
            "left": TRACK_LEFT, "right": TRACK_RIGHT}  # fmt: skip
