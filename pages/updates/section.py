"""What e-mail updates bring to the shell (pages.sections): the subscribe page
the footer and listings link to, the announcement of a first publication, its demo page, and what they keep and for
how long (the privacy notice): an unconfirmed subscription a day after its
link expired (8 days); the record of each message sent and the announcements
PERSONAL_DATA_MONTHS; a confirmed subscription while it lasts; an unsubscribed
address only as a keyed hash."""

import datetime

from pages.demo.registry import Seeder
from pages.operations.retention import Retained
from pages.publishing import Step
from pages.sections import Section

from . import announcements
from .links import CONFIRM_DAYS
from .models import Announcement, Delivery, SubscribePage, Subscriber


def _unconfirmed(months_ago, day_ago):
    expired = day_ago - datetime.timedelta(days=CONFIRM_DAYS)
    return Subscriber.objects.filter(status=Subscriber.Status.PENDING, created_at__lt=expired)


SECTION = Section(
    shell_pages={"subscribe": SubscribePage},
    # A page first published is recorded for the subscribers of its topic, in the
    # publish's own transaction, before the caches drop (pages.publishing).
    publish_steps=(Step("published", "announcements", announcements.record, after="search"),),
    demo=(Seeder("pages.updates.demo.seed_updates_page", order=92),),
    personal_data=(
        # Confirmed subscriptions stay while they last; unsubscribing deletes them.
        Retained("updates.Subscriber", "unconfirmed subscriptions", _unconfirmed, forget_mail=True),
        Retained(
            "updates.Delivery",
            "update messages sent",
            lambda months_ago, day_ago: Delivery.objects.filter(created_at__lt=months_ago),
        ),  # fmt: skip
        # Announcements name no person; a page published again later is still not announced again (its publish log).
        Retained(
            "updates.Announcement",
            "update announcements",
            lambda months_ago, day_ago: Announcement.objects.filter(created_at__lt=months_ago).exclude(
                status=Announcement.Status.PENDING
            ),
        ),  # fmt: skip
    ),
)
