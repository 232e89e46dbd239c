"""Giving out places: register, cancel, promote from the waiting list.

Each change runs in one transaction whose first statement writes the event's
``EventSeats`` row: PostgreSQL then holds that row's lock and SQLite its write
lock until the commit, so counting the places and taking one cannot interleave
between two requests. E-mails are sent after the commit (events.registration.mail).
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import EventSeats, Registration

Status = Registration.Status


class AlreadyRegistered(Exception):
    """This e-mail address already holds a registration (or a waiting-list place) for the event."""


class Closed(Exception):
    """The event takes no registration now."""


class Full(Exception):
    """Every place is taken and the event keeps no waiting list."""


def is_open(event, now=None):
    return event.registration_enabled and (now or timezone.now()) < event.registration_closes_at


def _lock(event_key):
    now = timezone.now()
    if not EventSeats.objects.filter(event_key=event_key).update(changed_at=now):
        try:
            with transaction.atomic():
                EventSeats.objects.create(event_key=event_key, changed_at=now)
        except IntegrityError:  # another request made it first: take its lock
            EventSeats.objects.filter(event_key=event_key).update(changed_at=now)


def confirmed_count(event_key):
    return Registration.objects.filter(event_key=event_key, status=Status.CONFIRMED).count()


def places_left(event):
    """Places still free across both languages, or None for no limit."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - confirmed_count(event.translation_key))


def register(event, **details):
    """Store a registration: confirmed while places are left, else on the waiting list."""
    details["email"] = details["email"].strip().lower()
    with transaction.atomic():
        _lock(event.translation_key)
        if not is_open(event):
            raise Closed
        if Registration.objects.filter(
            event_key=event.translation_key, email=details["email"], status__in=[Status.CONFIRMED, Status.WAITING]
        ).exists():
            raise AlreadyRegistered
        if event.capacity is None or confirmed_count(event.translation_key) < event.capacity:
            status = Status.CONFIRMED
        elif event.waiting_list:
            status = Status.WAITING
        else:
            raise Full
        return Registration.objects.create(
            event=event,
            event_key=event.translation_key,
            language=event.locale.language_code,
            status=status,
            **details,
        )


def cancel(registration_pk):
    """Cancel a registration; returns (the registration, the one promoted or None).
    A registration already cancelled stays as it is (the link is single use)."""
    with transaction.atomic():
        registration = Registration.objects.select_related("event").get(pk=registration_pk)
        _lock(registration.event_key)
        registration.refresh_from_db()
        if registration.status == Status.CANCELLED:
            return registration, None
        was_confirmed = registration.status == Status.CONFIRMED
        registration.status = Status.CANCELLED
        registration.save(update_fields=["status", "changed_at"])
        promoted = _promote(registration.event) if was_confirmed else None
        return registration, promoted


def _promote(event):
    """The first on the waiting list takes a free place, if the event has not started."""
    if event.has_started or (event.capacity is not None and confirmed_count(event.translation_key) >= event.capacity):
        return None
    first = (
        Registration.objects.select_related("event")
        .filter(event_key=event.translation_key, status=Status.WAITING)
        .order_by("created_at", "pk")
        .first()
    )
    if first is not None:
        first.status = Status.CONFIRMED
        first.save(update_fields=["status", "changed_at"])
    return first
