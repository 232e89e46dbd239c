"""Helpers for the editorial tests: users in each role, and admin shortcuts."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Page
from wagtail_localize.models import Translation

# The roles (pages/migrations/0020_roles_by_language.py) → their test user's name.
ROLES = {
    "Editors (English)": "editor",
    "Editors (Vietnamese)": "vi-editor",
    "Moderators": "moderator",
    "Translators (into Vietnamese)": "translator",
    "Translators (into English)": "en-translator",
}


def user_in(*roles, username=None):
    """A user in the groups ``roles`` (named as in ROLES)."""
    username = username or "+".join(ROLES[role] for role in roles)
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "a-long-test-password")
    user.groups.add(*(Group.objects.get(name=role) for role in roles))
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def twin(page, locale):
    return Page.objects.get(translation_key=page.translation_key, locale=locale).specific


def translation_of(page, locale):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def refused(response):
    """Refused the way the admin tells a user: 403, or Wagtail's redirect to
    the dashboard with "Sorry, you do not have permission…"."""
    from django.contrib.messages import ERROR, get_messages
    from django.urls import reverse

    if response.status_code == 403:
        return True
    errors = [m for m in get_messages(response.wsgi_request) if m.level == ERROR]
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home") and bool(errors)
