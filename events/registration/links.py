"""Signed addresses for one registration: its confirmation and its cancellation.

The token names the registration and is signed with the site's secret, so it
cannot be guessed or changed; cancelling is a POST from the page it opens (mail
scanners that follow links cancel nothing), and works once.
"""

from pages import signed_tokens

SALT = "events.registration"


def token_for(registration):
    return signed_tokens.make(SALT, registration.pk)


def registration_pk(token):
    """The registration's id, or None for a token that was not made here."""
    return signed_tokens.pk_of(token) if signed_tokens.check(SALT, token) else None


def path(request, registration, route):
    """The address of ``route`` ("registration-done", "registration-cancel") of the
    page registered on, relative to this site: where the form's answer redirects
    (a redirect to another origin would break the form's CSP ``form-action``)."""
    event = registration.event
    return event.get_url(request) + event.reverse_subpage(route, args=(token_for(registration),))


def address(request, registration, route):
    """The same, in full (the Wagtail Site's address): for e-mails."""
    event = registration.event
    return event.get_full_url(request) + event.reverse_subpage(route, args=(token_for(registration),))
