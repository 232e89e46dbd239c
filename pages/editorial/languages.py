"""Language-scoped editing: who may change content in which locale.

A user changes an object only when Wagtail's own permission allows it *and*
the user holds ``pages.edit_<language>`` for the object's locale. Superusers
may do everything.
"""

from django.conf import settings
from wagtail.models import Locale, PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy

# The actions that change content; viewing and choosing stay open.
CHANGING_ACTIONS = {"add", "change", "delete", "publish", "lock", "unlock"}


def permission_for(language_code):
    return f"pages.edit_{language_code}"


def can_edit_language(user, locale):
    """``locale``: a Locale, its id, or a language code."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    if isinstance(locale, int):
        locale = Locale.objects.filter(pk=locale).values_list("language_code", flat=True).first()
    elif isinstance(locale, Locale):
        locale = locale.language_code
    return bool(locale) and user.has_perm(permission_for(locale))


def editable_locales(user):
    codes = [code for code, _name in settings.LANGUAGES if can_edit_language(user, code)]
    return Locale.objects.filter(language_code__in=codes)


class LanguagePagePermissionTester(PagePermissionTester):
    """Wagtail's tester, with every page permission dropped on pages whose
    language the user may not edit (they can still see and preview them)."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser and not can_edit_language(user, page.locale_id):
            self.permissions = set()


class LanguageSnippetPermissionPolicy(ModelPermissionPolicy):
    """Model permissions for a translatable snippet, narrowed per instance to
    the languages the user may edit."""

    def user_has_permission_for_instance(self, user, action, instance):
        allowed = super().user_has_permission_for_instance(user, action, instance)
        if action in CHANGING_ACTIONS:
            return allowed and can_edit_language(user, instance.locale_id)
        return allowed

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser or not CHANGING_ACTIONS.issuperset(actions):
            return instances
        return instances.filter(locale__in=editable_locales(user))
