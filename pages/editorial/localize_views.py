"""wagtail-localize's views, with the language checks they lack.

Its submit and sync views only ask for ``wagtail_localize.submit_translation``.
A translator holds that permission (to turn an alias into a translation), so
without these checks a translator could create English pages by "translating"
a Vietnamese one, or publish translations by syncing. eipvn/urls.py routes
wagtail-localize's URLs for these views here.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .languages import can_edit_language, editable_locales


class LanguageCheckedSubmitMixin:
    """Only offer, and only accept, languages the user may edit."""

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(pk__in=editable_locales(self.request.user))
        if not field.queryset.exists():
            raise PermissionDenied
        return form


class SubmitPageTranslation(LanguageCheckedSubmitMixin, SubmitPageTranslationView):
    pass


class SubmitSnippetTranslation(LanguageCheckedSubmitMixin, SubmitSnippetTranslationView):
    pass


class UpdateTranslations(UpdateTranslationsView):
    """Syncing writes into every translation of the source: the user must be
    allowed to edit each of those languages, and may publish them only with
    publish permission there."""

    def dispatch(self, request, *args, **kwargs):
        source = self.get_object()
        targets = source.translations.filter(enabled=True).select_related("target_locale")
        if not all(can_edit_language(request.user, t.target_locale) for t in targets):
            raise PermissionDenied
        self.may_publish = all(_can_publish_target(request.user, t) for t in targets)
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish:
            field = form.fields["publish_translations"]
            field.disabled = True
            field.widget = forms.HiddenInput()
        return form


def _target(translation):
    try:
        return translation.get_target_instance()
    except ObjectDoesNotExist:
        return None


def _can_publish_target(user, translation):
    target = _target(translation)
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_publish()
    return True  # snippets have no drafts: editing them is publishing them


class _Undo(Exception):
    pass


def save_translation_draft(translation, user):
    """Save the translated strings as a new draft revision of the live page.

    wagtail-localize's ``save_target(publish=False)`` also writes the
    translated fields to the page row, which is what visitors see: unreviewed
    text would go live at once. So the translation is built inside a
    savepoint, its revision content kept and the savepoint rolled back; the
    content is then saved as a revision the way Wagtail saves a draft of a
    live page (row untouched until a Moderator publishes).
    """
    try:
        with transaction.atomic():
            translation.save_target(user=user, publish=False)
            content = _target(translation).specific.latest_revision.content
            raise _Undo
    except _Undo:
        pass
    page = _target(translation).specific
    draft = page.specific_class.from_serializable_data(content)
    draft.latest_revision_id = page.latest_revision_id
    return draft.save_revision(user=user, log_action=True)


@require_admin_access
def submit_translation_for_review(request, translation_id):
    """Save the translated strings as a draft of the translated page and start
    its moderation workflow, so a translator's work is reviewed like any
    other change before it goes live."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = _target(translation)
    if not isinstance(page, Page):
        raise PermissionDenied
    page = page.specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    workflow = page.get_workflow()
    if request.method == "POST":
        save_translation_draft(translation, request.user)
        page.refresh_from_db()
        if workflow is None:
            messages.success(request, _("The translation of “%(title)s” was saved as a draft.") % {"title": page.title})
        elif page.workflow_in_progress:
            messages.info(
                request,
                _("The translation of “%(title)s” was saved; its review is already under way.") % {"title": page.title},
            )
        else:
            workflow.start(page, request.user)
            messages.success(
                request, _("The translation of “%(title)s” was submitted for review.") % {"title": page.title}
            )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    total, done = translation.get_progress()
    return TemplateResponse(
        request,
        "pages/admin/submit_translation_for_review.html",
        {
            "page": page,
            "translation": translation,
            "workflow": workflow,
            "total": total,
            "done": done,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )
