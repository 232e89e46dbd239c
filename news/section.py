"""What news brings to the shell (pages.sections): its listing, dataset, update
topic, slots (the home page's latest articles, feed links in every page's head,
the articles on each park's page), and demo (its themes' edits show through pages.themes)."""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from pages.demo.registry import Seeder
from pages.navigation.slots import cached
from pages.old_addresses import OldAddress
from pages.sections import Section
from parks.related import park_list

from . import datasets, importing, shell_slots, updates
from .listing import news_listing
from .models import NewsCategoryPage, NewsIndexPage, articles_in

SECTION = Section(
    listings={NewsIndexPage: news_listing, NewsCategoryPage: news_listing},
    datasets=(datasets.NEWS,),
    topics=(updates.TOPIC,),
    slots=(
        # Scheduled articles appear at their time: short timeouts keep the home and park pages in step.
        cached(
            "home", "news/includes/home_latest.html", "home-latest-news", shell_slots.home_latest, order=5, timeout=120
        ),  # fmt: skip
        cached("head", "news/includes/feed_links.html", "news-feed-links", shell_slots.feed_links),
        park_list(
            "news",
            _("News about this park"),
            articles_in,
            via="related_links__related",
            newest_first="-date",
            meta=lambda article: date_format(article.date),
            order=30,
            timeout=120,
        ),  # fmt: skip
    ),
    demo=(Seeder("news.demo.seed_news", order=50),),
    # eip-vietnam.org/article/81 (docs/operations.md, "Old addresses").
    old_addresses=(OldAddress("news", r"article/\d+", NewsIndexPage, _("Here is the latest news.")),),
    imports=(importing.KIND,),
)
