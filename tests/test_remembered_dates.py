"""Every template's ``date`` filter is Django's output, remembered per value,
format, time zone and language (pages.templatetags.remembered_dates)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template, defaultfilters
from django.utils import timezone, translation

from pages.templatetags import remembered_dates

VALUES = [
    datetime.date(2024, 1, 5),
    datetime.datetime(2024, 1, 5, 9, 30),  # naive
    datetime.datetime(2024, 1, 4, 20, 0, tzinfo=datetime.UTC),  # 5 January in Ha Noi
    datetime.datetime(2023, 12, 31, 23, 59, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
    None,
    "",
]
FORMATS = ["DATE_FORMAT", "YEAR_MONTH_FORMAT", "c", "Y-m-d", "j F Y", None]


def render(value, arg):
    source = "{{ value|date:'" + arg + "' }}" if arg else "{{ value|date }}"
    return Template(source).render(Context({"value": value}))


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_date_reads_as_djangos_filter_writes_it(language):
    with translation.override(language):
        for value in VALUES:
            for arg in FORMATS:
                local = timezone.template_localtime(value)
                expected = defaultfilters.date(local, arg) if arg else defaultfilters.date(local)
                assert render(value, arg) == expected, (value, arg)
                assert render(value, arg) == expected  # the second time from memory


def test_templates_use_the_remembered_filter():
    remembered_dates._formatted.cache_clear()
    render(datetime.date(2024, 3, 8), "DATE_FORMAT")
    assert remembered_dates._formatted.cache_info().currsize == 1


def test_the_same_day_in_each_language_and_each_time_zone():
    day = datetime.datetime(2024, 1, 4, 20, 0, tzinfo=datetime.UTC)
    with translation.override("en"):
        english = render(day, "DATE_FORMAT")
    with translation.override("vi"):
        vietnamese = render(day, "DATE_FORMAT")
    assert english != vietnamese and "2024" in english and "2024" in vietnamese
    with translation.override("en"):
        assert render(day, "Y-m-d H:i") == "2024-01-05 03:00"  # Ha Noi
        with timezone.override(ZoneInfo("UTC")):
            assert render(day, "Y-m-d H:i") == "2024-01-04 20:00"
