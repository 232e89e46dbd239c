"""The importer in the admin: Settings → Import content, for those who hold
``importer.import_content`` (Moderators, and superusers); the permission is
offered in the group editor."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from pages.importer import views


@hooks.register("register_admin_urls")
def importer_urls():
    urls = [
        path("", views.start, name="start"),
        path("template.<str:fmt>", views.download_template, name="template"),
        path("<str:token>/", views.report, name="report"),
        path("<str:token>/import/", views.confirm, name="confirm"),
        path("<str:token>/result/", views.result, name="result"),
    ]
    return [path("import/", include((urls, "importer"), namespace="importer"))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_settings_menu_item")
def import_menu_item():
    return ImportMenuItem(_("Import content"), reverse("importer:start"), icon_name="upload", order=900)


@hooks.register("register_permissions")
def import_permission():
    return Permission.objects.filter(content_type__app_label="importer", codename="import_content")
