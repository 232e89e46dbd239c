"""Giving out places: a visitor's request, its confirmation by the address's
owner, cancelling, and the waiting list.

A visitor's request stores a *pending* registration and nothing else: only the
owner of the address, by the e-mailed link, makes it a registration. While
places are left, a pending request holds one for ``HOLD``, so the visitor who
confirms at once gets the place they saw; after that, confirming takes a place
if one is free, else a spot on the waiting list. A request nobody confirms is
deleted after a day (events.apps, purge_personal_data).

Each change runs in one transaction whose first statement writes the event's
``EventSeats`` row: PostgreSQL then holds that row's lock and SQLite its write
lock until the commit, so counting the places and taking one cannot interleave
between two requests. E-mails go through the outbox (events.registration.mail).
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from pages.signed_tokens import new_key

from .models import EventSeats, Registration

Status = Registration.Status
HOLD = datetime.timedelta(minutes=60)
ACTIVE = [Status.PENDING, Status.CONFIRMED, Status.WAITING]


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


def taken_count(event_key, now=None, excluding=None):
    """Places taken: confirmed registrations and pending ones still holding a place."""
    held = Q(status=Status.CONFIRMED) | Q(status=Status.PENDING, held_until__gt=now or timezone.now())
    return Registration.objects.filter(held, event_key=event_key).exclude(pk=excluding).count()


def _has_place(event, now, excluding=None):
    return event.capacity is None or taken_count(event.translation_key, now, excluding) < event.capacity


def places_left(event):
    """Places still free across both languages, or None for no limit."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - taken_count(event.translation_key))


def request(event, **details):
    """A visitor asks to register an address: returns (registration, already).

    ``already`` is True when the address holds a place or a waiting-list spot:
    nothing changes (the e-mail tells its owner). Otherwise the registration is
    pending until its owner confirms; the visitor's answer is the same either way.
    Raises Closed or Full, which do not depend on the address.
    """
    details["email"] = details["email"].strip().lower()
    now = timezone.now()
    with transaction.atomic():
        _lock(event.translation_key)
        if not is_open(event, now):
            raise Closed
        has_place = _has_place(event, now)
        if not has_place and not event.waiting_list:
            raise Full
        existing = Registration.objects.filter(
            event_key=event.translation_key, email=details["email"], status__in=ACTIVE
        ).first()
        if existing is not None and existing.status != Status.PENDING:
            return existing, True
        registration = existing or Registration(
            event=event, event_key=event.translation_key, status=Status.PENDING, email=details["email"]
        )
        for name, value in details.items():
            setattr(registration, name, value)
        # Asked again: the newest request is the one to confirm; older links stop working.
        registration.event, registration.language, registration.key = event, event.locale.language_code, new_key()
        registration.held_until = now + HOLD if has_place else None
        registration.save()
        return registration, False


def confirm(registration_pk):
    """The address's owner confirms: a place while one is held or free, else the
    waiting list. Returns the registration (unchanged if it was not pending), or
    None when no place is left and the event keeps no waiting list: the request
    is then deleted. Raises Closed."""
    now = timezone.now()
    with transaction.atomic():
        registration = Registration.objects.select_related("event").get(pk=registration_pk)
        _lock(registration.event_key)
        registration.refresh_from_db()
        if registration.status != Status.PENDING:
            return registration
        event = registration.event
        if not is_open(event, now):
            raise Closed
        held = registration.held_until is not None and registration.held_until > now
        if held or _has_place(event, now, excluding=registration.pk):
            registration.status = Status.CONFIRMED
        elif event.waiting_list:
            registration.status = Status.WAITING
        else:
            registration.delete()
            return None
        registration.held_until = None
        registration.save(update_fields=["status", "held_until", "changed_at"])
        return registration


def register(event, **details):
    """A registration its owner has confirmed (the demo's examples, staff, tests)."""
    registration, already = request(event, **details)
    return registration if already else confirm(registration.pk)


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
    if event.has_started or not _has_place(event, timezone.now()):
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
