"""Language-scoped editing: who may change content in which locale.

A user changes an object only when Wagtail's own permission allows it *and*
the user holds ``pages.edit_<language>`` for the object's locale. Superusers
may do everything.
"""

from django.conf import settings
from wagtail.models import DraftStateMixin, Locale, Page, PagePermissionTester, TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy, policy_registry

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


def can_publish(user, obj):
    """Whether ``user`` may make ``obj``'s content live: the one rule every
    view that publishes (edit, sync, translate, bulk) asks.

    Pages and draft-capable snippets: Wagtail's publish permission, narrowed to
    the user's languages. Snippets without drafts are live as soon as they are
    saved, so saving a *translation* of one is publishing it: a Moderator's step
    (whoever may publish pages). Source-language snippets stay with whoever may
    change them, as before.
    """
    if not user.is_active:
        return False
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_publish()
    policy = policy_registry.get_by_type(type(obj))
    if isinstance(obj, DraftStateMixin):
        return policy.user_has_permission_for_instance(user, "publish", obj)
    if not policy.user_has_permission_for_instance(user, "change", obj):
        return False
    if isinstance(obj, TranslatableMixin) and obj.locale_id != Locale.get_default().pk:
        return page_permission_policy.user_has_permission(user, "publish") and can_edit_language(user, obj.locale_id)
    return True


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
