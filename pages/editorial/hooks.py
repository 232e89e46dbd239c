"""Wagtail hooks of the editorial side (imported by pages/wagtail_hooks.py)."""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import Translation

from pages import origin
from pages.editorial import explorer_rows, publish_sync, tree_sync
from pages.editorial.languages import can_change, can_publish, can_write, writable_languages
from pages.editorial.localize_views import submit_translation_for_review
from pages.editorial.report import TranslationReportView, TranslationsPanel


@hooks.register("register_admin_urls")
def editorial_urls():
    urls = [
        path("translations/", TranslationReportView.as_view(), name="translations_report"),
        path("translations/<int:translation_id>/review/", submit_translation_for_review, name="submit_for_review"),
    ]
    return [path("editorial/", include((urls, "pages_editorial"), namespace="pages_editorial"))]


@hooks.register("register_permissions")
def language_permissions():
    # pages.edit_<lang> (write originals) and pages.translate_<lang> (translate into).
    return Permission.objects.filter(content_type__app_label="pages", content_type__model="editinglanguage")


# Translatable snippets: language checks (policies: pages.apps) --------------


def _deny_unless_may_change(request, instance):
    if not can_change(request.user, instance):
        raise PermissionDenied


@hooks.register("before_create_snippet", order=-10)
def create_snippet_in_own_language(request, model):
    """A new snippet is an original: in a language the user writes. Without
    ``?locale=`` Wagtail creates it in the default language; a user who does
    not write that one is sent to the form of the first language they write."""
    if not issubclass(model, TranslatableMixin):
        return None
    code = request.GET.get("locale") or Locale.get_default().language_code
    if not can_write(request.user, code):
        own = writable_languages(request.user)
        if request.method != "GET" or "locale" in request.GET or not own:
            raise PermissionDenied
        query = request.GET.copy()
        query["locale"] = own[0]
        return redirect(f"{request.path}?{query.urlencode()}")
    return None


@hooks.register("before_edit_snippet", order=-10)
def edit_snippet_in_own_language(request, instance):
    if isinstance(instance, TranslatableMixin):
        _deny_unless_may_change(request, instance)
        # Snippets have no drafts: saving a translation (wagtail-localize's
        # "Publish", or the plain form once its translation is stopped) applies
        # it at once, so it is a Moderator's step (languages.can_publish).
        if request.method == "POST" and _saves_live(request, instance) and not can_publish(request.user, instance):
            raise PermissionDenied


def _saves_live(request, instance):
    if "localize-restart-translation" in request.POST:  # switches syncing back on; content unchanged
        return False
    if isinstance(instance, DraftStateMixin):
        return request.POST.get("action") == "publish" or "action-publish" in request.POST
    return True


@hooks.register("before_delete_snippet", order=-10)
def delete_snippets_in_own_language(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin):
            _deny_unless_may_change(request, instance)


# Forged "Publish" on pages ---------------------------------------------------
# Wagtail quietly saves a draft when a user without publish permission posts
# "action-publish"; a refusal tells an honest user what happened and leaves
# nothing behind from a forged request.


@hooks.register("before_edit_page", order=-10)
def publish_only_with_permission(request, page):
    if request.method == "POST" and "action-publish" in request.POST and not can_publish(request.user, page):
        raise PermissionDenied


@hooks.register("before_create_page", order=-10)
def publish_new_page_only_with_permission(request, parent_page, page_class):
    if request.method == "POST" and "action-publish" in request.POST:
        if not parent_page.permissions_for_user(request.user).can_publish_subpage():
            raise PermissionDenied


# Bulk actions ----------------------------------------------------------------


@hooks.register("before_bulk_action")
def bulk_actions_follow_the_single_object_rules(request, action_type, objects, action_class_instance):
    """Wagtail leaves out the selected objects the user may not act on and
    carries on with the rest; here the whole request is refused instead, with
    a message, so nobody believes a change happened that did not."""
    _allowed, refused = action_class_instance.get_actionable_objects()
    refused = list(refused.get("items_with_no_access", []))
    refused += [obj for obj in objects if not _may_bulk(request.user, action_type, obj)]
    if refused:
        messages.error(
            request,
            _("You may not do this to %(count)d of the selected items. Nothing was changed.") % {"count": len(refused)},
        )
        return redirect(action_class_instance.next_url)
    return None


