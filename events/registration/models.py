from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pages.signed_tokens import new_key


class Registration(models.Model):
    class Status(models.TextChoices):
        # Asked for on the site; the address's owner has not confirmed it by the e-mailed link yet.
        PENDING = "pending", _("Waiting for the e-mail to be confirmed")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        VIETNAMESE = "vi", _("Vietnamese")

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    # The event in every language: the places are counted per key.
    event_key = models.UUIDField(db_index=True, editable=False)
    # The language of the page registered on: e-mails are written in it.
    language = models.CharField(_("language of the page"), max_length=5, editable=False)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(_("preferred language"), max_length=5, choices=Language.choices, blank=True)
    needs = models.TextField(_("dietary or access needs"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, editable=False)
    attended = models.BooleanField(
        _("attended"), default=False, help_text=_("Tick once the person has come to the event.")
    )
    # A pending request holds a place until then (events.registration.seats.HOLD).
    held_until = models.DateTimeField(null=True, blank=True, editable=False)
    # Signs this registration's links; a new request for the same address voids the old ones.
    key = models.CharField(max_length=32, default=new_key, editable=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    changed_at = models.DateTimeField(_("status changed at"), auto_now=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # One registration per e-mail address and event (a cancelled one may be made again).
            models.UniqueConstraint(
                fields=["event_key", "email"], condition=~Q(status="cancelled"), name="one_registration_per_email"
            )
        ]
        indexes = [models.Index(fields=["event_key", "status", "created_at"])]

    def __str__(self):
        # A number, never the person: Wagtail's log keeps this (pages.personal_data).
        return _("Registration %(number)s") % {"number": self.pk}


class EventSeats(models.Model):
    """One row per event that takes registrations: the lock its places are given under."""

    event_key = models.UUIDField(primary_key=True)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "event seats"

    def __str__(self):
        return str(self.event_key)
