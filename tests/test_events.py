"""Events: listings, the upcoming/past split in Viet Nam's time, iCalendar, footer and home."""

import datetime
import re
from html import unescape
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.models import Locale

from events.dates import format_event_dates
from events.models import EventCategoryPage, EventIndexPage, EventPage, EventPark, UpcomingEventsPage
from pages.models import HomePage, StandardPage
from parks.models import ParkPage

from .editorial import twin
from .factories import build, section
from .fixtures import get_page, json_ld
from .queries import cold_and_warm

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def at(*args):
    return datetime.datetime(*args, tzinfo=HCM)


def add_event(parent, title, start, end=None, all_day=False, **fields):
    return build(EventPage, parent, title=title, start=start, end=end, all_day=all_day, **fields)


def translated_event(title, vietnamese, start, **fields):
    return build(EventPage, vietnamese="translated", title=title, vi={"title": vietnamese}, start=start, **fields)


def listed(html, section):
    start = html.index(f'id="{section}-heading"')
    end = html.find("</section>", start)
    return [unescape(title) for title in re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html[start:end])]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["9–10 Mar 2023", "28 Mar – 1 Apr 2022", "9 Mar 2023, 09:00–17:00", "March 2023"]),
        (
            "vi",
            [
                "9–10 tháng 3 năm 2023",
                "28 tháng 3 – 1 tháng 4 năm 2022",
                "9 tháng 3 năm 2023, 09:00–17:00",
                "tháng 3 năm 2023",
            ],
        ),
    ],
)
def test_dates_are_written_naturally_in_each_language(language, expected):
    with translation.override(language):
        assert [
            format_event_dates(at(2023, 3, 9), at(2023, 3, 10, 23, 59), all_day=True),
            format_event_dates(at(2022, 3, 28), at(2022, 4, 1), all_day=True),
            format_event_dates(at(2023, 3, 9, 9), at(2023, 3, 9, 17)),
            format_event_dates(at(2023, 3, 1), month_only=True),
        ] == expected


def test_upcoming_soonest_first_and_past_newest_first(client):
    training = build(EventCategoryPage, title="Training")  # its own: it lists only these four
    with time_machine.travel(at(2030, 6, 15, 12), tick=False):
        add_event(training, "Later", at(2030, 7, 1, 9), at(2030, 7, 1, 17))
        add_event(training, "Sooner", at(2030, 6, 20, 9), at(2030, 6, 20, 17))
        add_event(training, "Recent past", at(2030, 6, 1, 9), at(2030, 6, 1, 17))
        add_event(training, "Earlier past", at(2030, 5, 1, 9), at(2030, 5, 1, 17))
        html = get_page(client, training.url)
        upcoming = listed(html, "upcoming")
        assert upcoming == ["Sooner", "Later"]
        assert listed(html, "past") == ["Recent past", "Earlier past"]


def test_event_spanning_midnight_stays_upcoming_until_it_ends(client):
    psc = build(EventCategoryPage, title="PSC meetings")
    add_event(psc, "Night shift visit", at(2031, 1, 10, 23), at(2031, 1, 11, 1))
    with time_machine.travel(at(2031, 1, 11, 0, 30), tick=False):
        assert "Night shift visit" in listed(get_page(client, psc.url), "upcoming")
    with time_machine.travel(at(2031, 1, 11, 1, 30), tick=False):
        html = get_page(client, psc.url)
        assert "Night shift visit" not in listed(html, "upcoming")
        assert "Night shift visit" in listed(html, "past")


def test_multi_day_event_is_upcoming_until_its_last_day_ends_in_viet_nam(client):
    field = build(EventCategoryPage, title="Field visits")
    add_event(field, "Two day tour", at(2031, 3, 9), at(2031, 3, 10), all_day=True)
    # 23:30 on the last day in Viet Nam is 16:30 UTC: still on.
    with time_machine.travel(at(2031, 3, 10, 23, 30), tick=False):
        assert "Two day tour" in listed(get_page(client, field.url), "upcoming")
    with time_machine.travel(at(2031, 3, 11, 0, 1), tick=False):
        assert "Two day tour" in listed(get_page(client, field.url), "past")


def test_category_pages_list_only_their_own_events(client):
    training, visits = build(EventCategoryPage, title="Training"), build(EventCategoryPage, title="Field visits")
    add_event(training, "Criteria training", at(2031, 2, 3, 9), at(2031, 2, 3, 17))
    add_event(training, "Past training", at(2022, 2, 3, 9), at(2022, 2, 3, 17))
    add_event(visits, "Study tour", at(2031, 4, 5), all_day=True)
    add_event(visits, "Past study tour", at(2022, 4, 5), all_day=True)
    for page in (training, visits):
        html = get_page(client, page.url)
        titles = set(listed(html, "upcoming")) | set(listed(html, "past"))
        own = {event.title for event in EventPage.objects.child_of(page).live()}
        assert titles == own and len(own) == 2


