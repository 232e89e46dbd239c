"""RSS 2.0 and Atom feeds of the latest news, one per language.

A correction to an article reaches feed readers twice: as an entry of its own
("Correction: <title>", dated by the correction, so a reader that has seen the
article is told), and in the article's own entry, whose description ends with
its corrections and whose Atom ``updated`` is its last real content change
(pages.changes)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pages.changes import corrections_by_page, public_corrections, with_last_updated
from pages.models import Correction
from pages.origin import in_own_words

ITEMS = 20


def correction_line(correction):
    return _("Correction, %(date)s:") % {"date": date_format(correction.date)} + " " + correction.text


def _day(date):
    """A correction's date as the start of that day in Viet Nam."""
    return datetime.datetime.combine(date, datetime.time.min, tzinfo=timezone.get_current_timezone())


class NewsRssFeed(Feed):
    """The index's latest ``articles`` (news.models.articles_in) and corrections."""

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
        articles = list(with_last_updated(in_own_words(self.articles)).order_by("-date")[:ITEMS])
        self.corrections = corrections_by_page(articles)
        corrected = public_corrections([self.articles.model], self.index.locale_id, ITEMS, pages=self.articles)
        items = articles + corrected
        return sorted(items, key=self._date, reverse=True)[:ITEMS]

    def _date(self, item):
        return _day(item.date) if isinstance(item, Correction) else item.date

    def item_title(self, item):
        if isinstance(item, Correction):
            return _("Correction: %(title)s") % {"title": item.shown_page.title}
        return item.title

    def item_description(self, item):
        if isinstance(item, Correction):
            return correction_line(item)
        summary = item.search_description or item.intro
        return "\n\n".join([summary, *(correction_line(row) for row in self.corrections.get(item.pk, []))])

    def item_link(self, item):
        if isinstance(item, Correction):
            return item.shown_page.url + "#corrections"
        return item.url

    def item_pubdate(self, item):
        return self._date(item)

    def item_updateddate(self, item):
        if isinstance(item, Correction):
            return _day(item.date)
        return item.last_updated_at or item.date

    def item_guid(self, item):
        language = self.index.locale.language_code
        if isinstance(item, Correction):
            return f"correction-{item.translation_key}-{language}"
        return f"news-{item.translation_key}-{language}"

    item_guid_is_permalink = False


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
