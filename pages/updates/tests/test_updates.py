"""E-mail updates, in English and Vietnamese: double opt-in, one message per
first publication in a language (none for an alias, a private page or a page
unpublished before its turn), digests when due, a sender that never sends
twice (even after a crash), one-click unsubscribe, suppression, the admin's
list for Moderators only, and what is deleted when."""

import datetime
import io
import re
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile

from events.models import EventIndexPage, EventPage
from news.models import NewsCategoryPage, NewsIndexPage, NewsPage
from pages.mail import outbox
from pages.management.commands.purge_personal_data import purge
from pages.updates import links, sender, subscriptions
from pages.updates.models import Announcement, Delivery, SubscribePage, Subscriber, SuppressedAddress
from publications.models import PublicationIndexPage
from tests.editorial import client_for, refused
from tests.factories import build, section, translate_page
from tests.fixtures import get_page

pytestmark = pytest.mark.django_db

HCM = datetime.timezone(datetime.timedelta(hours=7))
CHECK_INBOX = {"en": "Please check your inbox", "vi": "Vui lòng kiểm tra hộp thư"}


@pytest.fixture(autouse=True)
def _mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def subscribe_url(language):
    return section(SubscribePage, language).url


def subscribe(client, language="en", **fields):
    data = {
        "email": "reader@example.org",
        "language": language,
        "topics": ["news"],
        "frequency": "immediate",
        "consent": "on",
    }
    data.update(fields)
    response = client.post(subscribe_url(language), {key: value for key, value in data.items() if value is not None})
    outbox.send_due()  # the outbox's worker, which the real site runs every minute
    return response


def first_link(message):
    """The message's button: the first address in its text."""
    return urlsplit(re.search(r"https?://\S+", message.body).group(0)).path


def subscribed(email, language="en", topics=("news",), frequency="immediate"):
    """A confirmed subscriber, the way a visitor becomes one."""
    client = Client()
    subscribe(client, language, email=email, topics=list(topics), frequency=frequency)
    (message,) = [m for m in mail.outbox if m.to == [email]]
    assert client.post(first_link(message)).status_code == 200
    mail.outbox.clear()
    subscriber = Subscriber.objects.get(email=email)
    assert subscriber.status == "confirmed"
    return subscriber


def publish_article(title="Park operators sign a new symbiosis agreement", parent=None):
    """An English article published the way an editor does, with the Vietnamese
    alias the admin's tree sync makes."""
    return build(NewsPage, parent, title=title, intro="Three companies will share steam and treated water.")


def translate_article(article, title="Các nhà vận hành khu công nghiệp ký thỏa thuận cộng sinh mới"):
    """A translator's Vietnamese, published through wagtail-localize."""
    intro = "Ba doanh nghiệp sẽ dùng chung hơi nước và nước đã xử lý."
    return translate_page(article, {"title": title, "intro": intro})


def send():
    return sender.run()


def to(email):
    return [message for message in mail.outbox if message.to == [email]]


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("en", "Please confirm your subscription to EIP Viet Nam updates"),
        ("vi", "Vui lòng xác nhận đăng ký nhận tin của EIP Viet Nam"),
    ],
)
def test_subscribing_sends_only_a_confirmation(client, language, subject):
    response = subscribe(client, language, email="Reader@Example.org")
    assert response.status_code == 200 and CHECK_INBOX[language] in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    (message,) = mail.outbox
    assert message.subject == subject and message.to == ["reader@example.org"]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(r"<https?://\S+/[\w-]+/>", message.extra_headers["List-Unsubscribe"])
    ((html, kind),) = message.alternatives
    assert kind == "text/html" and f'lang="{language}"' in html
    assert Subscriber.objects.get(email="reader@example.org").status == "pending"
    mail.outbox.clear()
    publish_article()
    assert send().sent == 0 and mail.outbox == []  # nothing but the confirmation until the link is used


