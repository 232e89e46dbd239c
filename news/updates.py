"""News articles as a topic of the e-mail updates (pages.updates.topics)."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from pages.updates import topics


def summarise(page):
    return topics.Summary(
        title=page.title,
        date_line=date_format(timezone.localtime(page.date), "DATE_FORMAT"),
        teaser=page.intro or page.search_description,
    )


topics.register(topics.Topic(key="news", label=_("News"), models=("news.NewsPage",), summarise=summarise, order=10))
