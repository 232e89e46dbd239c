"""Registering for an event on its page, in English and Vietnamese: the request
confirmed by the address's owner, places held meanwhile, the waiting list,
e-mails with the event attached, cancelling by the e-mailed link, the admin's
list and export, and deletion a year after the event.

Also what an attacker would try: aiming the form at a stranger's inbox (their
words never reach it; the mail asking for a confirmation carries none, and an
address gets at most a few such mails a day), learning whether an address is
registered (every answer is the same), cancelling someone's place (only the
e-mail carries the link)."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventPage
from events.registration import links, seats
from events.registration.models import Registration
from pages.mail import outbox
from pages.management.commands.purge_personal_data import purge
from pages.models import OutgoingMail

from .fixtures import get_page

pytestmark = pytest.mark.django_db

WORKSHOP = "industrial-symbiosis-workshop-tra-noc-upcoming"  # 3 places, 2 taken by example registrants
TRAINING = "training-eip-criteria-upcoming"  # 40 places


@pytest.fixture(autouse=True)
def _mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def event(slug, language="en"):
    english = EventPage.objects.get(locale=Locale.get_default(), slug=slug)
    return english if language == "en" else english.get_translation(Locale.objects.get(language_code=language))


def post(client, page, **fields):
    data = {"name": "Lan Nguyen", "email": "lan@example.org", "organisation": "A park company", "consent": "on"}
    data.update(fields)
    return client.post(page.url + "register/", {k: v for k, v in data.items() if v is not None})


def deliver():
    """What the outbox's worker sends now (the mail server's inbox is cleared first)."""
    mail.outbox.clear()
    outbox.send_due()
    return list(mail.outbox)


def link(message, route):
    """The path of the e-mailed link to ``route`` ("confirm" or "cancel")."""
    (url,) = re.findall(rf"https?://\S+/register/{route}/\S+/", message.body)
    return urlsplit(url).path


def register(client, page, **fields):
    """A visitor registers and the address's owner confirms by the e-mailed link."""
    post(client, page, **fields)
    (request,) = deliver()
    response = client.post(link(request, "confirm"))
    deliver()  # its confirmation
    return response


def cancel_url(registration):
    return registration.event.url + registration.event.reverse_subpage(
        "registration-cancel", args=(links.token_for(registration),)
    )


@pytest.mark.parametrize(
    ("language", "places", "button"), [("en", "1 place left.", "Register"), ("vi", "Còn 1 chỗ.", "Đăng ký")]
)
def test_the_page_shows_the_form_and_the_places_left(client, language, places, button):
    html = get_page(client, event(WORKSHOP, language).url)
    section = html[html.index('id="registration"') :]
    assert places in section
    assert 'method="post"' in section and f'<button type="submit" class="button">{button}</button>' in section


@pytest.mark.parametrize(
    ("language", "sent", "ask", "subject", "done"),
    [
        (
            "en",
            "Please check your e-mail",
            "Please confirm your registration: ",
            "Registration confirmed: ",
            "Your place is confirmed",
        ),
        (
            "vi",
            "Vui lòng kiểm tra hộp thư",
            "Vui lòng xác nhận đăng ký: ",
            "Xác nhận đăng ký: ",
            "Chỗ của bạn đã được xác nhận",
        ),
    ],
)
def test_a_registration_is_confirmed_by_the_address_owner_in_the_page_language_with_the_event_attached(
    client, language, sent, ask, subject, done
):
    page = event(TRAINING, language)
    response = post(client, page, email="Lan@Example.org")
    assert response.status_code == 302 and response["Location"] == page.url + "register/sent/"
    assert sent in get_page(client, response["Location"])
    registration = Registration.objects.get(email="lan@example.org")
    assert registration.status == "pending" and registration.language == language
    assert mail.outbox == []  # nothing sent inside the visitor's request
    (request,) = deliver()
    assert request.to == ["lan@example.org"] and request.subject == ask + page.title
    assert "Lan Nguyen" not in request.body and not request.attachments
    # Opening the link (as a mail scanner would) confirms nothing; the button does.
    confirm = link(request, "confirm")
    assert "Lan Nguyen" in get_page(client, confirm)
    registration.refresh_from_db()
    assert registration.status == "pending"
    assert done in client.post(confirm).content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    (message,) = deliver()
    assert message.to == ["lan@example.org"] and message.subject == subject + page.title
    assert "Lan Nguyen" in message.body and cancel_url(registration) in message.body
    ((name, ics, kind),) = message.attachments
    assert kind == "text/calendar" and name.endswith(".ics") and "BEGIN:VEVENT" in ics
    # The link works once: pressed again, nothing more is sent.
    assert done in client.post(confirm).content.decode()
    assert deliver() == []


