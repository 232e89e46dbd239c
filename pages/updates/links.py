"""A subscriber's signed links: confirm (expires), and one link that both
manages the preferences and unsubscribes (lasts while the subscription does).

Both are signed with the subscriber's ``key``; the addresses are Django routes
under the language prefix, in the subscriber's language (eipvn/urls.py), so the
unsubscribe address can take a one-click POST without a CSRF token.
"""

from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from pages import signed_tokens
from pages.updates.models.records import Subscriber

CONFIRM_SALT = "pages.updates.confirm"
SUBSCRIBER_SALT = "pages.updates.subscriber"
CONFIRM_DAYS = 7


def confirm_token(subscriber):
    return signed_tokens.make(CONFIRM_SALT, subscriber.pk, subscriber.key, timed=True)


def subscriber_token(subscriber):
    return signed_tokens.make(SUBSCRIBER_SALT, subscriber.pk, subscriber.key)


def _subscriber(salt, token, max_age=None):
    """The subscriber a token was made for, or None; raises signed_tokens.Expired."""
    subscriber = Subscriber.objects.filter(pk=signed_tokens.pk_of(token)).first()
    if subscriber is None or not signed_tokens.check(salt, token, subscriber.key, max_age=max_age):
        return None
    return subscriber


def from_confirm_token(token):
    return _subscriber(CONFIRM_SALT, token, max_age=CONFIRM_DAYS * 24 * 60 * 60)


def from_subscriber_token(token):
    return _subscriber(SUBSCRIBER_SALT, token)


def root_url():
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site else ""


def path(subscriber, route):
    """``route``: "updates-confirm", "updates-manage" or "updates-unsubscribe"."""
    token = confirm_token(subscriber) if route == "updates-confirm" else subscriber_token(subscriber)
    with translation.override(subscriber.language):
        return reverse(route, args=(token,))


def address(subscriber, route):
    return root_url() + path(subscriber, route)
