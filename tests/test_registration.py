"""Registering for an event on its page, in English and Vietnamese: places, the
waiting list, e-mails with the event attached, cancelling by the e-mailed link,
the admin's list and export, and deletion a year after the event."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventPage
from events.registration import links, seats
from events.registration.models import Registration
from pages.management.commands.purge_personal_data import purge

from .conftest import get_page

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
    ("language", "subject", "done"),
    [
        ("en", "Registration confirmed: ", "Your place is confirmed"),
        ("vi", "Xác nhận đăng ký: ", "Chỗ của bạn đã được xác nhận"),
    ],
)
def test_a_registration_is_confirmed_by_e_mail_in_the_page_language_with_the_event_attached(
    client, django_capture_on_commit_callbacks, language, subject, done
):
    page = event(TRAINING, language)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, page, email="Lan@Example.org")
    assert response.status_code == 302
    assert done in get_page(client, response["Location"])
    registration = Registration.objects.get(email="lan@example.org")
    assert registration.status == "confirmed" and registration.language == language
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lan@example.org"] and message.subject == subject + page.title
    assert cancel_url(registration) in message.body
    ((name, ics, kind),) = message.attachments
    assert kind == "text/calendar" and name.endswith(".ics") and "BEGIN:VEVENT" in ics


def test_both_languages_count_the_same_places_and_the_last_one_goes_once(client):
    english, vietnamese = event(WORKSHOP, "en"), event(WORKSHOP, "vi")
    post(client, vietnamese, email="first@example.org")
    assert Registration.objects.get(email="first@example.org").status == "confirmed"
    html = get_page(client, english.url)
    assert "Every place is taken. If you register now, you join the waiting list" in html
    assert "Join the waiting list" in html
    response = post(client, english, email="second@example.org")
    assert "You are on the waiting list" in get_page(client, response["Location"])
    assert Registration.objects.get(email="second@example.org").status == "waiting"
    assert seats.places_left(english) == 0 == seats.places_left(vietnamese)


def test_without_a_waiting_list_a_full_event_says_so_and_stores_nothing(client):
    page = event(WORKSHOP)
    EventPage.objects.filter(translation_key=page.translation_key).update(waiting_list=False)
    post(client, page, email="first@example.org")
    page.refresh_from_db()
    html = get_page(client, page.url)
    assert "Every place is taken." in html and 'action="' + page.url + 'register/"' not in html
    response = post(client, page, email="late@example.org")
    assert response.status_code == 200 and "Sorry, every place has been taken." in response.content.decode()
    assert not Registration.objects.filter(email="late@example.org").exists()


def test_cancelling_by_the_link_frees_the_place_for_the_first_waiting_who_is_told(
    client, django_capture_on_commit_callbacks
):
    page = event(WORKSHOP, "vi")
    post(client, page, email="first@example.org")
    post(client, event(WORKSHOP), email="waiting@example.org", name="Minh")
    first = Registration.objects.get(email="first@example.org")
    url = cancel_url(first)
    # Opening the link (as a mail scanner would) cancels nothing.
    assert "Huỷ đăng ký của tôi" in get_page(client, url)
    first.refresh_from_db()
    assert first.status == "confirmed"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert "Đăng ký của bạn đã được huỷ" in response.content.decode()
    first.refresh_from_db()
    waiting = Registration.objects.get(email="waiting@example.org")
    assert first.status == "cancelled" and waiting.status == "confirmed"
    (message,) = mail.outbox  # the promoted one is told, in the language they registered in
    assert message.to == ["waiting@example.org"] and message.subject.startswith("A place is yours: ")
    # The link works once.
    assert "This registration was already cancelled" not in client.post(url).content.decode()
    assert "Đăng ký này đã được huỷ trước đó" in client.post(url).content.decode()
    assert Registration.objects.filter(status="confirmed", event_key=page.translation_key).count() == 3


def test_a_forged_or_foreign_token_is_not_found(client):
    page = event(TRAINING)
    assert client.get(page.url + "register/cancel/forged-token/").status_code == 404
    post(client, event(WORKSHOP), email="other@example.org")
    other = Registration.objects.get(email="other@example.org")
    # A real token, on another event's address.
    url = page.url + page.reverse_subpage("registration-cancel", args=(links.token_for(other),))
    assert client.post(url).status_code == 404
    other.refresh_from_db()
    assert other.status == "confirmed"


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
    page = event(TRAINING)
    post(client, page)
    response = post(client, event(TRAINING, "vi"), email="LAN@example.org")
    assert "Địa chỉ thư điện tử này đã được đăng ký cho sự kiện này." in response.content.decode()
    assert Registration.objects.filter(email="lan@example.org").count() == 1


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


def test_a_mail_failure_keeps_the_registration(client, monkeypatch, django_capture_on_commit_callbacks, caplog):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, event(TRAINING))
    assert response.status_code == 302 and "Your place is confirmed" in get_page(client, response["Location"])
    assert Registration.objects.get(email="lan@example.org").status == "confirmed"
    assert "the e-mail failed; the registration is stored" in caplog.text


def test_the_event_page_with_a_form_is_never_stored_by_the_page_cache(client, settings):
    settings.PAGE_CACHE = True
    page = event(WORKSHOP)
    response = client.get(page.url)
    assert "1 place left." in response.content.decode()
    assert "no-store" in response["Cache-Control"]  # nor by a CDN
    post(client, page, email="first@example.org")
    client.cookies.clear()
    assert "Every place is taken." in get_page(client, page.url)


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
