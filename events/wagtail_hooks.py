"""Registrations in the admin: per event, exported as CSV/XLSX (formula-safe),
attendance marked by staff. Nobody adds one here; visitors register on the page.
Moderators only, like all visitors' personal data (pages.personal_data)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import EditView, IndexView

from pages.personal_data import PersonalDataViewSet
from pages.spreadsheets import SafeSpreadsheetExportMixin

from .registration.models import Registration


class RegistrationIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The listing, downloadable with no cell that runs as a formula."""


class RegistrationEditView(EditView):
    def get_page_subtitle(self):
        # Whose attendance this is; the record's own name is a number (pages.personal_data).
        return f"{self.object.name} – {self.object.event.title}"


class RegistrationViewSet(PersonalDataViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    add_to_admin_menu = True
    menu_order = 260
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
    list_display = ["name", "email", "organisation", "event", "status", "attended", "created_at"]
    list_filter = ["event", "status", "attended"]
    search_fields = ["name", "email", "organisation"]
    list_export = [
        "event",
        "name",
        "email",
        "organisation",
        "position",
        "phone",
        "preferred_language",
        "needs",
        "status",
        "attended",
        "created_at",
    ]
    export_filename = "registrations"
    form_fields = ["attended"]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("registrations")
