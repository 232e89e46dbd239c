"""Signed addresses for one registration: its confirmation and its cancellation.

The token names the registration and is signed with the site's secret, so it
cannot be guessed or changed; cancelling is a POST from the page it opens (mail
scanners that follow links cancel nothing), and works once.
"""

from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "events.registration"


def _signature(pk):
    return salted_hmac(SALT, str(pk), algorithm="sha256").hexdigest()[:32]


def token_for(registration):
    # Letters, digits and "-" only: Wagtail routes page addresses made of those.
    return f"{registration.pk}-{_signature(registration.pk)}"


def registration_pk(token):
    """The registration's id, or None for a token that was not made here."""
    pk, _, signature = token.partition("-")
    if not pk.isdigit() or not constant_time_compare(signature, _signature(int(pk))):
        return None
    return int(pk)


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