@pytest.mark.parametrize(("language", "button"), [("en", "Confirm my subscription"), ("vi", "Xác nhận đăng ký")])
def test_the_confirmation_link_opens_a_page_whose_button_confirms(client, language, button):
    subscribe(client, language)
    path = first_link(mail.outbox[0])
    assert path.startswith(f"/{language}/")
    page = get_page(client, path)
    assert f'<button type="submit" class="button">{button}</button>' in page
    assert Subscriber.objects.get().status == "pending"  # a mail scanner's GET confirms nothing
    client.post(path)
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "confirmed" and subscriber.confirmed_at is not None


def test_an_english_article_reaches_english_news_subscribers_and_its_translation_vietnamese_ones():
    english = subscribed("en-news@example.org")
    subscribed("vi-news@example.org", language="vi")
    subscribed("en-events@example.org", topics=("events",))
    article = publish_article()
    # The Vietnamese alias made with it is not a publication in Vietnamese.
    assert list(Announcement.objects.values_list("page_id", "language")) == [(article.pk, "en")]
    report = send()
    assert report.sent == 1
    (message,) = mail.outbox
    assert message.to == ["en-news@example.org"]
    assert message.subject == f"New on EIP Viet Nam: {article.title}"
    assert article.full_url in message.body and "Three companies will share steam" in message.body
    assert links.address(english, "updates-unsubscribe") in message.body
    assert message.extra_headers["List-Unsubscribe"] == f"<{links.address(english, 'updates-unsubscribe')}>"
    assert article.full_url in message.alternatives[0][0]

    mail.outbox.clear()
    vietnamese = translate_article(article)
    assert send().sent == 1
    (message,) = mail.outbox
    assert message.to == ["vi-news@example.org"]
    assert message.subject == f"Tin mới trên EIP Viet Nam: {vietnamese.title}"
    assert vietnamese.full_url in message.body and "Đổi lựa chọn" in message.body

    # Published again (an edit): not a new publication.
    mail.outbox.clear()
    article.save_revision().publish()
    vietnamese.save_revision().publish()
    assert send().sent == 0 and mail.outbox == []


def test_an_article_dated_ahead_is_announced_on_its_date_as_the_listings_show_it():
    subscribed("en-news@example.org")
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    article = build(NewsPage, title="A forum on industrial symbiosis next week", intro="Dated ahead.", date=tomorrow)
    assert send().sent == 0 and to("en-news@example.org") == []
    with time_machine.travel(tomorrow + datetime.timedelta(minutes=1)):
        assert send().sent == 1
    (message,) = to("en-news@example.org")
    assert article.title in message.subject


def test_an_event_still_to_come_is_announced_and_one_added_to_the_record_is_not():
    subscribed("en-events@example.org", topics=("events",))
    now = timezone.now()
    past = build(EventPage, title="A training held last year", start=now - datetime.timedelta(days=400))
    coming = build(
        EventPage,
        title="A workshop next month",
        start=now + datetime.timedelta(days=30),
        end=now + datetime.timedelta(days=31),
    )
    assert send().sent == 1
    (message,) = to("en-events@example.org")
    assert coming.title in message.subject and past.title not in message.body


def test_a_private_page_and_a_page_unpublished_before_its_turn_are_not_announced():
    subscribed("reader@example.org")
    category = section(NewsCategoryPage)
    PageViewRestriction.objects.create(page=category, restriction_type=PageViewRestriction.LOGIN)
    publish_article("Internal note for the steering committee", parent=category)
    assert not Announcement.objects.exists()
    PageViewRestriction.objects.filter(page=category).delete()

    article = publish_article("An article withdrawn at once", parent=category)
    assert Announcement.objects.filter(page=article).exists()
    article.unpublish()
    report = send()
    assert report.sent == 0 and report.withdrawn == 1 and mail.outbox == []
    assert Announcement.objects.get(page=article).status == "withdrawn"


def test_running_the_sender_twice_sends_nothing_twice():
    for number in range(3):
        subscribed(f"reader-{number}@example.org")
    publish_article()
    publish_article("A second article")
    assert sender.run(batch_size=4).more  # six messages are due, four fit
    assert len(mail.outbox) == 4
    assert send().sent == 2 and send().sent == 0
    assert len(mail.outbox) == 6
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [f"reader-{number}@example.org" for number in range(3)] * 2
    )


