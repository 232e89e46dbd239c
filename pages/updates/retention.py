"""What the e-mail updates keep, and for how long (pages.operations.retention, stated in
the privacy notice): an unconfirmed subscription a day after its link expired (8 days); the record of each
message sent and the announcements PERSONAL_DATA_MONTHS; a confirmed
subscription while it lasts; an unsubscribed address only as a keyed hash."""

import datetime

from pages.operations import retention
from pages.updates.links import CONFIRM_DAYS
from pages.updates.models.records import Announcement, Delivery, Subscriber

retention.register(
    "unconfirmed subscriptions",
    lambda months_ago, day_ago: Subscriber.objects.filter(
        status=Subscriber.Status.PENDING, created_at__lt=day_ago - datetime.timedelta(days=CONFIRM_DAYS)
    ),
)
retention.register(
    "update messages sent", lambda months_ago, day_ago: Delivery.objects.filter(created_at__lt=months_ago)
)
# Announcements name no person; a page published again later is still not announced again (its publish log).
retention.register(
    "update announcements",
    lambda months_ago, day_ago: Announcement.objects.filter(created_at__lt=months_ago).exclude(
        status=Announcement.Status.PENDING
    ),
)
