"""wagtail-localize's views, with the language checks they lack.

Its submit and sync views only ask for ``wagtail_localize.submit_translation``.
A translator holds that permission (to turn an alias into a translation), so
without these checks a translator could create English pages by "translating"
a Vietnamese one, or publish translations by syncing. eipvn/urls.py routes
wagtail-localize's URLs for these views here.
"""

import contextlib
from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.models import Page
from wagtail.permissions import page_permission_policy
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import convert, edit_translation
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from pages import origin
from pages.editorial import segment_history
from pages.editorial.languages import can_publish, can_translate, translatable_locales


class LanguageCheckedSubmitMixin:
    """Only translate an original (its key's source, pages.origin), only
    offer and accept languages the user translates into; and for a user who
    may not publish there, change nothing visitors see."""

    def get_form(self):
        # wagtail-localize keeps one TranslationSource per object: translating
        # a translation would give its key a second source.
        if not origin.is_source(self.object):
            raise PermissionDenied
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(pk__in=translatable_locales(self.request.user))
        if not field.queryset.exists():
            raise PermissionDenied
        return form

    def form_valid(self, form):
        # wagtail-localize publishes what it creates whenever the source is
        # live: the page (its whole subtree with "include subtree") and, since
        # snippets have no drafts, every related snippet it translates.
        locales = form.cleaned_data["locales"]
        objects = [self.object]
        if isinstance(self.object, Page) and form.cleaned_data.get("include_subtree"):
            objects += self.object.get_descendants().specific()
        if all(_may_publish_in(self.request.user, obj, locale) for obj in objects for locale in locales):
            return super().form_valid(form)
        return self.form_valid_without_publishing(form, locales)


class SubmitPageTranslation(LanguageCheckedSubmitMixin, SubmitPageTranslationView):
    def form_valid_without_publishing(self, form, locales):
        drafts = translate_page_as_draft(
            self.object, locales, self.request.user, include_subtree=form.cleaned_data["include_subtree"]
        )
        messages.success(
            self.request,
            _(
                "“%(title)s” is ready to translate. Nothing was published: your translation is saved "
                "as a draft for a Moderator to review."
            )
            % {"title": self.object.get_admin_display_title()},
        )
        single = drafts[0] if len(drafts) == 1 else None
        return redirect(self.get_success_url() or self.get_default_success_url(single))


class SubmitSnippetTranslation(LanguageCheckedSubmitMixin, SubmitSnippetTranslationView):
    def form_valid_without_publishing(self, form, locales):
        messages.error(
            self.request,
            _(
                "A translated snippet is live as soon as it is saved, so translating one is a "
                "Moderator's step. Nothing was changed."
            ),
        )
        return redirect(self.request.get_full_path())


def _may_publish_in(user, instance, locale):
    """Whether the user may make live what translating ``instance`` into
    ``locale`` writes there: its twin if one exists, else new content."""
    twin = instance.get_translation_or_none(locale)
    if twin is not None:
        return can_publish(user, twin.specific if isinstance(twin, Page) else twin)
    return can_translate(user, locale) and page_permission_policy.user_has_permission(user, "publish")


@transaction.atomic
def translate_page_as_draft(page, locales, user, include_subtree=False):
    """Start translations of ``page`` (and its subtree) into ``locales``
    without changing anything visitors see: an alias becomes a page of its
    own that still shows what it showed, the translated text goes into a
    draft revision, and nothing else (related snippets included) is created
    or published. Returns the translated twins of ``page``."""
    pages = [page.specific]
    if include_subtree:
        pages += list(page.get_descendants().specific())
    twins = []
    for current in pages:
        source, _created = TranslationSource.get_or_create_from_instance(current)
        for locale in locales:
            if locale.pk == source.locale_id:
                continue
            translation, _created = Translation.objects.update_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            twin = current.get_translation_or_none(locale)
            if twin is None:
                # Created unpublished (copy_for_translation), where the user may add pages.
                parent = current.get_parent().get_translation_or_none(locale)
                if parent is None or not parent.permissions_for_user(user).can_add_subpage():
                    raise PermissionDenied
                translation.save_target(user=user, publish=False)
                continue
            if twin.alias_of_id:
                _detach_alias(twin.specific, user)
            with contextlib.suppress(ValidationError):  # as wagtail-localize: fixed in the editor
                save_translation_draft(translation, user)
            if current.pk == page.pk:
                twins.append(twin)
    return twins


def _detach_alias(alias, user):
    """Make an alias a page of its own, keeping the content it shows."""
    alias.alias_of_id = None
    alias.save(update_fields=["alias_of_id"], clean=False)
    alias.save_revision(user=user, changed=False, clean=False)


class UpdateTranslations(UpdateTranslationsView):
    """Syncing writes into every translation of the source: the user must
    translate into each of those languages, and may publish them only with
    publish permission on each of them (see languages.can_publish)."""

    def dispatch(self, request, *args, **kwargs):
        source = self.get_object()
        targets = source.translations.filter(enabled=True).select_related("target_locale")
        if not all(can_translate(request.user, t.target_locale) for t in targets):
            raise PermissionDenied
        self.may_publish = all(_can_publish_target(request.user, t) for t in targets)
        if request.method == "POST" and request.POST.get("publish_translations") and not self.may_publish:
            # Refused as a whole (sources not updated either), not silently
            # turned into a plain sync: the user asked for something else.
            messages.error(
                request,
                _("Publishing translations is a Moderator's step. Nothing was changed; sync without publishing."),
            )
            return redirect(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        # What each changed string said before, for the translators (segment_history).
        with segment_history.recording(self.object):
            return super().form_valid(form)

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
    if target is None:  # publishing would create it
        return can_translate(user, translation.target_locale) and page_permission_policy.user_has_permission(
            user, "publish"
        )
    return can_publish(user, target.specific if isinstance(target, Page) else target)


@require_admin_access
def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page" replaces what visitors see
    with the source page at once: publishing, so it needs publish permission
    on the page (which includes its language)."""
    page = get_object_or_404(Page, id=page_id)
    if not page.specific_deferred.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


def _target_language_required(view):
    """wagtail-localize's translation tools check that the user may edit the
    target's model, not its language: an Editor could otherwise write
    translations of snippets. They need ``translate_<target language>``."""

    @wraps(view)
    def checked(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation.objects.select_related("target_locale"), pk=translation_id)
        if not can_translate(request.user, translation.target_locale):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return require_admin_access(checked)


TRANSLATION_TOOLS = {
    "strings/<int:string_segment_id>/edit/": _target_language_required(edit_translation.edit_string_translation),
    "overrides/<int:overridable_segment_id>/edit/": _target_language_required(edit_translation.edit_override),
    "pofile/upload/": _target_language_required(edit_translation.upload_pofile),
    "machine_translate/": _target_language_required(edit_translation.machine_translate),
    "disable/": _target_language_required(edit_translation.stop_translation),
}


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
