"""Events: listings, the upcoming/past split in Viet Nam's time, iCalendar, footer and home."""

import datetime
import re
from html import unescape
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import translation

from events.dates import format_event_dates
from events.models import EventCategoryPage, EventIndexPage, EventPage

from .conftest import get_page, json_ld
from .queries import cold_and_warm

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
INDEX = {"en": "/en/events/", "vi": "/vi/su-kien/"}


def at(*args):
    return datetime.datetime(*args, tzinfo=HCM)


def category(language, slug_en):
    page = EventCategoryPage.objects.get(locale__language_code="en", slug=slug_en)
    return page if language == "en" else page.get_translation(page.locale.__class__.objects.get(language_code="vi"))


def add_event(parent, title, start, end=None, all_day=False, **fields):
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    event = EventPage(title=title, slug=slug, start=start, end=end, all_day=all_day, **fields)
    parent.add_child(instance=event)
    event.save_revision().publish()
    return event


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
    training = category("en", "training")
    with time_machine.travel(at(2030, 6, 15, 12), tick=False):
        add_event(training, "Later", at(2030, 7, 1, 9), at(2030, 7, 1, 17))
        add_event(training, "Sooner", at(2030, 6, 20, 9), at(2030, 6, 20, 17))
        add_event(training, "Recent past", at(2030, 6, 1, 9), at(2030, 6, 1, 17))
        add_event(training, "Earlier past", at(2030, 5, 1, 9), at(2030, 5, 1, 17))
        html = get_page(client, training.url)
        upcoming = listed(html, "upcoming")
        assert upcoming == ["Sooner", "Later"]
        past = listed(html, "past")
        assert past[:2] == ["Recent past", "Earlier past"]


def test_event_spanning_midnight_stays_upcoming_until_it_ends(client):
    psc = category("en", "psc-meetings")
    add_event(psc, "Night shift visit", at(2031, 1, 10, 23), at(2031, 1, 11, 1))
    with time_machine.travel(at(2031, 1, 11, 0, 30), tick=False):
        assert "Night shift visit" in listed(get_page(client, psc.url), "upcoming")
    with time_machine.travel(at(2031, 1, 11, 1, 30), tick=False):
        html = get_page(client, psc.url)
        assert "Night shift visit" not in listed(html, "upcoming")
        assert "Night shift visit" in listed(html, "past")


def test_multi_day_event_is_upcoming_until_its_last_day_ends_in_viet_nam(client):
    field = category("en", "field-visit")
    add_event(field, "Two day tour", at(2031, 3, 9), at(2031, 3, 10), all_day=True)
    # 23:30 on the last day in Viet Nam is 16:30 UTC: still on.
    with time_machine.travel(at(2031, 3, 10, 23, 30), tick=False):
        assert "Two day tour" in listed(get_page(client, field.url), "upcoming")
    with time_machine.travel(at(2031, 3, 11, 0, 1), tick=False):
        assert "Two day tour" in listed(get_page(client, field.url), "past")


def test_category_pages_list_only_their_own_events(client, english):
    for slug in ["workshops-seminars", "training", "field-visit", "psc-meetings"]:
        page = category("en", slug)
        html = get_page(client, page.url)
        titles = set(listed(html, "upcoming")) | set(listed(html, "past"))
        own = {event.title for event in EventPage.objects.child_of(page).live()}
        assert titles and titles <= own


@pytest.mark.parametrize("language", ["en", "vi"])
def test_index_and_upcoming_render_in_both_languages(client, language):
    html = get_page(client, INDEX[language])
    assert len(listed(html, "upcoming")) >= 4
    assert f'<html lang="{language}"' in html
    if language == "vi":
        assert "Sự kiện sắp diễn ra" in html and "tháng" in html