def test_a_place_is_held_while_the_owner_confirms_then_freed(client):
    english, vietnamese = event(WORKSHOP, "en"), event(WORKSHOP, "vi")
    post(client, vietnamese, email="first@example.org")
    assert seats.places_left(english) == 0 == seats.places_left(vietnamese)
    html = get_page(client, english.url)
    assert "Every place is taken. If you register now, you join the waiting list" in html
    assert "Join the waiting list" in html
    # Unconfirmed past the hold, the place is free again.
    Registration.objects.filter(email="first@example.org").update(held_until=timezone.now())
    assert seats.places_left(english) == 1


def test_both_languages_count_the_same_places_and_the_last_one_goes_once(client):
    english, vietnamese = event(WORKSHOP, "en"), event(WORKSHOP, "vi")
    post(client, vietnamese, email="first@example.org")
    post(client, english, email="second@example.org")
    first, second = deliver()
    # The second confirms first: the place held for the first is not theirs.
    assert "You are on the waiting list" in client.post(link(second, "confirm")).content.decode()
    assert "Chỗ của bạn đã được xác nhận" in client.post(link(first, "confirm")).content.decode()
    assert Registration.objects.get(email="first@example.org").status == "confirmed"
    assert Registration.objects.get(email="second@example.org").status == "waiting"
    assert seats.places_left(english) == 0 == seats.places_left(vietnamese)


def test_without_a_waiting_list_a_full_event_says_so_to_everyone_and_stores_nothing(client):
    page = event(WORKSHOP)
    EventPage.objects.filter(translation_key=page.translation_key).update(waiting_list=False)
    register(client, page, email="first@example.org")
    page.refresh_from_db()
    html = get_page(client, page.url)
    assert "Every place is taken." in html and 'action="' + page.url + 'register/"' not in html
    # The same answer for an unknown address and a registered one.
    late, registered = post(client, page, email="late@example.org"), post(client, page, email="first@example.org")
    for response in (late, registered):
        assert response.status_code == 200 and "Sorry, every place has been taken." in response.content.decode()
    assert not Registration.objects.filter(email="late@example.org").exists()
    assert deliver() == []


def test_confirming_after_the_places_went_without_a_waiting_list_registers_nothing(client):
    page = event(WORKSHOP)
    EventPage.objects.filter(translation_key=page.translation_key).update(waiting_list=False)
    post(client, page, email="slow@example.org")
    (request,) = deliver()
    Registration.objects.filter(email="slow@example.org").update(held_until=timezone.now())
    register(client, page, email="quick@example.org")
    response = client.post(link(request, "confirm"))
    assert "Sorry, every place has been taken" in response.content.decode()
    assert not Registration.objects.filter(email="slow@example.org").exists()


def test_cancelling_by_the_link_frees_the_place_for_the_first_waiting_who_is_told(client):
    page = event(WORKSHOP, "vi")
    register(client, page, email="first@example.org")
    register(client, event(WORKSHOP), email="waiting@example.org", name="Minh")
    first = Registration.objects.get(email="first@example.org")
    url = cancel_url(first)
    # Opening the link (as a mail scanner would) cancels nothing.
    assert "Huỷ đăng ký của tôi" in get_page(client, url)
    first.refresh_from_db()
    assert first.status == "confirmed"
    deliver()
    response = client.post(url)
    assert "Đăng ký của bạn đã được huỷ" in response.content.decode()
    first.refresh_from_db()
    waiting = Registration.objects.get(email="waiting@example.org")
    assert first.status == "cancelled" and waiting.status == "confirmed"
    (message,) = deliver()  # the promoted one is told, in the language they registered in
    assert message.to == ["waiting@example.org"] and message.subject.startswith("A place is yours: ")
    # The link works once.
    assert "This registration was already cancelled" not in client.post(url).content.decode()
    assert "Đăng ký này đã được huỷ trước đó" in client.post(url).content.decode()
    assert Registration.objects.filter(status="confirmed", event_key=page.translation_key).count() == 3


def test_a_forged_foreign_or_superseded_token_is_not_found(client):
    page = event(TRAINING)
    assert client.get(page.url + "register/cancel/forged-token/").status_code == 404
    forged = client.get(page.url + "register/confirm/forged-token/")
    assert forged.status_code == 404 and "Please register again" in forged.content.decode()
    register(client, event(WORKSHOP), email="other@example.org")
    other = Registration.objects.get(email="other@example.org")
    # A real token, on another event's address.
    url = page.url + page.reverse_subpage("registration-cancel", args=(links.token_for(other),))
    assert client.post(url).status_code == 404
    # A confirmation link made for the cancel route is refused, and the other way round.
    url = other.event.url + other.event.reverse_subpage(
        "registration-cancel", args=(links.token_for(other, "registration-confirm"),)
    )
    assert client.post(url).status_code == 404
    other.refresh_from_db()
    assert other.status == "confirmed"
    # Asked again, only the newest confirmation link works.
    post(client, page, email="twice@example.org")
    (older,) = deliver()
    post(client, page, email="twice@example.org")
    (newer,) = deliver()
    assert client.post(link(older, "confirm")).status_code == 404
    assert client.post(link(newer, "confirm")).status_code == 200


