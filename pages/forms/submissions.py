"""The contact form's submissions in the admin."""

from wagtail.contrib.forms.views import SubmissionsListView

from pages.spreadsheets import SafeSpreadsheetExportMixin


class ContactSubmissionsListView(SafeSpreadsheetExportMixin, SubmissionsListView):
    """Wagtail's list of submissions; its CSV/XLSX export runs no formula a visitor typed."""