class CrashingBackend(EmailBackend):
    """Sends the first message, then the process dies while the second is sent."""

    sent = 0

    def send_messages(self, messages):
        CrashingBackend.sent += 1
        if CrashingBackend.sent == 2:
            raise KeyboardInterrupt
        return super().send_messages(messages)


class RefusingBackend(EmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError


def test_a_crash_after_the_claim_sends_each_message_at_most_once_and_reports_the_uncertain_one(settings):
    for number in range(3):
        subscribed(f"reader-{number}@example.org")
    publish_article()
    settings.EMAIL_BACKEND = "pages.updates.tests.test_updates.CrashingBackend"
    CrashingBackend.sent = 0
    with pytest.raises(KeyboardInterrupt):
        send()
    assert [m.to for m in mail.outbox] == [["reader-0@example.org"]]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    report = send()
    assert report.sent == 1 and report.uncertain == 1
    assert "1 message(s) claimed but not known to be sent" in "\n".join(report.lines())
    assert [m.to for m in mail.outbox] == [["reader-0@example.org"], ["reader-2@example.org"]]
    assert send().sent == 0  # reader-1's message, perhaps sent, is never sent again
    assert sorted(Delivery.objects.values_list("state", flat=True)) == ["sending", "sent", "sent"]


def test_a_mail_server_refusal_is_recorded_and_not_retried(settings):
    subscribed("reader@example.org")
    publish_article()
    settings.EMAIL_BACKEND = "pages.updates.tests.test_updates.RefusingBackend"
    assert send().failed == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send().sent == 0 and Delivery.objects.get().state == "failed"


def test_daily_and_weekly_digests_collect_the_announcements_and_come_when_due():
    monday = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=HCM)  # a Monday
    with time_machine.travel(monday, tick=False):
        subscribed("daily@example.org", topics=("news", "events"), frequency="daily")
        subscribed("weekly@example.org", frequency="weekly")
    with time_machine.travel(monday + datetime.timedelta(hours=1), tick=False):
        first = publish_article("First article of the week")
    with time_machine.travel(monday + datetime.timedelta(hours=20), tick=False):  # Tuesday 06:00
        second = publish_article("Second article of the week")
        assert send().sent == 0  # the daily digest comes at 08:00
    with time_machine.travel(monday + datetime.timedelta(hours=22, minutes=5), tick=False):  # Tuesday 08:05
        assert send().sent == 1
        (digest,) = mail.outbox
        assert digest.to == ["daily@example.org"] and digest.subject == "EIP Viet Nam daily digest: 2 new items"
        assert first.full_url in digest.body and second.full_url in digest.body
        assert send().sent == 0
    with time_machine.travel(monday + datetime.timedelta(days=2, hours=22, minutes=5), tick=False):
        assert send().sent == 0  # Wednesday: nothing new since
    mail.outbox.clear()
    with time_machine.travel(monday + datetime.timedelta(days=7, hours=-1), tick=False):  # next Monday 09:00
        assert send().sent == 1
        (weekly,) = mail.outbox
        assert weekly.to == ["weekly@example.org"] and weekly.subject == "EIP Viet Nam weekly digest: 2 new items"


