"""News articles as a topic of the e-mail updates (pages.updates.topics; declared in news.section)."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from pages.updates import topics


def date_line(page):
    return date_format(timezone.localtime(page.date), "DATE_FORMAT")


TOPIC = topics.Topic(key="news", label=_("News"), models=("news.NewsPage",), date_line=date_line, order=10)
