"""What news shows in the shell (slots declared in its section): the latest articles on the home
page and the feed links in every page's head."""

from pages.navigation.localized import active_locale

from .listing import filter_options
from .models import NewsIndexPage, articles_in


def home_latest():
    latest = articles_in(active_locale().pk).order_by("-date")[:3]
    return {
        "articles": [{"title": a.title, "url": a.url, "date": a.date, "summary": a.search_description} for a in latest]
    }


def feed_links():
    locale = active_locale()
    index = NewsIndexPage.objects.live().filter(locale_id=locale.pk).first()
    if index is None:
        return {"feeds": {}}
    return {"feeds": filter_options(locale.pk)["feeds"], "title": index.title}