@pytest.mark.parametrize("language", ["en", "vi"])
def test_one_click_unsubscribe_without_a_csrf_token_and_then_no_more_mail(language):
    subscriber = subscribed("reader@example.org", language=language)
    strict = Client(enforce_csrf_checks=True)
    path = links.path(subscriber, "updates-unsubscribe")
    assert "<form" in get_page(strict, path) and links.path(subscriber, "updates-manage") in get_page(strict, path)
    response = strict.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists() and SuppressedAddress.objects.get().reason == "unsubscribed"
    assert "reader@example.org" not in str(SuppressedAddress.objects.values_list())  # a keyed hash only
    article = publish_article()
    if language == "vi":
        translate_article(article)
    assert send().sent == 0 and mail.outbox == []
    # The other forms keep their CSRF check.
    assert strict.post(subscribe_url(language), {"email": "x@example.org"}).status_code == 403


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "This link is not valid, or no longer"), ("vi", "Đường liên kết này không hợp lệ hoặc đã hết hiệu lực")],
)
def test_bad_and_forged_links_get_a_clear_page_in_the_visitors_language(client, language, text):
    subscriber = subscribed("reader@example.org", language=language)
    good = links.path(subscriber, "updates-unsubscribe")
    forged = re.sub(r"-[0-9a-f]{32}/$", "-" + "0" * 32 + "/", good)
    manage = links.path(subscriber, "updates-manage")
    confirm = links.path(subscriber, "updates-confirm")
    for path in [forged, forged.replace(f"/{subscriber.pk}-", "/999999-"), re.sub(r"[^/]+/$", "abc/", good),
                 re.sub(r"[^/]+/$", "abc/", manage), re.sub(r"[^/]+/$", "1-zz-nothex/", confirm)]:  # fmt: skip
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code == 404, path
            assert text in response.content.decode()
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_a_confirmation_link_expires_after_a_week(client):
    subscribe(client)
    path = first_link(mail.outbox[0])
    # Past the week, and before the unconfirmed subscription is deleted (a day later).
    with time_machine.travel(timezone.now() + datetime.timedelta(days=7, hours=1)):
        response = client.post(path)
    assert response.status_code == 400 and "This confirmation link has expired" in response.content.decode()
    assert Subscriber.objects.get().status == "pending"


def test_a_link_from_before_a_new_subscription_no_longer_works(client):
    subscriber = subscribed("reader@example.org")
    old = links.path(subscriber, "updates-manage")
    client.post(links.path(subscriber, "updates-unsubscribe"))
    subscribed("reader@example.org")
    assert client.get(old).status_code == 404


@pytest.mark.parametrize(("language", "text"), [("en", "Please wait an hour"), ("vi", "Vui lòng đợi một giờ")])
def test_subscribing_is_limited_per_client_address(client, language, text):
    for number in range(5):
        assert subscribe(client, language, email=f"reader-{number}@example.org").status_code == 200
    response = subscribe(client, language, email="one-more@example.org")
    assert response.status_code == 429 and text in response.content.decode()
    assert not Subscriber.objects.filter(email="one-more@example.org").exists()


def test_the_honeypot_turns_a_robot_away(client):
    response = subscribe(client, website="http://spam.example")
    assert response.status_code == 200 and "please leave the last field empty" in response.content.decode()
    assert not Subscriber.objects.exists() and mail.outbox == []


