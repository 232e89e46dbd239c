"""Optional two-step verification for staff (TOTP)."""

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction
from wagtail.users.models import UserProfile

from news.models import NewsPage

from .editorial import client_for

pytestmark = pytest.mark.django_db


def code_for(device, drift=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + drift * device.step
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def device(editor):
    return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)


def test_without_an_authenticator_the_admin_opens_after_the_password(editor):
    assert client_for(editor).get(reverse("wagtailadmin_home")).status_code == 200


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_with_an_authenticator_the_admin_asks_for_a_code(editor, device):
    client = client_for(editor)
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("two_factor_verify"))

    wrong = client.post(reverse("two_factor_verify"), {"code": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 302

    right = client.post(reverse("two_factor_verify"), {"code": code_for(device), "next": "/admin/pages/"})
    assert right.status_code == 302 and right.url == "/admin/pages/"
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_the_code_page_speaks_the_users_language(editor, device):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "vi"
    profile.save()
    client = client_for(editor)
    html = client.post(reverse("two_factor_verify"), {"code": "12ab56"}).content.decode()
    assert "Xác minh hai bước" in html
    assert "Nhập các chữ số" in html


def test_a_next_address_elsewhere_is_ignored(editor, device):
    client = client_for(editor)
    response = client.post(reverse("two_factor_verify"), {"code": code_for(device), "next": "https://evil.example/"})
    assert response.url == reverse("wagtailadmin_home")


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)  # no wait after the wrong code
def test_setting_up_an_authenticator(editor):
    client = client_for(editor)
    html = client.get(reverse("two_factor_setup")).content.decode()
    assert "<svg" in html
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert client.post(reverse("two_factor_setup"), {"code": "123456"}).status_code == 200
    device.refresh_from_db()
    assert not device.confirmed
    response = client.post(reverse("two_factor_setup"), {"code": code_for(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    # Already verified in this session; a new session must give a code.
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client_for(editor).get(reverse("wagtailadmin_home")).status_code == 302


def test_turning_it_off_needs_a_verified_session(editor, device):
    client = client_for(editor)
    client.post(reverse("two_factor_disable"))
    assert TOTPDevice.objects.filter(user=editor).exists()
    client.post(reverse("two_factor_verify"), {"code": code_for(device)})
    client.post(reverse("two_factor_disable"))
    assert not TOTPDevice.objects.filter(user=editor).exists()


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_when_required_staff_set_it_up_first(editor):
    response = client_for(editor).get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and response.url == reverse("two_factor_setup")


def test_the_account_page_offers_it(editor):
    html = client_for(editor).get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("two_factor_setup") in html


def test_guessing_is_slowed_down(editor, device):
    client = client_for(editor)
    client.post(reverse("two_factor_verify"), {"code": "000000"})
    # Right after a wrong code even the right one waits (django-otp's throttling).
    assert client.post(reverse("two_factor_verify"), {"code": code_for(device)}).status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


# --- before the code, the session is signed in for nothing -------------------------


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode()


@pytest.fixture
def private_things():
    """A news article only for signed-in users (both languages), and a document in a private collection."""
    article = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    twin = article.get_translation(Locale.objects.get(language_code="vi"))
    private = Collection.get_first_root_node().add_child(name="Partners only")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Internal budget", collection=private, file=ContentFile(b"%PDF-1.4 secret budget", name="budget.pdf")
    )
    return {article.url: article.title, twin.url: twin.title, document.url: "secret budget"}


def test_without_the_code_private_pages_and_documents_stay_closed(editor, device, private_things):
    client = client_for(editor)  # the password only
    for url, secret in private_things.items():
        response = client.get(url)
        assert response.status_code == 302, f"{url} opened to a session without its code"
        assert "login" in response["Location"]
        assert secret not in body(response)
    client.post(reverse("two_factor_verify"), {"code": code_for(device)})
    for url, secret in private_things.items():  # the same session, once the code is given
        response = client.get(url)
        assert response.status_code == 200
        assert secret in body(response)


def test_without_an_authenticator_the_password_opens_private_pages(editor, private_things):
    client = client_for(editor)
    for url in private_things:
        assert client.get(url).status_code == 200


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_when_required_a_password_alone_opens_no_private_page(editor, private_things):
    client = client_for(editor)
    for url in private_things:
        assert client.get(url).status_code == 302


# --- setting up: a secret only this session has seen --------------------------------


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_a_secret_another_session_saw_cannot_be_confirmed(editor):
    onlooker, owner = client_for(editor), client_for(editor)
    onlooker.get(reverse("two_factor_setup"))
    seen = TOTPDevice.objects.get(user=editor, confirmed=False)
    owner.get(reverse("two_factor_setup"))
    fresh = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert fresh.key != seen.key, "setup showed a secret another session had seen"
    assert owner.post(reverse("two_factor_setup"), {"code": code_for(seen)}).status_code == 200
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    # Nor can the onlooker confirm the secret it saw, now or later.
    onlooker.post(reverse("two_factor_setup"), {"code": code_for(seen)})
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert owner.post(reverse("two_factor_setup"), {"code": code_for(fresh)}).status_code == 302
    assert TOTPDevice.objects.get(user=editor, confirmed=True).key == fresh.key


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_too_many_wrong_codes_at_setup_start_again_with_a_new_secret(editor):
    client = client_for(editor)
    client.get(reverse("two_factor_setup"))
    first = TOTPDevice.objects.get(user=editor, confirmed=False)
    for _ in range(5):
        response = client.post(reverse("two_factor_setup"), {"code": "000000"})
    assert response.status_code == 200
    assert "new key" in response.content.decode()
    replaced = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert replaced.key != first.key
    assert client.post(reverse("two_factor_setup"), {"code": code_for(first)}).status_code == 200
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


# --- page passwords ------------------------------------------------------------------


@pytest.fixture
def password_page():
    article = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date").first()
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="partners-2026"
    )
    return article, restriction


def password_url(language, article, restriction):
    page = article.get_translation(Locale.objects.get(language_code=language))
    restriction = PageViewRestriction.objects.get(page=page) if page.pk != article.pk else restriction
    return f"/{language}/_util/authenticate_with_password/{restriction.pk}/{page.pk}/", page


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Too many wrong passwords"),
        ("vi", "Bạn đã nhập sai mật khẩu quá nhiều lần"),
    ],
)
def test_guessing_a_page_password_is_limited_with_a_clear_message(client, password_page, language, message):
    url, page = password_url(language, *password_page)
    for _ in range(10):
        response = client.post(url, {"password": "guess", "return_url": page.url})
        assert response.status_code == 200  # the form again, with its error
    response = client.post(url, {"password": "partners-2026", "return_url": page.url})
    assert response.status_code == 429
    text = response.content.decode()
    assert message in text
    assert response["Retry-After"]
    assert client.get(page.url).status_code == 200
    assert page.title not in client.get(page.url).content.decode()  # still the password form


def test_the_right_page_password_still_opens_the_page(client, password_page):
    url, page = password_url("en", *password_page)
    response = client.post(url, {"password": "partners-2026", "return_url": page.url})
    assert response.status_code == 302
    assert page.title in client.get(page.url).content.decode()
