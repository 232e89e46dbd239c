"""Contact us: every message is kept, mail goes only to the office, spam is turned away."""

import logging
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from pages.mail import outbox
from pages.models import ContactPage, OutgoingMail

pytestmark = pytest.mark.django_db

URL = {"en": "/en/contact-us/", "vi": "/vi/lien-he/"}
VALID = {
    "en": {
        "name": "Lan Nguyen",
        "email": "lan@example.org",
        "organisation": "A park company",
        "subject": "Partnership",
        "message": "We would like to join the next workshop.",
        "i_agree_to_be_contacted_about_my_message": "on",
    },
    "vi": {
        "name": "Nguyễn Lan",
        "email": "lan@example.org",
        "organisation": "Công ty trong KCN",
        "subject": "Hợp tác",
        "message": "Chúng tôi muốn tham gia hội thảo tới.",
        "i_agree_to_be_contacted_about_my_message": "on",
    },
}


@pytest.fixture(autouse=True)
def _office(settings):
    settings.CONTACT_EMAIL = "office@example.org"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def post(client, language, **changes):
    data = {**VALID[language], **changes}
    response = client.post(URL[language], {k: v for k, v in data.items() if v is not None})
    outbox.send_due()  # the outbox's worker, which the real site runs every minute
    return response


@pytest.mark.parametrize("language", ["en", "vi"])
def test_valid_message_is_stored_and_mailed_to_the_office_only(client, language):
    response = post(client, language)
    assert response.status_code == 200
    body = response.content.decode()
    assert ("Thank you for writing" if language == "en" else "Cảm ơn bạn đã liên hệ") in body
    assert f'<html lang="{language}"' in body
    submission = FormSubmission.objects.get(page__locale__language_code=language)
    assert submission.get_data()["message"] == VALID[language]["message"]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["office@example.org"] and not message.cc and not message.bcc
    assert message.reply_to == ["lan@example.org"]
    assert VALID[language]["message"] in message.body and f"Language: {language}" in message.body