def test_an_expired_confirmation_link_says_so_in_the_visitor_language(client):
    page = event(TRAINING, "vi")
    post(client, page, email="late@example.org")
    (request,) = deliver()
    later = timezone.now() + datetime.timedelta(hours=links.CONFIRM_HOURS, minutes=1)
    with time_machine.travel(later):
        response = client.post(link(request, "confirm"))
    assert response.status_code == 400 and "Liên kết này đã hết hạn hoặc không hợp lệ" in response.content.decode()
    assert Registration.objects.get(email="late@example.org").status == "pending"
    # A request nobody confirmed is deleted after a day.
    with time_machine.travel(later):
        assert purge()["unconfirmed event registrations"] == 1
    assert not Registration.objects.filter(email="late@example.org").exists()


def test_a_stranger_s_words_never_reach_the_inbox_they_typed(client):
    page = event(TRAINING)
    attack = "Alice\n\nIMPORTANT: your registration is on hold, verify at https://evil.example/verify"
    for name in (attack, "Alice, verify at www.evil.example", "Alice <b>urgent</b>", "Alice " + "x" * 120):
        response = post(client, page, name=name, email="victim@example.net")
        assert response.status_code == 200 and "with no link or address" in response.content.decode()
    assert not Registration.objects.filter(email="victim@example.net").exists()
    # A plain name is taken, but the mail to the typed address carries none of the visitor's words.
    response = post(client, page, name="Alice Mallory", organisation="Send money now", email="victim@example.net")
    (request,) = deliver()
    assert request.to == ["victim@example.net"]
    assert "Alice" not in request.body and "Mallory" not in request.body and "money" not in request.body
    # The answer the visitor sees carries no capability: nothing to cancel or confirm with.
    sent = get_page(client, response["Location"])
    assert "register/cancel/" not in sent and "register/confirm/" not in sent
    assert "victim@example.net" not in sent and response["Location"] == page.url + "register/sent/"


def test_an_address_gets_at_most_a_few_requested_mails_a_day_whatever_the_event_or_client(client, settings):
    settings.REGISTRATION_RATE_LIMIT = 100
    events = [event(TRAINING), event(TRAINING, "vi"), event(WORKSHOP)]
    for number in range(6):
        # From six client addresses, across events and languages, asked again and again.
        client.post(
            events[number % 3].url + "register/",
            {"name": "Alice", "email": "victim@example.net", "consent": "on"},
            REMOTE_ADDR=f"192.0.2.{number + 1}",
        )
    limit, _window = outbox.VISITOR_CAP
    assert [message.to for message in deliver()] == [["victim@example.net"]] * limit


def test_the_answer_is_the_same_for_a_new_a_waiting_and_a_registered_address(client):
    page = event(WORKSHOP)
    register(client, page, email="confirmed@example.org")
    register(client, page, email="waiting@example.org")
    post(client, page, email="pending@example.org")
    deliver()
    answers = {}
    for address in ("new@example.org", "pending@example.org", "waiting@example.org", "confirmed@example.org"):
        response = post(client, page, email=address)
        answers[address] = (response.status_code, response["Location"], get_page(client, response["Location"]))
    assert len(set(answers.values())) == 1, answers
    # The e-mails tell each owner the truth.
    by_address = {message.to[0]: message for message in deliver()}
    assert "confirmed place" in by_address["confirmed@example.org"].body
    assert "waiting list" in by_address["waiting@example.org"].body
    assert "/register/confirm/" in by_address["new@example.org"].body
    assert "/register/confirm/" in by_address["pending@example.org"].body
    assert Registration.objects.filter(email="confirmed@example.org").get().status == "confirmed"


def test_mail_leaves_the_request_and_a_refusal_is_retried(client, monkeypatch, caplog):
    real_send = mail.EmailMessage.send

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    response = post(client, event(TRAINING))
    assert response.status_code == 302  # answered without asking the mail server
    assert Registration.objects.get(email="lan@example.org").status == "pending"
    assert deliver() == [] and "refused by the mail server; retried later" in caplog.text
    assert "lan@example.org" not in caplog.text  # logged by number, never by address
    (waiting,) = OutgoingMail.objects.all()
    assert waiting.attempts == 1 and waiting.next_attempt_at > timezone.now()
    monkeypatch.setattr("django.core.mail.EmailMessage.send", real_send)
    assert deliver() == []  # not before its time
    OutgoingMail.objects.update(next_attempt_at=timezone.now())
    (message,) = deliver()
    assert message.to == ["lan@example.org"] and not OutgoingMail.objects.exists()


