"""The Translations report and its dashboard panel."""

import csv

from django import forms
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from pages.editorial.translation_status import ALIAS, MISSING, STATES, TranslationStatus, directions
from pages.spreadsheets import safe_row


class ReportFilterForm(forms.Form):
    direction = forms.ChoiceField(label=_("Direction"), required=False)
    section = forms.ChoiceField(label=_("Section"), required=False)
    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("All states")), *((k, v) for k, v in STATES.items())]
    )

    def __init__(self, *args, sections=(), locales=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("All sections")), *sections]
        self.fields["direction"].choices = [("", _("Both directions")), *directions(locales)]


class TranslationReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "pages/admin/translation_report.html"
    page_title = _("Translations")
    header_icon = "wagtail-localize-language"

    paginate_by = 50

    def get(self, request, *args, **kwargs):
        self.status = TranslationStatus()
        self.form = ReportFilterForm(request.GET or None, sections=self.status.sections(), locales=self.status.locales)
        filters = self.form.cleaned_data if self.form.is_valid() else {}
        self.section = filters.get("section", "")
        self.direction = filters.get("direction", "")
        self.rows = self.status.select(self.section, filters.get("state", ""), self.direction)
        if request.GET.get("export") == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": reverse("wagtailadmin_home"), "label": _("Home")}, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        finder = AdminURLFinder(self.request.user)
        query = {name: value for name, value in (("section", self.section), ("direction", self.direction)) if value}
        paginator = WagtailPaginator(self.rows, self.paginate_by)
        # A page number out of range or not a number shows the nearest page.
        page = paginator.get_page(self.request.GET.get("p"))
        return {
            **super().get_context_data(**kwargs),
            "form": self.form,
            "rows": [(row, self._actions(row, finder)) for row in page.object_list],
            "page_obj": page,
            "elided_page_range": paginator.get_elided_page_range(page.number),
            "counts": [
                {"state": key, "label": label, "count": count, "query": {**query, "state": key}}
                for (key, label), count in zip(
                    STATES.items(), self.status.counts(self.section, self.direction).values(), strict=True
                )
            ],
            "csv_query": {**self.request.GET.dict(), "export": "csv"},
        }

    def _actions(self, row, finder):
        """Where a user goes from a row: the source, and the translation."""
        actions = {"source_url": finder.get_edit_url(row.source)}
        if row.state == MISSING and row.kind == "page":
            actions["translate_url"] = reverse("wagtail_localize:submit_page_translation", args=[row.source.pk])
        elif row.state == MISSING:
            opts = row.source._meta
            actions["translate_url"] = reverse(
                "wagtail_localize:submit_snippet_translation", args=[opts.app_label, opts.model_name, row.source.pk]
            )
        elif row.state == ALIAS:
            actions["translate_url"] = reverse("wagtail_localize:submit_page_translation", args=[row.source.pk])
        else:
            actions["translate_url"] = finder.get_edit_url(row.target)
            if row.kind == "page" and row.translation is not None:
                actions["review_url"] = reverse("pages_editorial:submit_for_review", args=[row.translation.pk])
        return actions

    def csv_response(self):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"translations-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.write("\ufeff")  # so spreadsheet programs read the Vietnamese as UTF-8
        writer = csv.writer(response)
        writer.writerow(
            safe_row(
                [
                    _("Section"),
                    _("Type"),
                    _("Title"),
                    _("Source language"),
                    _("Language"),
                    _("State"),
                    _("Translated strings"),
                    _("Strings"),
                    _("Changed since last translated"),
                ]
            )
        )
        for row in self.rows:
            writer.writerow(
                safe_row(
                    [
                        row.section_label,
                        row.source._meta.verbose_name,
                        row.title,
                        row.source_locale.language_code,
                        row.target_locale.language_code,
                        row.state_label,
                        None if row.total is None else row.translated,
                        None if row.total is None else row.total,
                        row.changed,
                    ]
                )
            )
        return response


class TranslationsPanel(Component):
    """The report's counts on the admin dashboard."""

    name = "translations"
    order = 110
    template_name = "pages/admin/translations_panel.html"

    def get_context_data(self, parent_context):
        status = TranslationStatus()
        url = reverse("pages_editorial:translations_report")
        return {
            "directions": [
                {
                    "label": label,
                    "url": f"{url}?direction={key}",
                    "counts": [
                        {
                            "state": state,
                            "label": STATES[state],
                            "count": count,
                            "url": f"{url}?direction={key}&state={state}",
                        }
                        for state, count in status.counts(direction=key).items()
                    ],
                }
                for key, label in directions(status.locales)
            ],
            "report_url": url,
        }
