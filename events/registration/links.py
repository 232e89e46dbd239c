"""Signed addresses for one registration, sent only to its e-mail address:
its confirmation (expires after CONFIRM_HOURS) and its cancellation.

A token names the registration and is signed with the site's secret and the
registration's key, so it cannot be guessed or changed, and a newer request for
the same address voids it; each link opens a page with a button (a POST), so
mail scanners that follow links confirm or cancel nothing. No page shown to the
visitor who filled in the form carries a token: only the address's owner can
confirm or cancel.
"""

from pages import signed_tokens

from .models import Registration

SALT = "events.registration"
CONFIRM_SALT = "events.registration.confirm"
CONFIRM_HOURS = 24
ROUTES = {"registration-confirm": CONFIRM_SALT, "registration-cancel": SALT}


def token_for(registration, route="registration-cancel"):
    return signed_tokens.make(ROUTES[route], registration.pk, registration.key, timed=route == "registration-confirm")


def registration_for(token, route):
    """The registration a token of ``route`` was made for, or None; raises
    signed_tokens.Expired for a confirmation link past its time."""
    registration = Registration.objects.select_related("event").filter(pk=signed_tokens.pk_of(token)).first()
    max_age = CONFIRM_HOURS * 60 * 60 if route == "registration-confirm" else None
    if registration is None or not signed_tokens.check(ROUTES[route], token, registration.key, max_age=max_age):
        return None
    return registration


def address(request, registration, route):
    """The full address of ``route`` of the page registered on: for e-mails."""
    event = registration.event
    return event.get_full_url(request) + event.reverse_subpage(route, args=(token_for(registration, route),))
