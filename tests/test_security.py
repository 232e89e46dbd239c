"""What a visitor's browser and an attacker see: security headers on every kind
of response, the admin login's lockout, session expiry, and private content
that never reaches anonymous visitors, in either language, through any channel."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage, NewsPage

from .factories import build, section

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_safe_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    policy = directives(response)
    assert policy["script-src"] == ["'self'"], "no inline or third-party script may run"
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]


@pytest.mark.parametrize("url", ["/en/", "/vi/", "/en/search/?q=eip", "/sitemap.xml", "/en/no-such-page/"])
def test_pages_and_errors_carry_security_headers(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    assert_safe_headers(response)


def test_documents_download_as_attachments_with_nosniff(client):
    document = get_document_model().objects.create(
        title="Annual report", file=ContentFile(b"%PDF-1.4 report", name="annual-report.pdf")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"  # Wagtail's own, stricter than the site's


def test_uploaded_images_are_served_with_nosniff(client):
    image = get_image_model().objects.create(title="Park", file=get_test_image_file())
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_gets_its_own_looser_policy_that_still_forbids_framing_by_others(client):
    policy = directives(client.get("/admin/login/"))
    assert "'unsafe-inline'" in policy["script-src"]  # Wagtail's admin needs it
    assert policy["frame-ancestors"] == ["'self'"]  # its own preview panel
    assert policy["object-src"] == ["'none'"]


def test_templates_have_no_inline_scripts_or_styles(client):
    # The static policy above depends on it: an inline script would be blocked.
    for url in ("/en/", "/vi/"):
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\b(src=|type=\"application/ld\+json\"))", html)
        assert " style=" not in html and "<style" not in html


# --- admin login -------------------------------------------------------------


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "correct-horse-battery")


def sign_in(client, password, **headers):
    return client.post("/admin/login/", {"username": "editor", "password": password}, **headers)


def test_five_failed_sign_ins_lock_the_account_with_a_clear_message(editor):
    client = Client()
    for _ in range(4):
        response = sign_in(client, "wrong")
        assert response.status_code == 200  # the form again, with its error
    response = sign_in(client, "wrong")
    assert response.status_code == 429
    response = sign_in(client, "correct-horse-battery")  # even the right password now
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed sign-in attempts" in page and "30 minutes" in page
    assert response["Retry-After"] == "1800"
    assert "_auth_user_id" not in client.session


def test_the_lockout_message_is_in_vietnamese_for_vietnamese_staff(editor):
    client = Client()
    for _ in range(5):
        sign_in(client, "wrong", HTTP_ACCEPT_LANGUAGE="vi")
    response = sign_in(client, "wrong", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 429
    assert "Quá nhiều lần đăng nhập không thành công" in response.content.decode()


def test_a_successful_sign_in_resets_the_count(editor):
    client = Client()
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, "correct-horse-battery").status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200
    assert sign_in(client, "correct-horse-battery").status_code == 302


# Behind nginx (eipvn/deploy/): every connection comes from 127.0.0.1, and nginx
# appends the address it saw to whatever X-Forwarded-For the client sent.
def via_nginx(visitor, sent=None):
    forwarded = f"{sent}, {visitor}" if sent else visitor
    return {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": forwarded}


def test_a_varied_first_forwarded_entry_is_still_locked_out(editor, settings):
    settings.TRUSTED_PROXIES = 1
    settings.USE_X_FORWARDED_FOR = True  # the former switch, too: neither may trust the client's entry
    client = Client()
    statuses = [sign_in(client, "wrong", **via_nginx("203.0.113.7", sent=f"10.0.0.{n}")).status_code for n in range(8)]
    assert statuses == [200] * 4 + [429] * 4
    assert sign_in(client, "correct-horse-battery", **via_nginx("203.0.113.7", sent="10.0.0.99")).status_code == 429


def test_two_people_behind_the_proxy_are_counted_apart(editor, settings):
    settings.TRUSTED_PROXIES = 1
    intruder, owner = Client(), Client()
    for _ in range(5):
        sign_in(intruder, "wrong", **via_nginx("203.0.113.7"))
    assert sign_in(intruder, "correct-horse-battery", **via_nginx("203.0.113.7")).status_code == 429
    assert sign_in(owner, "correct-horse-battery", **via_nginx("198.51.100.20")).status_code == 302


def test_without_a_trusted_proxy_a_forwarded_header_is_ignored(editor, settings):
    settings.TRUSTED_PROXIES = 0
    client = Client()
    for n in range(5):
        sign_in(client, "wrong", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    response = sign_in(client, "correct-horse-battery", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="10.0.0.99")
    assert response.status_code == 429


def test_reached_directly_a_forwarded_header_is_ignored(editor, settings):
    # The production default (one proxy, trusted from loopback) and a client that is not that proxy.
    settings.TRUSTED_PROXIES = 1
    client = Client(REMOTE_ADDR="198.51.100.4")
    statuses = [sign_in(client, "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code for n in range(6)]
    assert statuses == [200] * 4 + [429] * 2


def test_one_address_trying_many_usernames_is_locked_out(editor, settings):
    get_user_model().objects.create_user("mallory", "mallory@example.org", "mallory-own-password")
    attacker = Client(REMOTE_ADDR="203.0.113.7")

    def attempt(username, password):
        return attacker.post("/admin/login/", {"username": username, "password": password}).status_code

    assert [attempt(f"user{n}", "wrong") for n in range(19)] == [200] * 19  # under five for each username
    # Signing in to an account of one's own clears that account's failures, not the address's.
    assert attempt("mallory", "mallory-own-password") == 302
    attacker.logout()
    assert attempt("user19", "wrong") == 429  # the twentieth failure from the address
    assert attempt("editor", "correct-horse-battery") == 429  # every username, from this address
    assert sign_in(Client(REMOTE_ADDR="198.51.100.20"), "correct-horse-battery").status_code == 302


def test_staff_sessions_end_with_the_browser_and_after_eight_hours(editor, settings):
    client = Client()
    assert sign_in(client, "correct-horse-battery").status_code == 302
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["expires"] and not cookie["max-age"]  # a browser-session cookie
    assert client.session.get_expiry_age() == 8 * 60 * 60
    assert cookie["httponly"]


# --- private content ---------------------------------------------------------


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def twins_of(page):
    return {twin.locale.language_code: twin.specific for twin in page.get_translations(inclusive=True)}


def test_making_a_page_private_makes_every_language_private(client):
    article = build(NewsPage, vietnamese="translated")
    restrict(article)
    twins = twins_of(article)
    assert set(twins) == {"en", "vi"}
    for twin in twins.values():
        response = client.get(twin.url)
        assert (
            response.status_code == 302 and "/admin/login/" in response["Location"] or "login" in response["Location"]
        )
    PageViewRestriction.objects.filter(page=article).delete()
    assert not PageViewRestriction.objects.filter(page=twins["vi"]).exists()
    assert client.get(twins["vi"].url).status_code == 200


def test_private_article_leaks_through_no_channel_in_either_language(client):
    now = timezone.now().replace(microsecond=0)
    other = build(NewsPage, vietnamese="translated", date=now - datetime.timedelta(hours=1))
    # The newest article, so the home page and the other's "more news" list it while it is public.
    article = build(
        NewsPage,
        vietnamese="translated",
        date=now,
        title="Steam sharing agreement signed in Hai Phong",
        vi={"title": "Ký thỏa thuận dùng chung hơi nước tại Hải Phòng"},
    )
    twins = twins_of(article)

    def channels(language, twin):
        index = section(NewsIndexPage, language)
        return {
            "news listing": index.url,
            "rss feed": index.url + "feed/rss/",
            "atom feed": index.url + "feed/atom/",
            "home page": f"/{language}/",
            "another article's more news": other.get_translation(twin.locale).url,
            "search": f"/{language}/search/?q=" + twin.title,
            "sitemap": f"/sitemaps/{language}/{index.slug}/1.xml",
        }

    for language, twin in twins.items():  # seen while public, so the check below can fail
        for channel, url in channels(language, twin).items():
            assert twin.url in client.get(url).content.decode(), f"{channel} should list the public article"
    restrict(article)
    for language, twin in twins.items():
        for channel, url in channels(language, twin).items():
            response = client.get(url)
            assert response.status_code == 200, f"{channel} answered {response.status_code}"
            body = response.content.decode()
            assert twin.url not in body, f"the private {language} article shows in the {channel}"
            if channel != "search":  # where the title is the query itself
                assert twin.title not in body, f"the private {language} title shows in the {channel}"


def shows(client, url, page_url):
    body = client.get(url).content.decode().replace("\r\n ", "")  # unfold iCalendar lines
    return f'{page_url}"' in body or f"{page_url}\r" in body


def test_private_event_leaks_through_no_calendar_or_listing(client):
    # The next event to come, so the home page lists it while it is public.
    event = build(EventPage, vietnamese="translated", start=timezone.now() + datetime.timedelta(days=2))
    twins = twins_of(event)

    def channels(language):
        index = section(EventIndexPage, language)
        return {"events page": index.url, "calendar feed": index.url + "calendar/", "home": f"/{language}/"}

    for language, twin in twins.items():  # seen while public, so the check below can fail
        assert all(shows(client, url, twin.url) for url in channels(language).values())
    restrict(event)
    for language, twin in twins.items():
        for channel, url in channels(language).items():
            assert not shows(client, url, twin.url), f"the private {language} event shows in the {channel}"
        response = client.get(twin.url + "ics/")
        assert response.status_code == 302, "the private event's own .ics must ask for a login"
        assert b"BEGIN:VEVENT" not in response.content


def test_private_collection_documents_are_refused_in_every_form(client):
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Partners only")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Internal budget", collection=private, file=ContentFile(b"%PDF-1.4 secret", name="budget.pdf")
    )
    for method in (client.get, client.head):
        response = method(document.url)
        assert response.status_code == 302
        assert b"secret" not in response.content
    for language in ("en", "vi"):
        assert "Internal budget" not in client.get(f"/{language}/search/?q=internal+budget").content.decode()