@pytest.mark.parametrize("language", ["en", "vi"])
def test_index_and_upcoming_render_in_both_languages(client, language):
    locale = Locale.objects.get(language_code=language)
    # Sooner than any other, so they lead the index's few upcoming events.
    soon = timezone.now() + datetime.timedelta(minutes=30)
    first = translated_event("Criteria training", "Tập huấn tiêu chí", soon)
    second = translated_event("Symbiosis workshop", "Hội thảo cộng sinh", soon + datetime.timedelta(hours=1))
    html = get_page(client, section(EventIndexPage, language).url)
    assert listed(html, "upcoming")[:2] == [twin(first, locale).title, twin(second, locale).title]
    assert f'<html lang="{language}"' in html
    if language == "vi":
        assert "Sự kiện sắp diễn ra" in html and "tháng" in html


def test_filters_by_category_park_and_year(client):
    index = section(EventIndexPage)
    training, visits = build(EventCategoryPage, title="Training"), build(EventCategoryPage, title="Field visits")
    park = build(ParkPage, title="Green Valley park")
    at_park = {
        add_event(training, "Training at the park", at(2031, 2, 3, 9), park_links=[EventPark(park=park)]).title,
        add_event(visits, "Visit to the park", at(2023, 3, 9), all_day=True, park_links=[EventPark(park=park)]).title,
    }
    add_event(visits, "Visit elsewhere", at(2023, 5, 9), all_day=True)
    add_event(visits, "Visit of another year", at(2022, 3, 9), all_day=True)
    add_event(training, "Training of the same year", at(2023, 6, 1, 9))
    html = get_page(client, f"{index.url}?park={park.pk}")
    assert set(listed(html, "past") + listed(html, "upcoming")) == at_park
    html = get_page(client, f"{index.url}?category={visits.slug}&year=2023")
    assert set(listed(html, "past")) == {"Visit to the park", "Visit elsewhere"}


@pytest.mark.parametrize(
    "query",
    [
        "?category=<b>x</b>",
        "?park=abc",
        "?year=20x4",
        "?page=-5",
        "?page=99999",
        "?year=1900&category=training&park=99999",
    ],
)
def test_bad_event_filters_are_ignored(client, query):
    assert client.get(section(EventIndexPage).url + query).status_code == 200
    assert client.get(section(UpcomingEventsPage, "vi").url + query).status_code == 200


