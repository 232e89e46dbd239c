"""What the e-mail updates keep: subscribers, the outbox of announcements and
the messages sent. An unsubscribed or suppressed address is kept only as a
keyed hash, so that it is never mailed again without keeping the address."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pages.signed_tokens import new_key


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("One e-mail for each publication")
        DAILY = "daily", _("A daily digest")
        WEEKLY = "weekly", _("A weekly digest")

    email = models.EmailField(
        _("e-mail"),
        max_length=254,
        unique=True,
        help_text=_("Given and confirmed by the subscriber; not changed here."),
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        help_text=_("The language of the e-mails, and of the pages they announce."),
    )
    frequency = models.CharField(
        _("frequency"),
        max_length=10,
        choices=Frequency.choices,
        default="immediate",
        help_text=_("One e-mail for each publication, or a digest once a day or once a week."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="pending", editable=False)
    # Signs the subscriber's links; a new one (on subscribing again) voids every old link.
    key = models.CharField(max_length=32, default=new_key, editable=False)
    created_at = models.DateTimeField(_("subscribed at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True, editable=False)
    # Announcements up to this moment are not for this subscriber, or were sent
    # (set on confirming, by each digest and on a change of frequency).
    covered_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        db_table = "pages_subscriber"
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at", "pk"]
        indexes = [models.Index(fields=["status", "language", "frequency"])]
        permissions = [("suppress_subscriber", "Can suppress a subscriber's address")]

    def __str__(self):
        # A number, never the address: Wagtail's log keeps this (pages.personal_data).
        return _("Subscriber %(number)s") % {"number": self.pk}

    def topic_keys(self):
        return sorted(topic.topic for topic in self.topics.all())

    def theme_keys(self):
        return sorted(str(theme.theme_key) for theme in self.themes.all())

    topic_keys.short_description = _("sections")


class SubscriberTopic(models.Model):
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="topics", editable=False)
    topic = models.CharField(_("section"), max_length=30, help_text=_("News, events or publications."))

    class Meta:
        db_table = "pages_subscribertopic"
        verbose_name = _("section")
        constraints = [models.UniqueConstraint(fields=["subscriber", "topic"], name="one_row_per_subscriber_topic")]
        indexes = [models.Index(fields=["topic"])]

    def __str__(self):
        return self.topic


class SubscriberTheme(models.Model):
    """A theme (pages.themes) the subscriber chose: items on it from any
    section, matched by the theme's translation key (the same in both languages)."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="themes", editable=False)
    theme_key = models.UUIDField(_("theme"))

    class Meta:
        db_table = "pages_subscribertheme"
        verbose_name = _("theme")
        constraints = [models.UniqueConstraint(fields=["subscriber", "theme_key"], name="one_row_per_subscriber_theme")]
        indexes = [models.Index(fields=["theme_key"])]

    def __str__(self):
        return str(self.theme_key)


class SuppressedAddress(models.Model):
    """An address that gets no more mail: a keyed hash of it, never the address."""

    class Reason(models.TextChoices):
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        STAFF = "staff", _("Suppressed by staff")

    address_hash = models.CharField(max_length=64, unique=True)
    reason = models.CharField(max_length=20, choices=Reason.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "pages_suppressedaddress"
        verbose_name = "suppressed address"

    def __str__(self):
        return f"{self.reason} {self.created_at:%Y-%m-%d}"


class Announcement(models.Model):
    """The outbox: written in the publish's transaction, sent by send_updates.
    One per page for its first publication; one per correction and language
    (``correction_key``: the correction's translation key) for a correction."""

    class Status(models.TextChoices):
        PENDING = "pending", "pending"  # messages to each-publication subscribers still to send
        DONE = "done", "done"
        WITHDRAWN = "withdrawn", "withdrawn"  # unpublished or made private before it was sent

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    correction_key = models.UUIDField(null=True, blank=True)
    topic = models.CharField(max_length=30)
    language = models.CharField(max_length=5)
    created_at = models.DateTimeField(db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default="pending")

    class Meta:
        db_table = "pages_announcement"
        verbose_name = "announcement"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page"], condition=models.Q(correction_key__isnull=True), name="one_first_publication_per_page"
            ),
            models.UniqueConstraint(
                fields=["correction_key", "language"],
                condition=models.Q(correction_key__isnull=False),
                name="one_announcement_per_correction_and_language",
            ),
        ]

    def __str__(self):
        return f"{self.topic}/{self.language} {self.page_id}"


class Delivery(models.Model):
    """One message to one subscriber, claimed (committed) before it is sent, so
    that no message is ever sent twice: ``key`` names it ("a<announcement>" or
    "daily-2026-11-28"), unique per subscriber."""

    class State(models.TextChoices):
        SENDING = "sending", "sending"  # claimed; a crash leaves it here: never resent, reported
        SENT = "sent", "sent"
        FAILED = "failed", "failed"  # the mail server refused it: not retried, reported

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    key = models.CharField(max_length=40)
    announcements = models.ManyToManyField(Announcement, related_name="deliveries")
    state = models.CharField(max_length=10, choices=State.choices, default="sending")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "pages_delivery"
        verbose_name = "delivery"
        constraints = [models.UniqueConstraint(fields=["subscriber", "key"], name="one_message_per_subscriber_key")]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self):
        return f"{self.key} → {self.subscriber_id} ({self.state})"


__all__ = ["Announcement", "Delivery", "Subscriber", "SubscriberTheme", "SubscriberTopic", "SuppressedAddress"]