@pytest.mark.parametrize(
    ("language", "email_error", "topic_error"),
    [
        ("en", "Enter a valid e-mail address, such as name@example.org.", "Choose at least one section or theme."),
        ("vi", "Nhập địa chỉ thư điện tử hợp lệ, ví dụ name@example.org.", "Hãy chọn ít nhất một mục hoặc một chủ đề."),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(client, language, email_error, topic_error):
    response = subscribe(client, language, email="lan@example", topics=None, frequency="weekly")
    html = response.content.decode()
    assert response.status_code == 200 and email_error in html and topic_error in html
    assert 'value="lan@example"' in html and 'value="weekly" class="" id="id_frequency_2" checked' not in html
    assert re.search(r'<input type="radio" name="frequency" value="weekly"[^>]* checked', html)
    assert 'aria-invalid="true"' in html and 'id="id_topics-error"' in html
    assert not Subscriber.objects.exists() and mail.outbox == []


def _answer(email, number):
    html = subscribe(Client(REMOTE_ADDR=f"192.0.2.{number}"), email=email).content.decode()
    main = html[html.index('<main id="main-content"') : html.index("</main>")]
    return main.replace(email, "ADDRESS")


def test_the_answer_never_tells_whether_an_address_is_known():
    subscriber = subscribed("known@example.org")
    subscribe(Client(), email="waiting@example.org")
    staff_suppressed = subscribed("suppressed@example.org")
    subscriptions.suppress(staff_suppressed)
    mail.outbox.clear()
    emails = ["new@example.org", "waiting@example.org", "known@example.org", "suppressed@example.org"]
    answers = {email: _answer(email, number) for number, email in enumerate(emails)}
    assert len(set(answers.values())) == 1
    # The confirmed subscriber is offered the preferences, not a second confirmation; the suppressed gets nothing.
    assert to("suppressed@example.org") == []
    (known,) = to("known@example.org")
    assert known.subject == "Your subscription to EIP Viet Nam updates"
    assert first_link(known) == links.path(subscriber, "updates-manage")
    assert Subscriber.objects.get(email="known@example.org").topic_keys() == ["news"]  # unchanged
    assert [m.subject for m in to("new@example.org") + to("waiting@example.org")] == [
        "Please confirm your subscription to EIP Viet Nam updates"
    ] * 2


def test_one_address_is_sent_few_confirmations_whoever_asks(client):
    # A registration request counts too: the cap is the address's, across every form.
    event = EventPage.objects.live().filter(locale__language_code="en", registration_enabled=True).first()
    client.post(event.url + "register/", {"name": "Alice", "email": "victim@example.org", "consent": "on"})
    for number in range(5):
        client = Client(REMOTE_ADDR=f"192.0.2.{number}")
        subscribe(client, email="victim@example.org")
    limit, _window = outbox.VISITOR_CAP
    assert len(to("victim@example.org")) == limit
    assert [m.subject for m in to("victim@example.org")][1:] == [
        "Please confirm your subscription to EIP Viet Nam updates"
    ] * (limit - 1)


def test_a_subscriber_changes_topics_frequency_and_language(client):
    subscriber = subscribed("reader@example.org")
    path = links.path(subscriber, "updates-manage")
    assert 'name="topics" value="news"' in get_page(client, path)
    response = client.post(path, {"language": "vi", "topics": ["events", "publications"], "frequency": "daily"})
    assert "Your preferences are saved" in response.content.decode()
    subscriber.refresh_from_db()
    assert (subscriber.language, subscriber.frequency, subscriber.topic_keys()) == (
        "vi",
        "daily",
        ["events", "publications"],
    )
    assert (
        "Choose at least one section or theme."
        in client.post(path, {"language": "en", "frequency": "daily"}).content.decode()
    )


def test_after_unsubscribing_an_address_may_subscribe_again_with_a_new_confirmation(client):
    subscriber = subscribed("reader@example.org")
    client.post(links.path(subscriber, "updates-unsubscribe"))
    again = subscribed("reader@example.org")
    assert again.status == "confirmed" and not SuppressedAddress.objects.exists()


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_footer_and_the_listings_lead_to_the_subscribe_page_with_a_link(client, language):
    # A link, not a form: the address is typed on the subscribe page and posted, never put in a URL.
    home = get_page(client, f"/{language}/")
    footer = home[home.index('<footer class="site-footer">') :]
    assert f'<a class="button" href="{subscribe_url(language)}"' in footer and "<form" not in footer
    listings = {"news": NewsIndexPage, "events": EventIndexPage, "publications": PublicationIndexPage}
    for topic, model in listings.items():
        html = get_page(client, section(model, language).url)
        main = html[: html.index('<footer class="site-footer">')]
        assert f'href="{subscribe_url(language)}?topic={topic}"' in main, topic
        assert 'type="email"' not in main, topic
    # Links made before (and bookmarks) still preset the form, though the blank form is kept as HTML.
    blank = get_page(client, subscribe_url(language))
    page = get_page(client, f"{subscribe_url(language)}?email=lan%40example.org&topic=events")
    assert 'value="lan@example.org"' in page
    assert re.search(r'name="topics" value="events"[^>]* checked', page)
    assert not re.search(r'name="topics" value="news"[^>]* checked', page)
    assert re.search(rf'<option value="{language}" selected>', page)
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub("", get_page(client, subscribe_url(language))) == token.sub("", blank)
    assert "lan@example.org" not in blank and re.search(r'name="topics" value="news"[^>]* checked', blank)


def test_moderators_see_counts_export_and_suppress_editors_and_translators_see_nothing(moderator, editor, translator):
    subscriber = subscribed("=hyperlink@example.org")  # a spreadsheet would run it as a formula
    subscribed("vi-reader@example.org", language="vi", topics=("news", "events"))
    staff = client_for(moderator)
    listing = staff.get("/admin/subscribers/").content.decode()
    assert "Confirmed subscribers" in listing and "vi-reader@example.org" in listing
    assert re.search(r"<th scope=\"row\">News</th><td>1</td><td>1</td>", listing)
    # The sections people chose (news, events, publications) are "sections", not "topics",
    # which in Vietnamese would read "Chủ đề" like the themes.
    assert '<th scope="col">Section</th>' in listing and "All sections" in listing and "Topic" not in listing
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "vi"
    profile.save()
    in_vietnamese = staff.get("/admin/subscribers/").content.decode()
    assert '<th scope="col">Mục</th>' in in_vietnamese and "Mọi mục" in in_vietnamese
    assert "Chủ đề" not in in_vietnamese
    csv = b"".join(staff.get("/admin/subscribers/?export=csv").streaming_content).decode()
    assert "'=hyperlink@example.org" in csv
    assert "vi-reader@example.org" in staff.get("/admin/subscribers/?language=vi&topic=events").content.decode()
    assert "vi-reader" not in staff.get("/admin/subscribers/?language=en").content.decode()
    with pytest.raises(NoReverseMatch):
        reverse("subscribers:add")  # people subscribe themselves
    assert staff.get(f"/admin/subscribers/suppress/{subscriber.pk}/").status_code == 200
    assert staff.post(f"/admin/subscribers/suppress/{subscriber.pk}/").status_code == 302
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()
    assert SuppressedAddress.objects.get().reason == "staff"
    other = Subscriber.objects.get(email="vi-reader@example.org")
    for user in (editor, translator):
        client = client_for(user)
        assert refused(client.get("/admin/subscribers/")), user
        assert refused(client.get("/admin/subscribers/?export=csv")), user
        assert refused(client.get(f"/admin/subscribers/suppress/{other.pk}/")), user
        assert refused(client.post(f"/admin/subscribers/suppress/{other.pk}/")), user
        assert refused(client.post(f"/admin/subscribers/delete/{other.pk}/")), user
    assert Subscriber.objects.filter(pk=other.pk).exists()


def test_unconfirmed_subscriptions_go_after_a_week_and_sent_messages_after_the_months(client):
    subscribe(client, email="waiting@example.org")
    subscriber = subscribed("reader@example.org")
    publish_article()
    send()
    assert purge()["unconfirmed subscriptions"] == 0
    Subscriber.objects.filter(email="waiting@example.org").update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    Delivery.objects.update(created_at=timezone.now() - datetime.timedelta(days=370))
    Announcement.objects.update(created_at=timezone.now() - datetime.timedelta(days=370))
    purge()
    assert list(Subscriber.objects.all()) == [subscriber]  # kept while the subscription lasts
    assert not Delivery.objects.exists() and not Announcement.objects.exists()


def test_a_mail_failure_at_subscribing_loses_nothing(client, settings):
    settings.EMAIL_BACKEND = "pages.updates.tests.test_updates.RefusingBackend"
    response = subscribe(client)
    assert response.status_code == 200 and CHECK_INBOX["en"] in response.content.decode()
    assert Subscriber.objects.get().status == "pending"  # stored; asking again sends a new link


def test_the_command_lists_what_is_due_on_a_dry_run_and_sends_nothing():
    subscribed("reader@example.org")
    article = publish_article()
    output = io.StringIO()
    call_command("send_updates", "--dry-run", stdout=output)
    assert f"Would send to reader@example.org: New on EIP Viet Nam: {article.title}" in output.getvalue()
    assert mail.outbox == [] and not Delivery.objects.exists()
    call_command("send_updates", "--batch-size", "10", stdout=output)
    assert "Sent 1 message(s)" in output.getvalue() and len(mail.outbox) == 1
