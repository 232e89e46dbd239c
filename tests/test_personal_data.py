"""Deleting a person's data leaves no copy: not in Wagtail's admin log (labels
or data), revisions, search entries, the caches, nor any other table.

The people are given names and addresses found nowhere else, then deleted the
ways staff and visitors delete them, and the whole database (every column of
every table, whatever app made it) is searched for them.
"""

import datetime
import importlib
import pickle

import pytest
from django.apps import apps
from django.core.cache import caches
from django.db import connection
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale, ModelLogEntry

from events.models import EventPage
from events.registration.models import Registration
from pages.management.commands.purge_personal_data import purge
from pages.models import ContactPage
from pages.updates import subscriptions
from pages.updates.models import Subscriber

from .editorial import client_for

pytestmark = pytest.mark.django_db

REGISTRANT = ("Zebulon Quayle", "zebulon.q@example.net")
PURGED_REGISTRANT = ("Ottoline Brackwater", "ottoline.b@example.net")
SUBSCRIBERS = ("yolanda.v@example.net", "ulric.suppressed@example.net", "ignatius.gone@example.net")
CONTACT = ("Xanthe Wimbourne", "xanthe.w@example.net")
EVERYTHING = (*REGISTRANT, *PURGED_REGISTRANT, *SUBSCRIBERS, *CONTACT)


@pytest.fixture(autouse=True)
def _mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def copies_of(text):
    """Every (table, column) of the database whose value contains ``text``."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                name = connection.ops.quote_name(column.name)
                cursor.execute(
                    f"SELECT 1 FROM {connection.ops.quote_name(table)} "  # noqa: S608 (names from the schema)
                    f"WHERE LOWER(CAST({name} AS TEXT)) LIKE %s LIMIT 1",
                    [f"%{text.lower()}%"],
                )
                if cursor.fetchone():
                    found.append(f"{table}.{column.name}")
    return found


def cached_copies_of(text):
    """Cache entries holding ``text`` (the tests' caches are each worker's memory)."""
    needle = text.encode()
    return [
        alias
        for alias in caches
        for value in getattr(caches[alias], "_cache", {}).values()
        if needle in value or needle in repr(pickle.loads(value)).encode()  # noqa: S301 (our own cache)
    ]


def upcoming_event():
    # A past one would be purged by the daily run the first request starts (pages.operations.scheduling).
    return EventPage.objects.live().filter(locale=Locale.get_default(), start__gt=timezone.now()).first()


def registration(event, name, email):
    return Registration.objects.create(
        event=event,
        event_key=event.translation_key,
        language=event.locale.language_code,
        name=name,
        email=email,
        organisation="Quayle & Brackwater Ltd",
        status=Registration.Status.CONFIRMED,
    )


def log(obj, label, data):
    """A log entry as Wagtail wrote them before records were numbered."""
    entry = ModelLogEntry.objects.log_action(obj, "wagtail.edit", data=data)
    ModelLogEntry.objects.filter(pk=entry.pk).update(label=label)


def test_the_search_finds_what_is_there():
    """The search below can fail: it finds a person who is still stored."""
    event = upcoming_event()
    registration(event, *REGISTRANT)
    assert copies_of(REGISTRANT[0]) == ["events_registration.name"]
    assert copies_of(REGISTRANT[1].upper()) == ["events_registration.email"]


def test_deleted_and_purged_people_leave_no_copy(client, moderator):
    staff = client_for(moderator)
    event = upcoming_event()

    # A registrant, marked as attended, then deleted, in the admin. The log
    # entry written before records were numbered (its label and data name them).
    person = registration(event, *REGISTRANT)
    log(person, f"{REGISTRANT[0]} – {event.title}", {"email": REGISTRANT[1]})
    assert staff.post(f"/admin/registrations/edit/{person.pk}/", {"attended": "on"}).status_code == 302
    assert staff.post(f"/admin/registrations/delete/{person.pk}/").status_code == 302
    # A registrant for an event that ended long ago: purge_personal_data.
    old_event = EventPage.objects.live().filter(locale=Locale.get_default()).exclude(pk=event.pk).first()
    registration(old_event, *PURGED_REGISTRANT)
    EventPage.objects.filter(pk=old_event.pk).update(end=timezone.now() - datetime.timedelta(days=400))

    # Subscribers: preferences corrected then deleted by staff; suppressed; unsubscribed.
    edited, suppressed, leaving = (
        Subscriber.objects.create(email=email, language="en", status=Subscriber.Status.CONFIRMED)
        for email in SUBSCRIBERS
    )
    log(leaving, SUBSCRIBERS[2], {"email": SUBSCRIBERS[2]})
    form = {"language": "vi", "frequency": "weekly"}
    assert staff.post(f"/admin/subscribers/edit/{edited.pk}/", form).status_code == 302
    assert staff.post(f"/admin/subscribers/delete/{edited.pk}/").status_code == 302
    assert staff.post(f"/admin/subscribers/suppress/{suppressed.pk}/").status_code == 302
    subscriptions.unsubscribe(leaving)

    # A contact message sent through the page, deleted from the admin's list.
    contact = ContactPage.objects.get(locale=Locale.get_default())
    message = {
        "name": CONTACT[0],
        "email": CONTACT[1],
        "organisation": "Wimbourne Trading",
        "subject": "Partnership",
        "message": "Please call me.",
        "i_agree_to_be_contacted_about_my_message": "on",
    }
    assert client.post(contact.url, message).status_code == 200
    submission = FormSubmission.objects.get(page=contact)
    assert staff.get(f"/admin/forms/submissions/{contact.pk}/").status_code == 200
    delete = f"/admin/forms/submissions/{contact.pk}/delete/?selected-submissions={submission.pk}"
    assert staff.post(delete).status_code == 302

    assert purge()["event registrations"] == 1
    assert not Registration.objects.filter(email__endswith="@example.net").exists()
    assert not Subscriber.objects.filter(email__endswith="@example.net").exists()
    assert not FormSubmission.objects.filter(pk=submission.pk).exists()
    for text in EVERYTHING:
        assert not copies_of(text), (text, copies_of(text))
        assert not cached_copies_of(text), (text, cached_copies_of(text))
    # What staff did is still told, by number.
    assert ModelLogEntry.objects.filter(action="wagtail.delete", label=f"Registration {person.pk}").exists()
    assert ModelLogEntry.objects.filter(action="wagtail.edit", label=f"Subscriber {edited.pk}").exists()


def test_log_entries_written_before_are_numbered_by_the_migration():
    migration = importlib.import_module("pages.migrations.0016_personal_data_permission")
    subscriber = Subscriber.objects.create(email=SUBSCRIBERS[0], language="en")
    log(subscriber, SUBSCRIBERS[0], {"email": SUBSCRIBERS[0]})
    # Subscribers have moved to the "updates" app since (updates 0001 relabelled their content type).
    migration.number_in_log(apps, "updates", "subscriber", "Subscriber")
    entry = ModelLogEntry.objects.get(object_id=str(subscriber.pk), content_type__model="subscriber")
    assert (entry.label, entry.data) == (f"Subscriber {subscriber.pk}", {})
