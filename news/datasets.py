"""The news' open dataset (pages.opendata): the articles the listings show."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.lookups import category_path
from pages.navigation.localized import active_locale
from pages.opendata.registry import Dataset, columns
from pages.origin import with_source_language
from pages.themes.lookups import names_by_item

from .listing import filter_options
from .models import NewsPage, articles_in


def _rows(request):
    locale = active_locale()
    categories = {category["path"]: category["title"] for category in filter_options(locale.pk)["categories"]}
    articles = list(with_source_language(articles_in(locale.pk)).order_by("-date", "-pk"))
    themes = names_by_item(NewsPage, [article.pk for article in articles], locale)
    for article in articles:
        yield (article.title, timezone.localtime(article.date).isoformat(),
               categories.get(category_path(article.path), ""), themes.get(article.pk, []), article.source_name,
               article.source_url, article.get_full_url(request), article.source_language)  # fmt: skip


NEWS = Dataset(
    name="news",
    title=_("News"),
    description=_("The news articles: project news and the country's news."),
    columns=columns(
        ("title", _("The article's title")),
        ("date", _("Its date: ISO 8601 with the time zone of Viet Nam (+07:00)")),
        ("category", _("Project news or the country's news")),
        ("themes", _("Its themes, in the dataset's language")),
        ("source", _("The original publisher, for articles from elsewhere")),
        ("source_url", _("The original article")),
        ("url", _("The article's page")),
        ("source_language", _("The language it was written in first (en or vi); the other is a translation")),
    ),
    rows=_rows,
    key=("url",),
    pages=("news.NewsPage",),
    order=50,
    timeout=120,  # an article dated in the future appears on its date, as in the listings
)
