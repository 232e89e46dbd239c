"""Event dates written the way people write them, in Viet Nam's time zone.

English: "9 Mar 2023", "9–10 Mar 2023", "28 Mar – 1 Apr 2022", "9 Mar 2023, 09:00–17:00".
Vietnamese: "9 tháng 3 năm 2023", "9–10 tháng 3 năm 2023", "28 tháng 3 – 1 tháng 4 năm 2022".
"""

from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import get_language

PATTERNS = {
    "en": {"day": "j M Y", "day_month": "j M", "month": "F Y"},
    "vi": {"day": r"j \t\há\n\g n \nă\m Y", "day_month": r"j \t\há\n\g n", "month": r"\t\há\n\g n \nă\m Y"},
}
TIME = "H:i"


def _patterns():
    return PATTERNS.get((get_language() or "en")[:2], PATTERNS["en"])


def _day_range(start, end, patterns):
    if end is None or start == end:
        return date_format(start, patterns["day"])
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date_format(end, patterns['day'])}"
    if start.year == end.year:
        return f"{date_format(start, patterns['day_month'])} – {date_format(end, patterns['day'])}"
    return f"{date_format(start, patterns['day'])} – {date_format(end, patterns['day'])}"


def format_event_dates(start, end=None, all_day=False, month_only=False):
    """A date range in the active language; times in Asia/Ho_Chi_Minh."""
    patterns = _patterns()
    start = timezone.localtime(start)
    end = timezone.localtime(end) if end else None
    if month_only:
        return date_format(start, patterns["month"])
    if all_day:
        return _day_range(start.date(), end.date() if end else None, patterns)
    if end is None or end == start:
        return f"{date_format(start, patterns['day'])}, {date_format(start, TIME)}"
    if start.date() == end.date():
        return f"{date_format(start, patterns['day'])}, {date_format(start, TIME)}–{date_format(end, TIME)}"
    return (
        f"{date_format(start, patterns['day'])}, {date_format(start, TIME)} – "
        f"{date_format(end, patterns['day'])}, {date_format(end, TIME)}"
    )
