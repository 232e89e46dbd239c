"""RSS 2.0 and Atom feeds of the latest news, one per language."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from pages.origin import in_own_words

ITEMS = 20


class NewsRssFeed(Feed):
    """The index's latest ``articles`` (news.models.articles_in)."""

    def __init__(self, index, articles):
        super().__init__()
        self.index, self.articles = index, articles

    def title(self):
        return f"{self.index.title} – EIP Viet Nam"

    def link(self):
        return self.index.url

    def description(self):
        return self.index.search_description or self.index.title

    def items(self):
        # A feed speaks its language: an article still in its source's words (an
        # alias, or awaiting its translation) joins it once translated and published.
        return in_own_words(self.articles).order_by("-date")[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.search_description or item.intro

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.last_published_at or item.date

    def item_guid(self, item):
        return f"news-{item.translation_key}-{self.index.locale.language_code}"

    item_guid_is_permalink = False


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
