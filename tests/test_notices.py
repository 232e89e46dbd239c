"""The notices a public site owes its visitors, and the promises they make:
linked from every footer and from the contact form, in both languages; the
retention the privacy notice states is what the site does; no cookie is set
for an anonymous reader."""

import datetime
import io
import re
from html import unescape

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from news.models import NewsIndexPage
from pages.models import ContactPage, NoticePage, RateLimitHit
from pages.operations import retention
from pages.updates import links
from pages.updates.models import SubscribePage

from .factories import section
from .fixtures import get_page, one_page_per_type_and_language

pytestmark = pytest.mark.django_db

TITLES = {
    "en": ["Privacy notice", "Accessibility statement", "Terms of use"],
    "vi": ["Thông báo về quyền riêng tư", "Tuyên bố về khả năng tiếp cận", "Điều khoản sử dụng"],
}


def footer_notices(html):
    nav = re.search(r'<nav class="footer-notices" aria-label="[^"]+">(.*?)</nav>', html, re.DOTALL)
    return [(url, unescape(title)) for url, title in re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav.group(1))]


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_footer_links_the_three_notices_of_its_language(client, language):
    links = footer_notices(get_page(client, f"/{language}/"))
    assert [title for _url, title in links] == TITLES[language]
    for url, title in links:
        assert url.startswith(f"/{language}/")
        page = get_page(client, url)
        assert f"<h1>{title}</h1>" in page
        assert ("Last reviewed:" if language == "en" else "Rà soát lần cuối:") in page
    # The footer is the same on a section's page, and on a page that is not Wagtail's.
    assert footer_notices(get_page(client, f"/{language}/search/?q=park")) == links


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_contact_form_links_the_privacy_notice(client, language):
    html = get_page(client, section(ContactPage, language).url)
    privacy = NoticePage.objects.get(locale__language_code=language, kind="privacy")
    start = html.index('class="contact-form"')
    form = html[start : html.index("</form>", start)]
    assert f'<a href="{privacy.url}">' in form


def test_the_privacy_notice_states_the_retention_the_site_applies(client, settings):
    for language, phrase in [("en", "12 months"), ("vi", "12 tháng")]:
        text = get_page(client, NoticePage.objects.get(locale__language_code=language, kind="privacy").url)
        assert phrase in text
    assert settings.PERSONAL_DATA_MONTHS == 12  # the notice's "12 months"


def test_the_privacy_notice_states_what_the_e_mail_updates_keep():
    """Its promises, held to the code: the week of a confirmation link (and the
    day more the purge waits), the keyed hash, the months of the sent records."""
    promises = {
        "en": ["deleted automatically after 8 days", "a keyed hash", "12 months after it was sent"],
        "vi": ["tự động bị xoá sau 8 ngày", "mã băm có khoá", "12 tháng sau khi gửi"],
    }
    for language, phrases in promises.items():
        privacy = NoticePage.objects.get(locale__language_code=language, kind="privacy")
        text = unescape(get_page(Client(), privacy.url))
        assert all(phrase in text for phrase in phrases), language
    assert links.CONFIRM_DAYS + 1 == 8
    assert {"unconfirmed subscriptions", "update messages sent"} <= set(retention.selectors())


def test_the_privacy_notice_states_what_event_registrations_keep(settings):
    """Held to the code: deleted a year after the event, by the purge's own rule."""
    promises = {
        "en": ["registrations are deleted automatically 12 months after the event", "works once"],
        "vi": ["các đăng ký tự động bị xoá 12 tháng sau sự kiện", "chỉ dùng được một lần"],
    }
    for language, phrases in promises.items():
        privacy = NoticePage.objects.get(locale__language_code=language, kind="privacy")
        text = unescape(get_page(Client(), privacy.url))
        assert all(phrase in text for phrase in phrases), language
    assert "event registrations" in retention.selectors()
    assert settings.PERSONAL_DATA_MONTHS == 12


def test_an_unpublished_notice_leaves_the_footer(client):
    terms = NoticePage.objects.get(locale__language_code="en", kind="terms")
    assert "Terms of use" in [title for _url, title in footer_notices(get_page(client, "/en/"))]
    terms.unpublish()
    assert [title for _url, title in footer_notices(get_page(client, "/en/"))] == TITLES["en"][:2]


def test_a_language_has_one_notice_of_each_kind():
    privacy = NoticePage.objects.get(locale__language_code="en", kind="privacy")
    second = NoticePage(title="Another privacy notice", kind="privacy", last_reviewed=datetime.date(2026, 1, 1))
    second.locale = privacy.locale
    with pytest.raises(ValidationError) as refused:
        second.clean()
    assert "kind" in refused.value.message_dict


def _aged(model, field, days, **fields):
    row = model.objects.create(**fields)
    model.objects.filter(pk=row.pk).update(**{field: timezone.now() - datetime.timedelta(days=days)})
    return row


def test_purge_deletes_personal_data_past_its_time_and_keeps_the_rest(settings):
    contact = section(ContactPage)
    _aged(FormSubmission, "submit_time", 365, page=contact, form_data={"name": "Old"})
    recent = _aged(FormSubmission, "submit_time", 300, page=contact, form_data={"name": "Recent"})
    old_sign_in = _aged(AccessLog, "attempt_time", 400, username="editor", ip_address="192.0.2.1")
    counter = _aged(AccessAttempt, "attempt_time", 2, username="editor", ip_address="192.0.2.1", failures_since_start=1)
    RateLimitHit.objects.create(scope="contact", client="x", at=timezone.now() - datetime.timedelta(days=2))
    fresh_hit = RateLimitHit.objects.create(scope="contact", client="y", at=timezone.now())

    call_command("purge_personal_data", stdout=io.StringIO())

    assert list(FormSubmission.objects.values_list("pk", flat=True)) == [recent.pk]  # not `old`
    assert not AccessLog.objects.filter(pk=old_sign_in.pk).exists()
    assert not AccessAttempt.objects.filter(pk=counter.pk).exists()
    assert list(RateLimitHit.objects.values_list("pk", flat=True)) == [fresh_hit.pk]


def test_an_anonymous_reader_gets_no_cookie_but_the_form_token(client):
    """The privacy notice says so, so the site needs no cookie banner."""
    urls = [
        *one_page_per_type_and_language().values(),
        "/en/search/?q=park",
        "/vi/search/?q=khu+cong+nghiep",
        section(NewsIndexPage).url + "?year=1999",
        "/en/no-such-page/",
    ]
    # The contact and subscribe forms need their CSRF token.
    forms = {section(model, language).url for model in (ContactPage, SubscribePage) for language in ("en", "vi")}
    for url in urls:
        client.cookies.clear()
        response = client.get(url)
        assert response.status_code in (200, 404), url
        expected = {"csrftoken"} if url in forms else set()
        assert set(response.cookies) == expected, url
