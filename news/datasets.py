"""The news' open dataset (pages.opendata): the articles the listings show."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.lookups import category_path
from pages.navigation.localized import active_locale, in_locale_with_fallback
from pages.opendata.registry import Dataset, columns
from pages.origin import with_source_language

from .listing import filter_options
from .models import NewsPageTopic, NewsTopic, articles_in


def _topics_by_article(articles, locale):
    """Each article's topics in the language (English where not translated),
    as the article's page names them, in two queries for all articles."""
    links = list(
        NewsPageTopic.objects.filter(page__in=[article.pk for article in articles])
        .order_by("sort_order")
        .values_list("page_id", "topic__translation_key")
    )
    keys = {key for _page, key in links}
    names = {topic.translation_key: topic.name for topic in in_locale_with_fallback(
        NewsTopic.objects.filter(translation_key__in=keys), locale)}  # fmt: skip
    found = {}
    for page_id, key in links:
        if key in names:
            found.setdefault(page_id, []).append(names[key])
    return found


def _rows(request):
    locale = active_locale()
    categories = {category["path"]: category["title"] for category in filter_options(locale.pk)["categories"]}
    articles = list(with_source_language(articles_in(locale.pk)).order_by("-date", "-pk"))
    topics = _topics_by_article(articles, locale)
    for article in articles:
        yield (article.title, timezone.localtime(article.date).isoformat(),
               categories.get(category_path(article.path), ""), topics.get(article.pk, []), article.source_name,
               article.source_url, article.get_full_url(request), article.source_language)  # fmt: skip


NEWS = Dataset(
    name="news",
    title=_("News"),
    description=_("The news articles: project news and the country's news."),
    columns=columns(
        ("title", _("The article's title")),
        ("date", _("Its date: ISO 8601 with the time zone of Viet Nam (+07:00)")),
        ("category", _("Project news or the country's news")),
        ("topics", _("Its topics")),
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
