"""Visitors' personal data in the admin: one rule for who sees it, and no trace
left in the admin's log once it is deleted.

The rule is ``may_see``: the permission ``pages.view_personal_data``, held by
Moderators (and superusers), not by Editors or Translators, whose work needs no
visitor's name or address. Every admin view of such data asks it:

- a section's admin of people (registrations, subscribers) is a
  ``PersonalDataViewSet``: every URL of it, its menu item and its buttons;
- Wagtail's form submissions (contact messages): the
  ``filter_form_submissions_for_user`` hook (pages.wagtail_hooks), which Wagtail's
  list, export and delete views and its "Forms" menu ask, and the submissions
  panel of the contact page's editor.

tests/test_permission_matrix.py lists every admin URL that shows or changes
personal data and fails on one it does not know.

Wagtail's log names an object by ``str()`` (its ``label``, shown in Reports →
Site history), so such models number their records ("Registration 12"); when a
record is deleted, however (admin, unsubscribe, ``purge_personal_data``), its
log entries are scrubbed again, in case older ones still hold a name.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.signals import post_delete
from wagtail.admin.auth import user_passes_test
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import ModelLogEntry
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.utils.urlpatterns import decorate_urlpatterns

APP_LABEL, CODENAME = "pages", "view_personal_data"
PERMISSION = f"{APP_LABEL}.{CODENAME}"


def may_see(user):
    """May this user see, export, change or delete visitors' personal data?"""
    return user.is_active and user.has_perm(PERMISSION)


def holders():
    """The users ``may_see`` lets in."""
    granted = Q(is_superuser=True)
    for via in ("user_permissions", "groups__permissions"):
        granted |= Q(**{f"{via}__codename": CODENAME, f"{via}__content_type__app_label": APP_LABEL})
    return get_user_model().objects.filter(granted, is_active=True)


class PersonalDataPolicy(ModelPermissionPolicy):
    """The model's own permissions (view, change, delete…), within ``may_see``."""

    def user_has_permission(self, user, action):
        return may_see(user) and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(actions).filter(pk__in=holders().values("pk"))


def forget_in_log(sender, instance, **kwargs):
    """The deleted record's log entries keep what staff did, by number only."""
    content_type = ContentType.objects.get_for_model(sender, for_concrete_model=False)
    ModelLogEntry.objects.filter(content_type=content_type, object_id=str(instance.pk)).update(
        label=str(instance), data={}
    )


class PersonalDataViewSet(ModelViewSet):
    """The admin of a model that holds people's data (names, addresses)."""

    def on_register(self):
        # Before ModelViewSet registers its own permissions and default policy.
        register_permission_policy(self.model, PersonalDataPolicy(self.model))
        post_delete.connect(forget_in_log, sender=self.model, dispatch_uid=f"forget-{self.model._meta.label}")
        super().on_register()

    def get_urlpatterns(self):
        # Every view, the viewset's own included: refused with Wagtail's message.
        return decorate_urlpatterns(self.get_view_urlpatterns(), user_passes_test(may_see))

    def get_view_urlpatterns(self):
        """The viewset's URLs; a subclass adds its views here."""
        return super().get_urlpatterns()