def _may_bulk(user, action_type, obj):
    # The checks of the single-object views, whatever the bulk action's own.
    if isinstance(obj, Page):
        perms = obj.permissions_for_user(user)
        checks = {"delete": perms.can_delete, "move": perms.can_move, "publish": perms.can_publish}
        checks["unpublish"] = perms.can_unpublish
        return checks.get(action_type, perms.can_edit)()
    if isinstance(obj, TranslatableMixin) and not can_change(user, obj):
        return False
    return policy_registry.get(obj).user_has_permission_for_instance(user, action_type, obj)


# The trees follow the source page, in either language ----------------------


# After wagtail-localize's own hook (order 0), which aliases English pages: this
# one aliases a page made first in any other language, and finds nothing to do
# for an English one.
@hooks.register("after_create_page", order=100)
def alias_new_page_in_other_languages(request, page):
    tree_sync.twin_new_page(page)


@hooks.register("construct_translated_pages_to_cascade_actions")
def cascade_to_translations(pages, action):
    return tree_sync.cascade(pages, action)


@hooks.register("after_copy_page")
def alias_copied_pages(request, page, new_page):
    tree_sync.alias_copies(page, new_page)


# Publishing English updates what translators see -------------------------


@hooks.register("register_page_action_menu_item")
def publish_and_update_translations_item():
    return publish_sync.PublishAndUpdateTranslationsMenuItem()


@hooks.register("after_publish_page")
def update_translations_on_request(request, page):
    if request.POST.get("action-publish") == publish_sync.ACTION_VALUE:
        publish_sync.update_translation_sources(page, request.user)


# Review of translations ----------------------------------------------------


def _review_translation(translation_key, locale_id):
    # An enabled translation into the page's language exists only when the page is one.
    return Translation.objects.filter(source__object_id=translation_key, target_locale_id=locale_id, enabled=True)


@hooks.register("construct_explorer_page_queryset")
def explorer_rows_know_their_translation(parent_page, pages, request):
    """What each listed page's buttons ask (review_buttons; the language
    checks of every permission, pages.editorial.languages), asked of them
    all in the listing's one query instead of several queries a row."""
    translations = _review_translation(OuterRef("translation_key"), OuterRef("locale_id"))
    pages = origin.with_source_pk(pages).annotate(review_translation_id=Subquery(translations.values("pk")[:1]))
    return explorer_rows.slice_first(explorer_rows.with_localize_states(pages))


# wagtail-localize's listing buttons, given from the rows' annotations
# (explorer_rows.localize_buttons): its own function, which asks four queries
# a row, leaves the listing (Wagtail has no public way to unregister a hook);
# a page's header keeps it.
hooks._hooks["register_page_listing_more_buttons"].remove((localize_hooks.page_listing_more_buttons, 0))
hooks.register("register_page_listing_more_buttons", explorer_rows.localize_buttons)


def review_buttons(page, user, view_name=None, next_url=None):
    """“Submit translation for review” where a translator works on a page
    (a translation, into either language)."""
    if page.alias_of_id:
        return
    if hasattr(page, "review_translation_id"):  # an explorer row (explorer_rows_know_their_translation)
        translation_id, is_source = page.review_translation_id, origin.is_source(page)
    else:
        translation = _review_translation(page.translation_key, page.locale_id).first()
        # is_source settles the rare key whose first page was deleted.
        translation_id = translation and translation.pk
        is_source = translation_id is not None and origin.is_source(page)
    if translation_id is None or is_source:
        return
    perms = page.permissions_for_user(user)
    if perms.can_edit() and not page.workflow_in_progress:
        yield ListingButton(
            gettext_lazy("Submit translation for review"),
            reverse("pages_editorial:submit_for_review", args=[translation_id]),
            priority=55,
            icon_name="resubmit",
        )


hooks.register("register_page_listing_more_buttons", review_buttons)
hooks.register("register_page_header_buttons", review_buttons)


# The report ----------------------------------------------------------------


@hooks.register("register_reports_menu_item")
def translations_report_menu_item():
    return MenuItem(
        gettext_lazy("Translations"),
        reverse("pages_editorial:translations_report"),
        icon_name="wagtail-localize-language",
        order=150,
    )


@hooks.register("construct_reports_menu")
def one_translations_report(request, menu_items):
    # wagtail-localize's own "Translations" report lists translation jobs only; ours replaces it in the menu.
    theirs = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != theirs]


@hooks.register("insert_global_admin_css")
def editorial_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-editorial.css"))


@hooks.register("insert_global_admin_js")
def vietnamese_slugs_js():
    return format_html('<script src="{}"></script>', static("js/admin-slug.js"))


@hooks.register("construct_homepage_panels")
def translations_panel(request, panels):
    panels.append(TranslationsPanel())