def test_a_deleted_registration_takes_its_waiting_mail_with_it(client):
    post(client, event(TRAINING), email="gone@example.org")
    assert OutgoingMail.objects.filter(to="gone@example.org").exists()
    Registration.objects.get(email="gone@example.org").delete()
    assert not OutgoingMail.objects.filter(to="gone@example.org").exists()


@pytest.mark.parametrize(
    ("language", "changes", "message"),
    [
        ("en", {"email": "not-an-address"}, "Enter a valid email address."),
        ("vi", {"name": ""}, "Trường này là bắt buộc."),
        ("en", {"consent": None}, "Please agree, so that we may keep your registration."),
        ("vi", {"consent": None}, "Vui lòng đồng ý để chúng tôi có thể lưu đăng ký của bạn."),
    ],
)
def test_bad_input_is_explained_in_the_visitor_language_and_kept(client, language, changes, message):
    response = post(client, event(TRAINING, language), **changes)
    body = response.content.decode()
    assert response.status_code == 200 and message in body
    assert 'aria-invalid="true"' in body and 'value="A park company"' in body
    assert not Registration.objects.filter(event_key=event(TRAINING).translation_key).exists()


def test_one_registration_per_address_and_event(client):
    register(client, event(TRAINING, "vi"))
    post(client, event(TRAINING), email="LAN@example.org")
    assert Registration.objects.filter(email="lan@example.org").count() == 1
    (message,) = deliver()
    assert message.subject.startswith("Đăng ký của bạn: ") and "đã có một chỗ được xác nhận" in message.body


def test_a_filled_honeypot_is_turned_away_with_a_message(client):
    response = post(client, event(TRAINING, "vi"), website="http://spam.example")
    assert "vui lòng để trống ô cuối cùng" in response.content.decode()
    assert not Registration.objects.filter(email="lan@example.org").exists()


def test_floods_are_turned_away_with_a_message(client, settings):
    page = event(TRAINING)
    settings.REGISTRATION_RATE_LIMIT = 2
    for number in range(2):
        post(client, page, email=f"n{number}@example.org")
    response = post(client, page, email="third@example.org")
    assert response.status_code == 429 and "Please wait an hour" in response.content.decode()
    assert Registration.objects.filter(event_key=page.translation_key).count() == 2


def test_after_closing_the_form_is_replaced_by_a_notice(client):
    page = event(TRAINING)
    closes = timezone.now() - datetime.timedelta(minutes=1)
    EventPage.objects.filter(translation_key=page.translation_key).update(registration_closes=closes)
    for language, notice in [
        ("en", "Registration for this event has closed."),
        ("vi", "Đăng ký cho sự kiện này đã đóng."),
    ]:
        html = get_page(client, event(TRAINING, language).url)
        assert notice in html and "register/" not in html.split('id="registration"')[1]
    post(client, page)
    assert not Registration.objects.filter(email="lan@example.org").exists()


def test_the_event_page_with_a_form_is_never_stored_by_the_page_cache(client, settings):
    settings.PAGE_CACHE = True
    page = event(WORKSHOP)
    response = client.get(page.url)
    assert "1 place left." in response.content.decode()
    assert "no-store" in response["Cache-Control"]  # nor by a CDN
    post(client, page, email="first@example.org")
    client.cookies.clear()
    assert "Every place is taken." in get_page(client, page.url)  # the place held for the request


def test_registrations_are_deleted_a_year_after_the_event():
    page = event(TRAINING)
    seats.register(page, name="Lan", email="lan@example.org")
    assert purge()["event registrations"] == 0
    EventPage.objects.filter(pk=page.pk).update(end=timezone.now() - datetime.timedelta(days=370))
    assert purge()["event registrations"] == 1
    assert not Registration.objects.filter(email="lan@example.org").exists()


def test_staff_export_registrations_with_no_formula_and_mark_attendance(client, moderator, translator):
    page = event(TRAINING)
    registration = seats.register(page, name='=HYPERLINK("http://x")', email="lan@example.org")
    client.force_login(moderator)
    csv = b"".join(client.get("/admin/registrations/?export=csv").streaming_content).decode()
    assert "'=HYPERLINK" in csv and "lan@example.org" in csv
    response = client.post(f"/admin/registrations/edit/{registration.pk}/", {"attended": "on"})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.attended
    # Visitors' personal data is not a Translator's.
    client.force_login(translator)
    assert client.get("/admin/registrations/").status_code == 302  # to the dashboard, with a message
    assert "lan@example.org" not in client.get("/admin/registrations/?export=csv").content.decode()
