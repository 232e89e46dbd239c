"""Language-scoped editing: who may change content in which locale.

Two permissions per site language (pages.models.editing_language):
``pages.edit_<lang>`` writes originals in that language, and
``pages.translate_<lang>`` changes translations into it. Whether an object is
an original or a translation is its translation key's rule (pages.origin): the
source is the oldest non-alias object, whatever its language.

A user changes an object only when Wagtail's own permission allows it *and*
``can_change`` does: ``edit_<lang>`` for a source, ``translate_<lang>`` for a
translation (an alias included). Adding a page or a snippet is writing an
original in the parent's (or the chosen) language. Superusers may do
everything.
"""

from django.conf import settings
from django.db.models import F, Q
from wagtail.models import DraftStateMixin, Locale, Page, PagePermissionTester, TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy, policy_registry

from pages.origin import is_source, source_locale_subquery

# The actions that change content; viewing and choosing stay open.
CHANGING_ACTIONS = {"add", "change", "delete", "publish", "lock", "unlock"}


def write_permission(language_code):
    return f"pages.edit_{language_code}"


def translate_permission(language_code):
    return f"pages.translate_{language_code}"


def _language_code(locale):
    """``locale``: a Locale, its id, or a language code."""
    if isinstance(locale, Locale):
        return locale.language_code
    if isinstance(locale, int):
        return Locale.objects.filter(pk=locale).values_list("language_code", flat=True).first()
    return locale


def _has(user, permission_for, locale):
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    code = _language_code(locale)
    return bool(code) and user.has_perm(permission_for(code))


def can_write(user, locale):
    """Whether ``user`` may write originals in ``locale`` (a Locale, its id or a code)."""
    return _has(user, write_permission, locale)


def can_translate(user, locale):
    """Whether ``user`` may change translations into ``locale``."""
    return _has(user, translate_permission, locale)


def _locale_of(obj):
    """The object's Locale if already loaded (no query), else its id."""
    field = obj._meta.get_field("locale")
    return obj.locale if field.is_cached(obj) else obj.locale_id


def can_change(user, obj):
    """Whether ``user``'s languages let them change ``obj``: writing for a
    source, translating for a translation or an alias. Asks pages.origin only
    when the two rights differ for the object's language."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    code = _language_code(_locale_of(obj))
    write, translate = can_write(user, code), can_translate(user, code)
    if write == translate:
        return write
    return write if is_source(obj) else translate


def writable_languages(user):
    """The codes of the languages ``user`` writes, in the site's order."""
    return [code for code, _name in settings.LANGUAGES if can_write(user, code)]


def writable_locales(user):
    return Locale.objects.filter(language_code__in=writable_languages(user))


def translatable_locales(user):
    codes = [code for code, _name in settings.LANGUAGES if can_translate(user, code)]
    return Locale.objects.filter(language_code__in=codes)


def can_publish(user, obj):
    """Whether ``user`` may make ``obj``'s content live: the one rule every
    view that publishes (edit, sync, translate, bulk) asks.

    Pages and draft-capable snippets: Wagtail's publish permission, narrowed to
    the user's languages. Snippets without drafts are live as soon as they are
    saved, so saving a *translation* of one is publishing it: a Moderator's step
    (whoever may publish pages). Source snippets (originals, in either
    language) stay with whoever may change them, as before.
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
    if isinstance(obj, TranslatableMixin) and not is_source(obj):
        return page_permission_policy.user_has_permission(user, "publish") and can_translate(user, obj.locale_id)
    return True


class LanguagePagePermissionTester(PagePermissionTester):
    """Wagtail's tester, narrowed by language (they can still see and preview
    every page):

    - adding a child page writes an original in the parent's language
      (a Vietnamese editor adds under a Vietnamese section even when that
      section is itself a translation);
    - every other permission (edit, delete, move, lock, publish…) needs
      ``can_change``: writing for a source, translating for a translation.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        self.may_change = True
        if user.is_active and not user.is_superuser:
            self.may_change = can_change(user, page)
            kept = set(self.permissions) if self.may_change else set()
            if "add" in self.permissions and can_write(user, _locale_of(page)):
                kept.add("add")
            else:
                kept.discard("add")
            self.permissions = kept

    # Wagtail also lets a page's owner with "add" edit and delete it: not a
    # translation they may not change.
    def can_edit(self):
        return self.may_change and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self.may_change and super().can_delete(ignore_bulk=ignore_bulk)


class LanguageSnippetPermissionPolicy(ModelPermissionPolicy):
    """Model permissions for a translatable snippet, narrowed per instance to
    the user's languages: adding writes an original, changing needs
    ``can_change``."""

    def user_has_permission_for_instance(self, user, action, instance):
        allowed = super().user_has_permission_for_instance(user, action, instance)
        if action == "add":
            return allowed and can_write(user, instance.locale_id)
        if action in CHANGING_ACTIONS:
            return allowed and can_change(user, instance)
        return allowed

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if user.is_superuser or not CHANGING_ACTIONS.issuperset(actions):
            return instances
        writable, translatable = set(writable_locales(user)), set(translatable_locales(user))
        if writable == translatable:
            return instances.filter(locale__in=writable)
        instances = instances.annotate(_source_locale_id=source_locale_subquery(self.model))
        source = Q(_source_locale_id=F("locale_id"))
        return instances.filter((source & Q(locale__in=writable)) | (~source & Q(locale__in=translatable)))
