"""The event page's registration: the form, the answer, the confirmation and
the cancellation.

Routed under the event page (events.models.EventPage): ``register/``,
``register/sent/``, ``register/confirm/<token>/`` and ``register/cancel/<token>/``
(the last two only from the e-mails). Pages with the form carry a CSRF token,
so no cache stores them and the places shown are current.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from eipvn.client_address import client_address
from pages import signed_tokens
from pages.forms import mark_invalid_fields
from pages.operations import rate_limit

from . import links, mail, seats
from .forms import RegistrationForm
from .models import Registration

RATE_WINDOW = 60 * 60  # seconds: REGISTRATION_RATE_LIMIT registrations per address in it
HOLD_MINUTES = int(seats.HOLD.total_seconds() // 60)


def context(event, form=None, notice=None):
    """What the event page shows about registering."""
    if not event.registration_enabled:
        return {"registration": None}
    is_open = seats.is_open(event)
    places_left = seats.places_left(event) if is_open else None
    return {
        "registration": {
            "open": is_open,
            "places_left": places_left,
            "full": places_left == 0,
            "waiting_list": event.waiting_list,
            "form": (form or RegistrationForm(event=event))
            if is_open and (places_left != 0 or event.waiting_list)
            else None,
            "notice": notice,
        }
    }


def _render_event(request, event, form=None, notice=None, status=200):
    if form is not None:
        mark_invalid_fields(form)
    response = event.render(request, context_overrides=context(event, form, notice))
    response.status_code = status
    add_never_cache_headers(response)
    return response


def register(request, event):
    if request.method != "POST":
        return redirect(event.url + "#registration")
    form = RegistrationForm(request.POST, event=event)
    limit = settings.REGISTRATION_RATE_LIMIT
    if rate_limit.over_limit("registration", client_address(request), limit, RATE_WINDOW):
        notice = _("You have registered several times in a short time. Please wait an hour and try again.")
        return _render_event(request, event, form, notice, status=429)
    if form.is_spam():
        notice = _("Your registration could not be accepted. If you are a person, please leave the last field empty.")
        return _render_event(request, event, form, notice)
    if not form.is_valid():
        return _render_event(request, event, form)
    try:
        registration, already = seats.request(event, **form.details())
    except seats.Closed:
        return _render_event(request, event, None, _("Registration for this event has closed."))
    except seats.Full:
        return _render_event(request, event, None, _("Sorry, every place has been taken."))
    # The same answer for a new, a waiting and a registered address; the e-mail tells its owner which.
    (mail.send_already if already else mail.send_request)(registration, request)
    return redirect(event.url + event.reverse_subpage("registration-sent"))


def _answer(request, event, template, context, status=200):
    response = TemplateResponse(
        request, f"events/registration_{template}.html", {"page": event, "self": event, **context}, status=status
    )
    add_never_cache_headers(response)
    return response


def sent(request, event):
    """After the form: check your inbox. Nothing here names the address or carries a link to act on it."""
    return _answer(request, event, "sent", {"confirm_hours": links.CONFIRM_HOURS, "hold_minutes": HOLD_MINUTES})


def _registration(event, token, route):
    registration = links.registration_for(token, route)
    if registration is None or registration.event_key != event.translation_key:
        raise Http404
    return registration


def confirm(request, event, token):
    try:
        registration = _registration(event, token, "registration-confirm")
    except signed_tokens.Expired:
        return _answer(request, event, "confirm", {"expired": True}, status=400)
    except Http404:  # forged, superseded, or its request deleted after a day: the same help
        return _answer(request, event, "confirm", {"expired": True}, status=404)
    notice = None
    if request.method == "POST" and registration.status == Registration.Status.PENDING:
        try:
            registration = seats.confirm(registration.pk)
        except seats.Closed:
            notice = _("Registration for this event has closed.")
        else:
            if registration is None:
                return _answer(request, event, "confirm", {"full": True})
            mail.send_confirmation(registration, request)
    return _answer(request, event, "confirm", {"registration": registration, "notice": notice})


def cancel(request, event, token):
    registration = _registration(event, token, "registration-cancel")
    promoted = None
    cancelled_now = False
    if request.method == "POST" and registration.status != Registration.Status.CANCELLED:
        registration, promoted = seats.cancel(registration.pk)
        cancelled_now = True
        if promoted is not None:
            mail.send_promotion(promoted, request)
    return _answer(request, event, "cancel", {"registration": registration, "cancelled_now": cancelled_now})
