"""E-mails to registrants, in the language of the page they registered on.

Sent after the registration is stored and committed; a failure is logged and
the registration stays (staff see it in the admin).
"""

import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from ..calendar import event_ics
from . import links
from .models import Registration

logger = logging.getLogger(__name__)


def _body(registration, lines, request):
    greeting = _("Dear %(name)s,") % {"name": registration.name}
    event = registration.event
    cancel = links.address(request, registration, "registration-cancel")
    footer = [
        "",
        _("Event: %(title)s") % {"title": event.title},
        _("When: %(dates)s (Viet Nam time)") % {"dates": event.dates_display},
        *(
            [_("Where: %(venue)s") % {"venue": ", ".join(p for p in (event.venue, event.address) if p)}]
            if event.venue or event.address
            else []
        ),
        _("Event page: %(url)s") % {"url": event.get_full_url(request)},
        "",
        _("If you cannot come, please give your place to someone else: %(url)s") % {"url": cancel},
        "",
        _("Eco-Industrial Park Initiative in Viet Nam"),
    ]
    return "\n".join([greeting, "", *lines, *footer])


def _message(registration, request):
    event = registration.event
    if registration.status == Registration.Status.CONFIRMED:
        subject = _("Registration confirmed: %(title)s") % {"title": event.title}
        lines = [_("Your place is confirmed. The event is attached for your calendar.")]
    else:
        subject = _("On the waiting list: %(title)s") % {"title": event.title}
        lines = [
            _(
                "All places are taken, so you are on the waiting list. If a place is given up, it is yours, "
                "and we will write to you at once."
            )
        ]
    return subject, lines


def _send(registration, request, subject, lines, with_calendar):
    with translation.override(registration.language):
        message = EmailMessage(
            subject=" ".join(subject.split())[:200], body=_body(registration, lines, request), to=[registration.email]
        )
        if with_calendar:
            message.attach(f"{registration.event.slug}.ics", event_ics(request, registration.event), "text/calendar")
        try:
            message.send()
        except Exception:
            logger.exception("Registration %s: the e-mail failed; the registration is stored", registration.pk)


def send_confirmation(registration, request):
    """Confirmed (with the .ics) or on the waiting list."""

    def send():
        with translation.override(registration.language):
            subject, lines = _message(registration, request)
        _send(registration, request, subject, lines, registration.status == Registration.Status.CONFIRMED)

    transaction.on_commit(send)


def send_promotion(registration, request):
    """A place came free and is now this waiting registrant's."""

    def send():
        with translation.override(registration.language):
            subject = _("A place is yours: %(title)s") % {"title": registration.event.title}
            lines = [_("A place was given up and is now yours. The event is attached for your calendar.")]
        _send(registration, request, subject, lines, True)

    transaction.on_commit(send)