def test_mail_failure_still_stores_the_message_and_thanks_the_visitor(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    with caplog.at_level(logging.WARNING, logger="pages.mail.outbox"):
        response = post(client, "en")
    assert response.status_code == 200 and "Thank you for writing" in response.content.decode()
    assert FormSubmission.objects.count() == 1
    # Kept in the outbox, to be tried again; logged by number, never with the visitor's address.
    assert "refused by the mail server; retried later" in caplog.text and "lan@example.org" not in caplog.text
    assert OutgoingMail.objects.get().to == "office@example.org"


@pytest.mark.parametrize(
    ("language", "changes", "field", "message"),
    [
        ("en", {"name": ""}, "name", "This field is required."),
        ("vi", {"name": ""}, "name", "Trường này là bắt buộc."),
        ("en", {"email": "not-an-address"}, "email", "Enter a valid e-mail address, such as name@example.org."),
        ("vi", {"email": "khong-hop-le"}, "email", "Nhập địa chỉ thư điện tử hợp lệ, ví dụ name@example.org."),
        ("en", {"message": "x" * 5001}, "message", "at most 5000 characters"),
        ("en", {"email": "lan@example.org\r\nBcc: victim@example.com"}, "email", "Enter a valid e-mail address"),
        ("en", {"subject": "Partnership\r\nBcc: victim@example.com"}, "subject", "Select a valid choice."),
        (
            "en",
            {"i_agree_to_be_contacted_about_my_message": None},
            "i_agree_to_be_contacted_about_my_message",
            "This field is required.",
        ),
    ],
)
def test_bad_input_gets_a_clear_answer_keeps_the_input_and_stores_nothing(client, language, changes, field, message):
    response = post(client, language, **changes)
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert f'id="id_{field}-error"' in body
    assert re.search(rf'id="id_{field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="id_{field}"', body)
    assert "autofocus" in body
    assert VALID[language]["organisation"] in body  # what the visitor typed is still there
    assert FormSubmission.objects.count() == 0 and not mail.outbox


def test_html_is_stored_as_text_and_never_rendered(client):
    script = '<script>alert("x")</script><b>bold</b>'
    response = post(client, "en", message=script, name="<img src=x onerror=alert(1)>")
    assert response.status_code == 200
    submission = FormSubmission.objects.get()
    assert submission.get_data()["message"] == script
    assert script in mail.outbox[0].body and mail.outbox[0].content_subtype == "plain"
    client.force_login(get_user_model().objects.create_superuser("staff", "s@example.org", "pw-long-enough"))
    page = ContactPage.objects.get(locale__language_code="en")
    listing = client.get(reverse("wagtailforms:list_submissions", args=(page.pk,))).content.decode()
    assert "&lt;script&gt;" in listing and '<script>alert("x")' not in listing
    assert "<img src=x" not in listing


def test_honeypot_turns_bots_away_with_a_message(client):
    response = post(client, "vi", website="http://spam.example")
    assert response.status_code == 200
    assert "Không thể nhận thư của bạn" in response.content.decode()
    assert FormSubmission.objects.count() == 0 and not mail.outbox


def test_rate_limit_answers_429_with_a_message(client):
    for _ in range(5):
        assert post(client, "en").status_code == 200
    response = post(client, "en")
    assert response.status_code == 429
    assert "several messages in a short time" in response.content.decode()
    assert FormSubmission.objects.count() == 5 and len(mail.outbox) == 5


# Behind nginx (eipvn/deploy/): the connection comes from 127.0.0.1, and nginx
# appends the address it saw to whatever X-Forwarded-For the client sent.
BEHIND_NGINX = {"REMOTE_ADDR": "127.0.0.1"}


def test_a_spoofed_first_forwarded_entry_does_not_escape_the_limit(client, settings):
    settings.TRUSTED_PROXIES = 1
    settings.USE_X_FORWARDED_FOR = True  # the former switch, too: neither may trust the client's entry
    answers = [
        client.post(
            URL["en"], VALID["en"], HTTP_X_FORWARDED_FOR=f"10.9.8.{number}, 203.0.113.7", **BEHIND_NGINX
        ).status_code
        for number in range(8)
    ]
    assert answers == [200] * 5 + [429] * 3
    assert FormSubmission.objects.count() == 5


def test_two_visitors_behind_the_proxy_are_counted_apart(client, settings):
    settings.TRUSTED_PROXIES = 1
    for _ in range(5):
        assert (
            client.post(URL["en"], VALID["en"], HTTP_X_FORWARDED_FOR="203.0.113.7", **BEHIND_NGINX).status_code == 200
        )
    assert client.post(URL["en"], VALID["en"], HTTP_X_FORWARDED_FOR="203.0.113.7", **BEHIND_NGINX).status_code == 429
    other = client.post(URL["en"], VALID["en"], HTTP_X_FORWARDED_FOR="198.51.100.20", **BEHIND_NGINX)
    assert other.status_code == 200 and "Thank you for writing" in other.content.decode()


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client, settings):
    settings.TRUSTED_PROXIES = 0
    answers = [
        client.post(
            URL["en"], VALID["en"], HTTP_X_FORWARDED_FOR=f"10.9.8.{number}", REMOTE_ADDR="203.0.113.7"
        ).status_code
        for number in range(6)
    ]
    assert answers == [200] * 5 + [429]


def test_staff_can_export_submissions_as_csv_and_delete_them(client):
    post(client, "en")
    client.force_login(get_user_model().objects.create_superuser("staff2", "s2@example.org", "pw-long-enough"))
    page = ContactPage.objects.get(locale__language_code="en")
    export = client.get(reverse("wagtailforms:list_submissions", args=(page.pk,)) + "?export=csv")
    content = b"".join(export.streaming_content) if export.streaming else export.content
    assert export.status_code == 200 and "We would like to join the next workshop." in content.decode()
    submission = FormSubmission.objects.get()
    response = client.post(
        reverse("wagtailforms:delete_submissions", args=(page.pk,)) + f"?selected-submissions={submission.pk}"
    )
    assert response.status_code in {200, 302}
    assert not FormSubmission.objects.exists()


@pytest.mark.parametrize("language", ["en", "vi"])
def test_contact_page_is_never_cached_and_carries_a_csrf_token(client, language):
    response = client.get(URL[language])
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert "+84 24 0000 0000" in response.content.decode()


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_blank_form_is_kept_but_never_carries_a_visitors_input_and_follows_publishing(client, language):
    blank = client.get(URL[language]).content.decode()  # kept as HTML now
    post(client, language, name="", organisation="Typed by someone else")
    again = client.get(URL[language]).content.decode()
    assert "Typed by someone else" not in again and 'aria-invalid="true"' not in again and "autofocus" not in again
    assert 'name="name"' in blank and 'name="name"' in again

    page = ContactPage.objects.get(locale__language_code=language)
    field = page.form_fields.get(clean_name="organisation")
    field.label = "Cơ quan hoặc doanh nghiệp" if language == "vi" else "Agency or company"
    page.form_fields = [field if f.pk == field.pk else f for f in page.form_fields.all()]
    page.save_revision().publish()
    assert field.label in client.get(URL[language]).content.decode()