def test_event_ics_parses_back_with_the_right_times(client):
    event = build(EventPage, title="Criteria training", start=at(2031, 5, 6, 9, 30), end=at(2031, 5, 6, 17))
    response = client.get(event.url + "ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert f'filename="{event.slug}.ics"' in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    assert any(component.name == "VTIMEZONE" for component in calendar.walk())
    (vevent,) = calendar.walk("VEVENT")
    start = vevent.decoded("dtstart")
    assert start == event.start
    assert start.astimezone(datetime.UTC) == event.start.astimezone(datetime.UTC)
    assert start.utcoffset() == datetime.timedelta(hours=7)
    assert vevent.decoded("dtend") == event.end
    assert str(vevent["summary"]) == event.title


@pytest.mark.parametrize("language", ["en", "vi"])
def test_an_expired_event_s_sub_views_end_with_it(client, language):
    english = build(EventPage, vietnamese="translated", title="Expiring event", vi={"title": "Sự kiện hết hạn"})
    event = english if language == "en" else twin(english, Locale.objects.get(language_code="vi"))
    assert client.get(event.url + "ics/").status_code == 200
    # Past its expiry date, before the scheduler unpublishes it: the page and its sub-views are gone alike.
    type(event).objects.filter(pk=event.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    for path in ("", "ics/", "register/"):
        assert client.get(event.url + path).status_code == 404, path


def test_all_day_event_ics_uses_dates_with_exclusive_end(client):
    event = build(EventPage, title="Study tour", start=at(2023, 3, 9), end=at(2023, 3, 10), all_day=True)
    vevent = icalendar.Calendar.from_ical(client.get(event.url + "ics/").content).walk("VEVENT")[0]
    assert vevent.decoded("dtstart") == datetime.date(2023, 3, 9)
    assert vevent.decoded("dtend") == datetime.date(2023, 3, 11)


@pytest.mark.parametrize("language", ["en", "vi"])
def test_calendar_feed_lists_upcoming_events_in_the_language(client, language):
    index = section(EventIndexPage, language)
    coming = translated_event("Criteria training", "Tập huấn tiêu chí", timezone.now() + datetime.timedelta(days=9))
    past = translated_event("Past seminar", "Hội thảo đã qua", at(2022, 3, 1, 9))
    response = client.get(index.url + "calendar/")
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = {str(e["summary"]) for e in calendar.walk("VEVENT")}
    assert twin(coming, index.locale).title in summaries and twin(past, index.locale).title not in summaries
    expected = {
        e.title
        for e in EventPage.objects.live().filter(locale=index.locale, end__gte=datetime.datetime.now(datetime.UTC))
    }
    assert summaries == expected
    urls = [str(e["url"]) for e in calendar.walk("VEVENT")]
    assert all(f"/{language}/" in url and url.startswith("http") for url in urls)


def test_the_kept_search_engine_data_follows_a_renamed_event(client):
    event = build(EventPage, title="Symbiosis clinic", vietnamese=None)
    assert json_ld(get_page(client, event.url), "Event")["name"] == "Symbiosis clinic"  # kept now
    event.title = "Symbiosis clinic, second day"
    event.save_revision().publish()
    assert json_ld(get_page(client, event.url), "Event")["name"] == "Symbiosis clinic, second day"


def test_event_page_shows_details_json_ld_and_registration(client, vietnamese):
    event = build(
        EventPage,
        vietnamese="translated",
        title="Criteria training",
        vi={"title": "Tập huấn bộ tiêu chí"},
        vi_texts={"Opening": "Khai mạc", "UNIDO": "UNIDO"},
        registration_enabled=True,
        agenda=[{"type": "item", "value": {"time": "09:00", "item": "Opening", "speaker": "UNIDO"}}],
    )
    html = get_page(client, event.url)
    data = json_ld(html, "Event")
    assert data["@type"] == "Event" and data["name"] == event.title
    assert data["startDate"].endswith("+07:00")
    form = f'<form action="{event.url}register/"'
    assert 'href="#registration">Register</a>' in html and form in html and "Agenda" in html
    with time_machine.travel(event.start + datetime.timedelta(minutes=5), tick=False):
        html = get_page(client, event.url)
        assert 'href="#registration"' not in html and form not in html
        assert "Registration for this event has closed." in html
    vi = get_page(client, twin(event, vietnamese).url)
    assert "Tập huấn bộ tiêu chí" in vi and "Khai mạc" in vi
    assert "Đăng ký" in vi and "Chương trình" in vi and "giờ Việt Nam" in vi


def test_an_external_registration_link_shows_until_the_start(client):
    event = build(EventPage, title="PSC meeting", registration_url="https://example.org/register")
    assert '<a class="button" href="https://example.org/register" rel="noopener">Register</a>' in get_page(
        client, event.url
    )
    with time_machine.travel(event.start + datetime.timedelta(minutes=5), tick=False):
        html = get_page(client, event.url)
        assert "https://example.org/register" not in html and "Registration closed" in html


def test_end_before_start_is_refused():
    event = EventPage(title="Backwards", slug="backwards", start=at(2030, 1, 2), end=at(2030, 1, 1))
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end" in error.value.message_dict


@pytest.mark.parametrize(("language", "heading"), [("en", "Highlighted events"), ("vi", "Sự kiện nổi bật")])
def test_footer_shows_three_newest_highlighted_events(client, language, heading):
    locale = Locale.objects.get(language_code=language)
    # Later than any other: these three are the newest highlighted events.
    newest = [
        translated_event(f"Highlighted event {n}", f"Sự kiện nổi bật {n}", at(2040, 1, n, 9), highlighted=True)
        for n in (3, 2, 1)
    ]
    translated_event("Not highlighted", "Không nổi bật", at(2040, 2, 1, 9))
    html = get_page(client, twin(build(StandardPage, vietnamese="translated"), locale).url)
    footer = html[html.index('class="site-footer"') :]
    assert heading in footer
    block = footer[footer.index('id="footer-events"') : footer.index("</section>", footer.index('id="footer-events"'))]
    titles = [unescape(title) for title in re.findall(r'<a href="[^"]+">([^<]+)</a>', block)]
    expected = [
        e.title
        for e in EventPage.objects.live()
        .filter(locale__language_code=language, highlighted=True)
        .order_by("-start")[:3]
    ]
    assert titles == [twin(event, locale).title for event in newest] == expected


def test_home_shows_upcoming_events(client, vietnamese):
    soonest = translated_event(
        "Pilot parks meet", "Họp các KCN thí điểm", timezone.now() + datetime.timedelta(minutes=30)
    )
    html = get_page(client, section(HomePage, "vi").url)
    events = html[
        html.index('id="home-events-heading"') : html.index("</section>", html.index('id="home-events-heading"'))
    ]
    assert f'href="{twin(soonest, vietnamese).url}"' in events and "Họp các KCN thí điểm" in events


def test_listing_query_count_does_not_grow_with_events(client):
    training = section(EventCategoryPage)
    urls = [section(EventIndexPage).url, training.url, section(UpcomingEventsPage).url]
    before = {url: cold_and_warm(client, url) for url in urls}
    assert all(warm <= 12 for _cold, warm in before.values()), before
    for number in range(45):
        add_event(
            training,
            f"Extra training {number}",
            at(2035, 1, 1 + number % 28, 9) + datetime.timedelta(days=number),
            at(2035, 1, 1 + number % 28, 17) + datetime.timedelta(days=number),
            vietnamese=None,
        )
    after = {url: cold_and_warm(client, url) for url in urls}
    # Cold as well as warm: an N+1 must show while the caches refill.
    assert after == before
