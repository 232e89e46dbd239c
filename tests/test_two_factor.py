"""Optional two-step verification for staff (TOTP)."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

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
