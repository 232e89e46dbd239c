"""E-mails to registrants, in the language of the page they registered on,
queued in the outbox (pages.mail.outbox) and sent outside the request.

What a visitor typed reaches an inbox only after that inbox's owner has
confirmed: the mail that asks for the confirmation carries no word the visitor
chose (no name, nothing but the event's own details and the link), and counts
against the address's daily cap. Mails after the confirmation greet the person
by the name they confirmed, one plain line (events.registration.forms).
"""

from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _

from pages.mail import outbox

from ..calendar import event_ics
from . import links
from .models import Registration

Status = Registration.Status


def _event_lines(registration, request):
    event = registration.event
    where = ", ".join(part for part in (event.venue, event.address) if part)
    return [
        _("Event: %(title)s") % {"title": event.title},
        _("When: %(dates)s (Viet Nam time)") % {"dates": event.dates_display},
        *([_("Where: %(venue)s") % {"venue": where}] if where else []),
        _("Event page: %(url)s") % {"url": event.get_full_url(request)},
    ]


def _queue(registration, request, kind, subject, lines, greet=True, cancel=True, calendar=False, visitor=False):
    with translation.override(registration.language):
        body = [
            _("Dear %(name)s,") % {"name": registration.name} if greet else _("Hello,"),
            "",
            *lines,
            "",
            *_event_lines(registration, request),
            *(
                [
                    "",
                    _("If you cannot come, please give your place to someone else: %(url)s")
                    % {"url": links.address(request, registration, "registration-cancel")},
                ]
                if cancel
                else []
            ),
            "",
            _("Eco-Industrial Park Initiative in Viet Nam"),
        ]
        message = EmailMessage(
            subject=" ".join(str(subject).split())[:200], body="\n".join(body), to=[registration.email]
        )
        if calendar:
            message.attach(f"{registration.event.slug}.ics", event_ics(request, registration.event), "text/calendar")
    return outbox.queue(message, kind, outbox.about(registration), visitor_caused=visitor)


def send_request(registration, request):
    """To the address a visitor typed: confirm (or ignore) the request. No word of the visitor's."""
    with translation.override(registration.language):
        title = registration.event.title
        lines = [
            _("Someone, probably you, asked to register this e-mail address for the event below."),
            _("To complete the registration, open this link and press the button within %(hours)s hours:")
            % {"hours": links.CONFIRM_HOURS},
            links.address(request, registration, "registration-confirm"),
            "",
            _("If you did not ask, ignore this e-mail: nothing is registered, and the request is deleted."),
        ]
        subject = _("Please confirm your registration: %(title)s") % {"title": title}
    kind = "registration-request"
    return _queue(registration, request, kind, subject, lines, greet=False, cancel=False, visitor=True)


def send_already(registration, request):
    """To an address that is already registered (or waiting): nothing has changed."""
    with translation.override(registration.language):
        title = registration.event.title
        state = (
            _("This address already has a confirmed place.")
            if registration.status == Status.CONFIRMED
            else _("This address is already on the waiting list.")
        )
        lines = [_("Someone, probably you, asked again to register this e-mail address for the event below."), state]
        subject = _("Your registration: %(title)s") % {"title": title}
    return _queue(registration, request, "registration-already", subject, lines, greet=False, visitor=True)


def send_confirmation(registration, request):
    """The owner confirmed: a place (with the .ics) or the waiting list."""
    with translation.override(registration.language):
        title = registration.event.title
        if registration.status == Status.CONFIRMED:
            subject = _("Registration confirmed: %(title)s") % {"title": title}
            lines = [_("Your place is confirmed. The event is attached for your calendar.")]
        else:
            subject = _("On the waiting list: %(title)s") % {"title": title}
            lines = [
                _(
                    "All places are taken, so you are on the waiting list. If a place is given up, it is yours, "
                    "and we will write to you at once."
                )
            ]
    confirmed = registration.status == Status.CONFIRMED
    return _queue(registration, request, "registration-confirmed", subject, lines, calendar=confirmed)


def send_promotion(registration, request):
    """A place came free and is now this waiting registrant's."""
    with translation.override(registration.language):
        subject = _("A place is yours: %(title)s") % {"title": registration.event.title}
        lines = [_("A place was given up and is now yours. The event is attached for your calendar.")]
    return _queue(registration, request, "registration-promoted", subject, lines, calendar=True)
