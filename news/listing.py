"""News listings: newest first, a featured article, filters by category, topic,
year and park, pagination. Bad filter values are ignored."""

from django.utils import timezone

from pages.cache import fragments
from pages.listing import choice_param, paginate, public, querystring_without
from parks.models import public_parks

from .models import NewsCategoryPage, NewsIndexPage, NewsPage, NewsTopic

PER_PAGE = 9


def articles_in(locale_id):
    # Articles dated in the future are not listed before their date.
    return public(NewsPage.objects.live().filter(locale_id=locale_id, date__lte=timezone.now())).defer_streamfields()


def filter_options(locale_id):
    def build():
        index = NewsIndexPage.objects.live().filter(locale_id=locale_id).first()
        categories = public(NewsCategoryPage.objects.child_of(index).live()) if index else []
        return {
            "categories": [{"path": c.path, "slug": c.slug, "title": c.title, "url": c.url} for c in categories],
            "topics": [
                {"slug": t.slug, "name": t.name, "translation_key": t.translation_key}
                for t in NewsTopic.objects.filter(locale_id=locale_id)
            ],
            "parks": [
                {"pk": p.pk, "title": p.title, "translation_key": p.translation_key} for p in public_parks(locale_id)
            ],
            "years": [
                d.year
                for d in public(NewsPage.objects.live().filter(locale_id=locale_id)).datetimes("date", "year", "DESC")
            ],
            "feeds": {
                "rss": index.url + index.reverse_subpage("rss"),
                "atom": index.url + index.reverse_subpage("atom"),
            }
            if index
            else {},
        }

    return fragments.cached(f"news-filters:{locale_id}", 0, build)


def news_listing(request, page):
    options = filter_options(page.locale_id)
    articles = articles_in(page.locale_id)
    selected = {"category": None}
    if isinstance(page, NewsCategoryPage):
        articles = articles.child_of(page)
    else:
        selected["category"] = choice_param(request, "category", [c["slug"] for c in options["categories"]])
        if selected["category"]:
            category = next(c for c in options["categories"] if c["slug"] == selected["category"])
            articles = articles.filter(path__startswith=category["path"])
    selected["topic"] = choice_param(request, "topic", [t["slug"] for t in options["topics"]])
    if selected["topic"]:
        topic = next(t for t in options["topics"] if t["slug"] == selected["topic"])
        articles = articles.filter(topic_links__topic__translation_key=topic["translation_key"]).distinct()
    selected["year"] = choice_param(request, "year", options["years"])
    if selected["year"]:
        articles = articles.filter(date__year=selected["year"])
    selected["park"] = choice_param(request, "park", [p["pk"] for p in options["parks"]])
    if selected["park"]:
        park = next(p for p in options["parks"] if p["pk"] == selected["park"])
        articles = articles.filter(related_links__related__translation_key=park["translation_key"]).distinct()
    articles = articles.order_by("-date", "-pk")

    # The matching articles' ids and flags in one light query; then only the
    # shown ones are loaded. Unfiltered, the newest featured article leads
    # page 1 and is left out of the cards on every page, so pagination neither
    # repeats nor skips one.
    rows = list(articles.values_list("pk", "featured"))
    featured_pk = None
    if not any(selected.values()):
        featured_pk = next((pk for pk, is_featured in rows if is_featured), None)
    results = paginate(request, [pk for pk, _featured in rows if pk != featured_pk], PER_PAGE)
    shown = [*results.object_list, *([featured_pk] if featured_pk and results.number == 1 else [])]
    loaded = NewsPage.objects.filter(pk__in=shown).select_related("lead_image").defer_streamfields().in_bulk()
    results.object_list = [loaded[pk] for pk in results.object_list]
    featured = loaded.get(featured_pk) if results.number == 1 else None
    by_path = {c["path"]: c for c in options["categories"]}
    for article in [*results, *([featured] if featured else [])]:
        article.category_page = by_path.get(article.path[: -NewsPage.steplen])
    return {
        **options,
        "featured": featured,
        "results": results,
        "selected": selected,
        "show_category_filter": not isinstance(page, NewsCategoryPage),
        "filter_query": querystring_without(request, "page"),
    }
