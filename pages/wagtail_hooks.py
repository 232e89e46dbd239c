from django.contrib.auth.models import Permission
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pages import personal_data
from pages.models import Partner, RelatedAgency, TeamMember
from pages.operations import jobs_panel
from pages.visibility import current


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "role", "sort_order", "locale"]
    list_filter = ["role", "locale"]
    search_fields = ["name"]


class RelatedAgencyViewSet(SnippetViewSet):
    model = RelatedAgency
    icon = "site"
    list_display = ["short_name", "name", "url", "sort_order", "locale"]
    list_filter = ["locale"]
    search_fields = ["short_name", "name"]


class TeamMemberViewSet(SnippetViewSet):
    model = TeamMember
    icon = "user"
    list_display = ["role", "name", "organisation", "sort_order", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "role"]


class SiteContentGroup(SnippetViewSetGroup):
    menu_label = _("Footer and team")
    menu_icon = "folder-open-inverse"
    items = (PartnerViewSet, RelatedAgencyViewSet, TeamMemberViewSet)


register_snippet(SiteContentGroup)


@hooks.register("register_account_menu_item")
def two_step_verification(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": _("Two-step verification"),
        "help_text": _("Ask for a code from an authenticator app after the password."),
    }


# Roles by language, review, tree sync and the translation report.
from pages.editorial import hooks as editorial_hooks  # noqa: E402, F401


@hooks.register("filter_form_submissions_for_user")
def contact_messages_for_moderators(user, form_pages):
    # Wagtail lets whoever may change a form page read, export and delete its
    # submissions, and shows "Forms" to them; messages are personal data.
    return form_pages if personal_data.may_see(user) else form_pages.none()


@hooks.register("register_permissions")
def personal_data_permission():
    return Permission.objects.filter(content_type__app_label="pages", codename=personal_data.CODENAME)


# When each periodic job last ran, for Moderators and superusers.
hooks.register("construct_homepage_panels", jobs_panel.add_jobs_panel)


@hooks.register("before_serve_page")
def not_found_unless_current(page, request, serve_args, serve_kwargs):
    # Past its expiry date, or dated ahead (pages.visibility.current): not found,
    # as a page scheduled to go live is, with every sub-view of a routable page
    # (an event's register/ and ics/); editors see it in preview, which does not
    # come through here.
    if not current(page):
        raise Http404
