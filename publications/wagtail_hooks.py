from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import DocumentDownloads


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Counts are written by downloads only; editors may look, not change."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return user.is_active and (user.is_superuser or user.has_perm("publications.view_documentdownloads"))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class DownloadCountViewSet(ModelViewSet):
    model = DocumentDownloads
    icon = "download"
    menu_label = _("Downloads")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["document", "count"]
    search_fields = ["document__title"]
    form_fields = ["count"]
    inspect_view_enabled = True


register_permission_policy(DocumentDownloads, ReadOnlyPolicy(DocumentDownloads))


@hooks.register("register_admin_viewset")
def register_download_counts():
    return DownloadCountViewSet("download_counts")
