"""The outbox: mail stored in the transaction that asks for it, sent later by
``manage.py send_mail_queue`` (the same timer as the e-mail updates), with
retries, and deleted as soon as the mail server has taken it.

Why: a slow or broken mail server never stalls a visitor, and the time an
answer takes cannot tell what was (or was not) sent. A mail a visitor's request
causes to a typed address counts against that address's daily cap, across
every form, event and client address (``VISITOR_CAP``): past it, nothing more
is queued and the visitor's answer is the same.

A sender claims a message (``claimed_until``) before asking the mail server,
so two senders never send it at once; a sender that dies mid-send lets it go
when the claim runs out, and it is sent again (a transactional mail twice is
better than never). After ``len(RETRY_MINUTES)`` refusals it is given up,
logged by its number and kind, never by its address.
"""

import datetime
import logging
from dataclasses import dataclass

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.utils import timezone

from pages.models.mail import OutgoingMail
from pages.operations import rate_limit

logger = logging.getLogger(__name__)

VISITOR_CAP = (3, 24 * 60 * 60)  # mails a visitor's requests may cause to one address, per this many seconds
RETRY_MINUTES = (1, 5, 30, 120, 360)  # waits after each refusal; then it is given up
CLAIM = datetime.timedelta(minutes=10)


def about(instance):
    """The label tying a mail to the record it is about (``forget`` deletes by it)."""
    return f"{instance._meta.label_lower}:{instance.pk}"


def normalise(address):
    return address.strip().lower()


def over_visitor_cap(address):
    """Count one visitor-caused mail to ``address``; True once it is past the cap."""
    limit, window = VISITOR_CAP
    return rate_limit.over_limit("mail-to", normalise(address), limit, window)


def queue(message, kind, about_="", visitor_caused=False):
    """Store ``message`` (one recipient) to be sent; returns the row, or None
    when a visitor-caused mail would pass the recipient's cap."""
    (to,) = message.to
    if visitor_caused and over_visitor_cap(to):
        logger.info("Outbox: a %s mail not queued, its recipient's daily cap is reached", kind)
        return None
    html = next((content for content, mimetype in getattr(message, "alternatives", ()) if mimetype == "text/html"), "")
    attachments = [
        {"name": name, "content": content if isinstance(content, str) else content.decode(), "mimetype": mimetype}
        for name, content, mimetype in message.attachments
    ]
    return OutgoingMail.objects.create(
        kind=kind,
        about=about_,
        to=to,
        subject=message.subject,
        body=message.body,
        html=html,
        headers=dict(message.extra_headers),
        reply_to=list(message.reply_to),
        attachments=attachments,
        next_attempt_at=timezone.now(),
    )


def forget(instance):
    """Delete the mail still waiting about this record (its person's data is going)."""
    return OutgoingMail.objects.filter(about=about(instance)).delete()[0]


def _forget_deleted(sender, instance, **kwargs):
    forget(instance)


def forget_with(model):
    """Whenever a ``model`` row is deleted (admin, purge, cascade), so is its waiting mail."""
    post_delete.connect(_forget_deleted, sender=model, dispatch_uid=f"outbox-forget-{model._meta.label_lower}")


def _message(row):
    message = EmailMultiAlternatives(
        subject=row.subject, body=row.body, to=[row.to], headers=row.headers, reply_to=row.reply_to or None
    )
    if row.html:
        message.attach_alternative(row.html, "text/html")
    for attachment in row.attachments:
        message.attach(attachment["name"], attachment["content"], attachment["mimetype"])
    return message


def _claim(row, now):
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    return OutgoingMail.objects.filter(free, pk=row.pk).update(claimed_until=now + CLAIM) == 1


@dataclass
class Report:
    sent: int = 0
    retrying: int = 0
    given_up: int = 0
    more: bool = False

    def lines(self):
        yield f"Outbox: sent {self.sent}; {self.retrying} to retry; {self.given_up} given up."
        if self.more:
            yield "Outbox: the batch is full: more mail is due; run again."


def send_due(batch_size=200, now=None):
    """Send what is due, at most ``batch_size`` messages; returns a Report."""
    now = now or timezone.now()
    report = Report()
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    due = OutgoingMail.objects.filter(free, next_attempt_at__lte=now).order_by("next_attempt_at", "pk")
    due = list(due[: batch_size + 1])
    report.more = len(due) > batch_size
    for row in due[:batch_size]:
        if not _claim(row, now):
            continue  # another sender has it
        try:
            _message(row).send()
        except Exception:
            _refused(row, report)
        else:
            OutgoingMail.objects.filter(pk=row.pk).delete()
            report.sent += 1
    return report


def _refused(row, report):
    attempts = row.attempts + 1
    if attempts > len(RETRY_MINUTES):
        logger.exception("Outbox: mail %s (%s) given up after %s refusals", row.pk, row.kind, attempts)
        OutgoingMail.objects.filter(pk=row.pk).delete()
        report.given_up += 1
        return
    logger.warning("Outbox: mail %s (%s) refused by the mail server; retried later", row.pk, row.kind, exc_info=True)
    retry = timezone.now() + datetime.timedelta(minutes=RETRY_MINUTES[attempts - 1])
    with transaction.atomic():
        OutgoingMail.objects.filter(pk=row.pk).update(attempts=attempts, next_attempt_at=retry, claimed_until=None)
    report.retrying += 1
