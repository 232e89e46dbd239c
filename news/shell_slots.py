"""What news shows in the shell (pages.navigation.slots): the latest articles on the home
page and the feed links in every page's head."""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from pages.navigation import slots
from pages.navigation.localized import active_locale
from parks.related import register_park_list

from .listing import filter_options
from .models import NewsIndexPage, articles_in


# Scheduled articles appear at their time; a short timeout keeps the home page in step.
@slots.cached("home", "news/includes/home_latest.html", "home-latest-news", order=5, timeout=120)
def home_latest():
    latest = articles_in(active_locale().pk).order_by("-date")[:3]
    return {
        "articles": [{"title": a.title, "url": a.url, "date": a.date, "summary": a.search_description} for a in latest]
    }


@slots.cached("head", "news/includes/feed_links.html", "news-feed-links")
def feed_links():
    locale = active_locale()
    index = NewsIndexPage.objects.live().filter(locale_id=locale.pk).first()
    if index is None:
        return {"feeds": {}}
    return {"feeds": filter_options(locale.pk)["feeds"], "title": index.title}


# Scheduled articles appear at their time; a short timeout keeps the park's list in step.
park_news = register_park_list(
    "news",
    _("News about this park"),
    articles_in,
    via="related_links__related",
    newest_first="-date",
    meta=lambda article: date_format(article.date),
    order=30,
    timeout=120,
)
