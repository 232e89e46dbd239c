"""News listings: newest first, a featured article, filters by category, topic,
year and park, pagination. Bad filter values are ignored."""

from django.utils import timezone

from pages.cache import fragments
from pages.listing import PageRef, ShownPages, choice_param, paginate, public, querystring_without
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

    # The matching articles' ids, flags and paths in one light query. The
    # shown ones are refs: their cards are kept with the fragments, so pages
    # are loaded (in one query) only for a card that must be built.
    # Unfiltered, the newest featured article leads page 1 and is left out of
    # the cards on every page, so pagination neither repeats nor skips one.
    rows = list(articles.values_list("pk", "featured", "path"))
    featured_pk = None
    if not any(selected.values()):
        featured_pk = next((pk for pk, is_featured, _path in rows if is_featured), None)
    results = paginate(request, [pk for pk, _featured, _path in rows if pk != featured_pk], PER_PAGE)
    show_featured = featured_pk is not None and results.number == 1
    shown = ShownPages(
        NewsPage.objects.select_related("lead_image").defer_streamfields(),
        [*results.object_list, *([featured_pk] if show_featured else [])],
    )
    by_path = {c["path"]: c for c in options["categories"]}
    paths = {pk: path for pk, _featured, path in rows}
    refs = {pk: PageRef(pk, shown, category_page=by_path.get(paths[pk][: -NewsPage.steplen])) for pk in shown.pks}
    results.object_list = [refs[pk] for pk in results.object_list]
    featured = [refs[featured_pk]] if show_featured else []  # a list: shown by {% card_list %}
    return {
        **options,
        "featured": featured,
        "results": results,
        "selected": selected,
        "show_category_filter": not isinstance(page, NewsCategoryPage),
        "filter_query": querystring_without(request, "page"),
    }
