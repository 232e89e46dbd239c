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


def address(request, registration, route):
    """Full address of ``route`` ("registration-done", "registration-cancel") of the page registered on."""
    event = registration.event
    return event.get_full_url(request) + event.reverse_subpage(route, args=(token_for(registration),))