def test_filters_by_category_park_and_year(client, english):
    index = EventIndexPage.objects.get(locale=english)
    from parks.models import ParkPage

    hiep_phuoc = ParkPage.objects.get(locale=english, slug="hiep-phuoc-industrial-park")
    html = get_page(client, f"{index.url}?park={hiep_phuoc.pk}")
    titles = listed(html, "past") + listed(html, "upcoming")
    expected = {e.title for e in EventPage.objects.live().filter(locale=english, park_links__park=hiep_phuoc)}
    assert set(titles) == expected and len(expected) >= 3
    html = get_page(client, f"{index.url}?category=field-visit&year=2023")
    assert set(listed(html, "past")) == {
        "National study tour to Khanh Phu and Deep C",
        "Visit of the Swiss State Secretary to Hiep Phuoc",
    }


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
    assert client.get(INDEX["en"] + query).status_code == 200
    assert client.get("/vi/su-kien/su-kien-sap-dien-ra/" + query).status_code == 200


def test_event_ics_parses_back_with_the_right_times(client, english):
    event = EventPage.objects.filter(locale=english, all_day=False).order_by("start").first()
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


def test_all_day_event_ics_uses_dates_with_exclusive_end(client, english):
    event = EventPage.objects.get(locale=english, slug="study-tour-khanh-phu-deep-c-2023")
    vevent = icalendar.Calendar.from_ical(client.get(event.url + "ics/").content).walk("VEVENT")[0]
    assert vevent.decoded("dtstart") == datetime.date(2023, 3, 9)
    assert vevent.decoded("dtend") == datetime.date(2023, 3, 11)


@pytest.mark.parametrize("language", ["en", "vi"])
def test_calendar_feed_lists_upcoming_events_in_the_language(client, language):
    index = EventIndexPage.objects.get(locale__language_code=language)
    response = client.get(index.url + "calendar/")
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = {str(e["summary"]) for e in calendar.walk("VEVENT")}
    expected = {
        e.title
        for e in EventPage.objects.live().filter(locale=index.locale, end__gte=datetime.datetime.now(datetime.UTC))
    }
    assert summaries == expected and len(expected) >= 4
    urls = [str(e["url"]) for e in calendar.walk("VEVENT")]
    assert all(f"/{language}/" in url and url.startswith("http") for url in urls)


def test_event_page_shows_details_json_ld_and_registration(client, english):
    event = EventPage.objects.get(locale=english, slug="training-eip-criteria-upcoming")
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
    vi = get_page(client, event.get_translation(event.locale.__class__.objects.get(language_code="vi")).url)
    assert "Đăng ký" in vi and "Chương trình" in vi and "giờ Việt Nam" in vi


def test_an_external_registration_link_shows_until_the_start(client, english):
    event = EventPage.objects.get(locale=english, slug="psc-meeting-upcoming")
    event.registration_url = "https://example.org/register"
    event.save_revision().publish()
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
    html = get_page(client, "/en/about/" if language == "en" else "/vi/gioi-thieu/")
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
    assert titles == expected and len(titles) == 3


def test_home_shows_upcoming_events(client):
    html = get_page(client, "/vi/")
    assert 'id="home-events-heading"' in html and "Họp Ban Chỉ đạo dự án" in html


def test_listing_query_count_does_not_grow_with_events(client, english):
    index = EventIndexPage.objects.get(locale=english)
    training = category("en", "training")
    urls = [index.url, training.url, "/en/events/upcoming-events/"]
    before = {url: cold_and_warm(client, url) for url in urls}
    assert all(warm <= 12 for _cold, warm in before.values()), before
    for number in range(45):
        add_event(
            training,
            f"Extra training {number}",
            at(2035, 1, 1 + number % 28, 9) + datetime.timedelta(days=number),
            at(2035, 1, 1 + number % 28, 17) + datetime.timedelta(days=number),
        )
    after = {url: cold_and_warm(client, url) for url in urls}
    # Cold as well as warm: an N+1 must show while the caches refill.
    assert after == before
