"""Subscribing, confirming, changing, unsubscribing and suppressing.

The answer to a subscribe request never says whether the address was known;
what differs is the e-mail the address receives: a confirmation link (new or
still unconfirmed), or, for a confirmed subscriber, a link to change the
preferences (nobody can change them without the mailbox). Unsubscribing or
suppression deletes the subscriber and keeps only a keyed hash of the address:
after unsubscribing, the address may subscribe again through a new
confirmation; an address staff suppressed gets nothing, ever (not even a
confirmation).
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from pages.updates.models.records import Subscriber, SubscriberTheme, SubscriberTopic, SuppressedAddress

Reason = SuppressedAddress.Reason
HASH_SALT = "pages.updates.suppressed-address"


def normalise(email):
    return email.strip().lower()


def address_hash(email, secret=None):
    return salted_hmac(HASH_SALT, normalise(email), secret=secret, algorithm="sha256").hexdigest()


def suppression(email):
    """The reason this address gets no mail, or None. Hashes made with a
    previous SECRET_KEY (SECRET_KEY_FALLBACKS) still count."""
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    hashes = [address_hash(email, key) for key in keys]
    row = SuppressedAddress.objects.filter(address_hash__in=hashes).order_by("-reason").first()
    return row.reason if row else None


def _set_topics(subscriber, topics):
    subscriber.topics.exclude(topic__in=topics).delete()
    existing = set(subscriber.topics.values_list("topic", flat=True))
    SubscriberTopic.objects.bulk_create(
        [SubscriberTopic(subscriber=subscriber, topic=topic) for topic in topics if topic not in existing]
    )


def _set_themes(subscriber, themes):
    """The subscriber's themes: translation keys (strings or UUIDs)."""
    wanted = {str(key) for key in themes}
    existing = {str(key) for key in subscriber.themes.values_list("theme_key", flat=True)}
    subscriber.themes.exclude(theme_key__in=wanted).delete()
    SubscriberTheme.objects.bulk_create(
        [SubscriberTheme(subscriber=subscriber, theme_key=key) for key in sorted(wanted - existing)]
    )


@transaction.atomic
def subscribe(email, language, topics, frequency, themes=()):
    """Store the request; returns (subscriber, "confirm" | "manage") for the
    e-mail to send, or (None, None) when nothing may be sent. How many such
    e-mails one address gets, whoever asks, is the outbox's cap (pages.mail.outbox)."""
    email = normalise(email)
    if suppression(email) == Reason.STAFF:
        return None, None
    subscriber = Subscriber.objects.filter(email=email).first()
    if subscriber is not None and subscriber.status == Subscriber.Status.CONFIRMED:
        return subscriber, "manage"
    if subscriber is None:
        subscriber = Subscriber(email=email)
    subscriber.language, subscriber.frequency = language, frequency
    subscriber.save()
    _set_topics(subscriber, topics)
    _set_themes(subscriber, themes)
    return subscriber, "confirm"


@transaction.atomic
def confirm(subscriber):
    """True when this confirmed the subscription now (False: it already was)."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return False
    now = timezone.now()
    subscriber.status, subscriber.confirmed_at, subscriber.covered_until = Subscriber.Status.CONFIRMED, now, now
    subscriber.save(update_fields=["status", "confirmed_at", "covered_until"])
    # The address asked again and proved it is theirs: an old unsubscribe no longer holds.
    SuppressedAddress.objects.filter(address_hash=address_hash(subscriber.email), reason=Reason.UNSUBSCRIBED).delete()
    return True


@transaction.atomic
def change(subscriber, language, topics, frequency, themes=()):
    if frequency != subscriber.frequency:
        # What was sent in the old rhythm is not sent again in the new one.
        subscriber.covered_until = timezone.now()
    subscriber.language, subscriber.frequency = language, frequency
    subscriber.save(update_fields=["language", "frequency", "covered_until"])
    _set_topics(subscriber, topics)
    _set_themes(subscriber, themes)


def _forget(subscriber, reason):
    SuppressedAddress.objects.update_or_create(address_hash=address_hash(subscriber.email), defaults={"reason": reason})
    subscriber.delete()  # its topics and its deliveries with it


@transaction.atomic
def unsubscribe(subscriber):
    _forget(subscriber, Reason.UNSUBSCRIBED)


@transaction.atomic
def suppress(subscriber):
    """Staff: this address never gets mail again (a complaint, a bounce)."""
    _forget(subscriber, Reason.STAFF)
