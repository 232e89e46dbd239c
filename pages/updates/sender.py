"""Sending the updates (``manage.py send_updates``), in batches, resumable.

Each message is first claimed: a ``Delivery`` row, unique per subscriber and
message key, committed in a transaction of its own before the mail server is
asked. A second sender (or a second run) cannot claim the same message, so
nothing is sent twice, on SQLite and PostgreSQL alike. A crash between the
claim and the mail server's answer leaves the row "sending": it is never
resent (the mail may have gone), and every run reports it; a refusal by the
mail server marks it "failed", reported and not retried.

Each-publication subscribers get one message per announcement, confirmed
before it was published. Digest subscribers get, once a day or once a week at
DIGEST_HOUR (Viet Nam time; weekly on Mondays), one message listing what was
announced since their last digest; a period with nothing new sends nothing.
At send time a page must still be live and public: unpublished or made
private before its turn, it is not announced (the announcement is withdrawn);
a correction must still be on it.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pages.models import Correction
from pages.themes.lookups import keys_of_pages
from pages.updates import mail, subscriptions, topics
from pages.updates.announcements import is_shown
from pages.updates.models.records import Announcement, Delivery, Subscriber

logger = logging.getLogger(__name__)

DIGEST_HOUR = 8  # local time (Asia/Ho_Chi_Minh)
Frequency = Subscriber.Frequency


@dataclass
class Report:
    sent: int = 0
    failed: int = 0
    withdrawn: int = 0
    would_send: list = field(default_factory=list)  # dry run: (address, subject)
    uncertain: int = 0  # claimed, never known to be sent (a crash, or a sender still running)
    more: bool = False  # the batch was full: run again

    def lines(self):
        yield f"Sent {self.sent} message(s); {self.failed} refused by the mail server."
        if self.withdrawn:
            yield f"{self.withdrawn} announcement(s) withdrawn: the page is no longer live and public."
        for address, subject in self.would_send:
            yield f"Would send to {address}: {subject}"
        if self.uncertain:
            yield (
                f"{self.uncertain} message(s) claimed but not known to be sent (a sender crashed, or one is "
                "running): they are not sent again; check the mail server's log."
            )
        if self.more:
            yield "The batch is full: more messages are due; run again."


def digest_cutoff(frequency, now):
    """The latest moment digests of ``frequency`` were due at, by ``now``."""
    local = timezone.localtime(now)
    cutoff = local.replace(hour=DIGEST_HOUR, minute=0, second=0, microsecond=0)
    if cutoff > local:
        cutoff -= datetime.timedelta(days=1)
    if frequency == Frequency.WEEKLY:
        cutoff -= datetime.timedelta(days=cutoff.weekday())  # the Monday
    return cutoff


def _correction(announcement):
    """The correction an announcement is about, as the live page now has it, or None."""
    return (
        Correction.objects.filter(page_id=announcement.page_id, translation_key=announcement.correction_key)
        .order_by("pk")
        .first()
    )


def _item(announcement):
    """What the message says of the announcement, in its language (that of
    every subscriber it goes to)."""
    page = announcement.page.specific
    with translation.override(announcement.language):
        if announcement.correction_key is not None:
            correction = _correction(announcement)
            return {
                "title": page.title,
                "date_line": _("Correction, %(date)s:") % {"date": date_format(correction.date)},
                "teaser": correction.text,
                "url": page.get_full_url() + "#corrections",
                "correction": True,
            }
        return {
            "title": page.title,
            "date_line": topics.get(announcement.topic).date_line(page),
            "teaser": page.intro or page.search_description,
            "url": page.get_full_url(),
        }


def _still_shown(announcement, report, dry_run):
    """The page may still be announced (and the correction is still on it);
    if not, the announcement is withdrawn."""
    page_shown = topics.get(announcement.topic) is not None and is_shown(announcement.page)
    if page_shown and (announcement.correction_key is None or _correction(announcement) is not None):
        return True
    if not dry_run:
        Announcement.objects.filter(pk=announcement.pk).update(status=Announcement.Status.WITHDRAWN)
    report.withdrawn += 1
    return False


def _claim(subscriber, key, announcements, window_end=None):
    """The committed Delivery for this message, or None if it is someone else's.
    For a digest, the subscriber's window moves on to ``window_end`` in the
    same transaction, so a second sender finds nothing due."""
    if subscriptions.suppression(subscriber.email):
        return None
    try:
        with transaction.atomic():
            if window_end is not None:
                window = Subscriber.objects.filter(pk=subscriber.pk, covered_until=subscriber.covered_until)
                if not window.update(covered_until=window_end):
                    return None
            if not announcements:
                return None
            delivery = Delivery.objects.create(subscriber=subscriber, key=key)
            delivery.announcements.set(announcements)
    except IntegrityError:
        return None
    return delivery


def _send(delivery, message, report):
    try:
        message.send()
    except Exception:
        logger.exception("Update %s to subscriber %s: the mail server refused it", delivery.key, delivery.subscriber_id)
        delivery.state = Delivery.State.FAILED
        report.failed += 1
    else:
        delivery.state, delivery.sent_at = Delivery.State.SENT, timezone.now()
        report.sent += 1
    delivery.save(update_fields=["state", "sent_at"])


def _confirmed():
    return Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)


def _send_announcements(now, budget, report, dry_run):
    pending = Announcement.objects.filter(status=Announcement.Status.PENDING, created_at__lte=now)
    for announcement in pending.select_related("page"):
        if budget <= 0:
            report.more = True
            return 0
        if not _still_shown(announcement, report, dry_run):
            continue
        key = f"a{announcement.pk}"
        # Subscribers of its section's topic, or of one of its themes (pages.themes).
        themes = keys_of_pages([announcement.page_id]).get(announcement.page_id, set())
        wanted = Q(pk__in=Subscriber.objects.filter(topics__topic=announcement.topic).values("pk"))
        if themes:
            wanted |= Q(pk__in=Subscriber.objects.filter(themes__theme_key__in=themes).values("pk"))
        recipients = (
            _confirmed()
            .filter(wanted)
            .filter(
                frequency=Frequency.IMMEDIATE,
                language=announcement.language,
                covered_until__lte=announcement.created_at,
            )
            .exclude(deliveries__key=key)
            .order_by("pk")
        )
        batch = list(recipients[: budget + 1])
        item = _item(announcement) if batch else None
        for subscriber in batch[:budget]:
            message = mail.updates(subscriber, [item])
            if dry_run:
                report.would_send.append((subscriber.email, message.subject))
            elif (delivery := _claim(subscriber, key, [announcement])) is not None:
                _send(delivery, message, report)
        if len(batch) > budget:
            report.more = True
            return 0
        budget -= len(batch)
        if not dry_run:
            Announcement.objects.filter(pk=announcement.pk).update(status=Announcement.Status.DONE)
    return budget


def _send_digests(frequency, now, budget, report, dry_run):
    cutoff = digest_cutoff(frequency, now)
    due = (
        _confirmed()
        .filter(frequency=frequency)
        .filter(covered_until__lt=cutoff)
        .prefetch_related("topics", "themes")
        .order_by("pk")
    )
    for subscriber in due[: budget + 1]:
        if budget <= 0:
            report.more = True
            return 0
        window = (
            Announcement.objects.filter(
                language=subscriber.language, created_at__gt=subscriber.covered_until, created_at__lte=cutoff
            )
            .exclude(status=Announcement.Status.WITHDRAWN)
            .select_related("page")
        )
        chosen_topics, chosen_themes = set(subscriber.topic_keys()), set(subscriber.theme_keys())
        candidates = list(window if chosen_themes else window.filter(topic__in=chosen_topics))
        themes = keys_of_pages([a.page_id for a in candidates]) if chosen_themes else {}
        announcements = [
            announcement
            for announcement in candidates
            if (announcement.topic in chosen_topics or themes.get(announcement.page_id, set()) & chosen_themes)
            and _still_shown(announcement, report, dry_run)
        ]
        if dry_run:
            if announcements:
                message = mail.updates(subscriber, [_item(a) for a in announcements], digest=frequency)
                report.would_send.append((subscriber.email, message.subject))
                budget -= 1
            continue
        delivery = _claim(subscriber, f"{frequency}-{cutoff:%Y-%m-%d}", announcements, window_end=cutoff)
        if delivery is not None:
            _send(delivery, mail.updates(subscriber, [_item(a) for a in announcements], digest=frequency), report)
            budget -= 1
    return budget


def run(batch_size=200, dry_run=False, now=None):
    """Send what is due, at most ``batch_size`` messages; returns a Report."""
    now = now or timezone.now()
    report = Report()
    started = timezone.now()
    budget = _send_announcements(now, batch_size, report, dry_run)
    for frequency in (Frequency.DAILY, Frequency.WEEKLY):
        if budget > 0:
            budget = _send_digests(frequency, now, budget, report, dry_run)
    report.uncertain = Delivery.objects.filter(state=Delivery.State.SENDING, created_at__lt=started).count()
    return report
