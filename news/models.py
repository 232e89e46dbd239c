"""News: an index, category pages (Project news, Country's news) holding
articles on the site's themes (pages.themes), and RSS/Atom feeds per language."""

from urllib.parse import quote

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index

from pages import changes, navigation
from pages.cache import fragments
from pages.json_ld import as_script
from pages.listing import ListingPage, public
from pages.lookups import in_language
from pages.models import BasePage
from pages.models.changes import corrections_panel
from pages.themes import lookups as themes
from pages.themes.models import ThemedPage

from .feeds import NewsAtomFeed, NewsRssFeed


class NewsListingMixin(ListingPage, RoutablePageMixin):
    """The index and the category pages list articles (news.listing)."""


class NewsIndexPage(NewsListingMixin, BasePage):
    """ "News": every article, newest first, with feeds."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["news.NewsCategoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return NewsRssFeed(self, articles_in(self.locale_id))(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed(self, articles_in(self.locale_id))(request)


class NewsCategoryPage(NewsListingMixin, BasePage):
    """Project news, Country's news: each holds its articles."""

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news category")


class NewsPage(ThemedPage, BasePage):
    date = models.DateTimeField(
        _("date"), default=timezone.now, help_text=_("Shown on the article; to publish later, set a go-live date.")
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("The newest featured article leads the News page.")
    )
    lead_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on top and when the article is shared."),
    )
    image_caption = models.CharField(
        _("image caption"), max_length=255, blank=True, help_text=_("A short sentence shown under the lead image.")
    )
    image_credit = models.CharField(_("image credit"), max_length=255, blank=True, help_text=_("Who took the photo."))
    source_name = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("For news taken from elsewhere: the original publisher.")
    )
    source_url = models.URLField(_("source link"), blank=True, help_text=_("The address of the original article."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro", heading=_("Summary")),
        FieldRowPanel([FieldPanel("date"), FieldPanel("featured")]),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("image_caption"), FieldPanel("image_credit")],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        ThemedPage.themes_panel(),
        MultiFieldPanel([FieldPanel("source_name"), FieldPanel("source_url")], heading=_("Source")),
        InlinePanel("related_links", heading=_("Related parks, events and publications"), label=_("Related page")),
        corrections_panel(),
    ]
    search_fields = [*BasePage.search_fields, index.FilterField("date")]
    # The public sees an article from its date on (pages.visibility).
    listed_from_its_date = "date"
    theme_section = ("news", _("News"))
    theme_date_field = "date"

    parent_page_types = ["news.NewsCategoryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        indexes = [models.Index(fields=["date"])]

    def share_image(self):
        return self.lead_image

    def listing_date(self):
        return self.date

    def related_pages(self):
        """Related pages in the article's language (links are synchronised and
        point at the English pages), live ones only."""
        linked = [link.related for link in self.related_links.select_related("related")]
        return public(in_language(linked, self.locale_id)).specific()

    def more_news(self):
        return articles_in(self.locale_id).exclude(pk=self.pk).order_by("-date").select_related("lead_image")[:3]

    def json_ld(self, request, image_url=None, last_updated=None):
        modified = last_updated or changes.last_updated(self) or self.date
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "datePublished": timezone.localtime(self.date).isoformat(),
            "dateModified": timezone.localtime(modified).isoformat(),
            "inLanguage": get_language(),  # the page's: it is served in its own language
            "url": self.get_full_url(request),
            "publisher": {"@type": "Organization", "name": "Eco-Industrial Park Initiative in Viet Nam"},
        }
        if self.search_description or self.intro:
            data["description"] = self.search_description or self.intro
        if image_url:
            data["image"] = [image_url]
        return as_script(data)

    def article_extras(self):
        """What surrounds the article, cached with the shell: its category,
        themes in its language (each linking to its theme's page), related pages and more news."""
        category = self.get_parent()
        return {
            "category": {"title": category.title, "url": category.url},
            "themes": themes.page_themes(self),
            "related": list(self.related_pages()),
            "more_news": list(self.more_news()),
            "last_updated": changes.last_updated(self),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        extras = fragments.cached(f"news-article:{self.pk}", 0, self.article_extras, timeout=300)
        context.update(extras)
        site = navigation.site_for(request)
        # Its address on the site, the sharing links and the search engines' data
        # change only when the article is published: worked out once, kept.
        context.update(
            fragments.cached(
                f"news-share:{self.pk}", site.pk, lambda: self.share_data(request, site, extras.get("last_updated"))
            )
        )
        return context

    def share_data(self, request, site, last_updated):
        share_image = self.share_rendition(site) if self.lead_image_id else None
        share_url = self.get_full_url(request)
        return {
            "share_image": share_image,
            "share_url": share_url,
            # Quoted once for the four sharing links.
            "share_url_quoted": quote(share_url, safe=""),
            "title_quoted": quote(self.title, safe=""),
            "json_ld": self.json_ld(request, share_image["url"] if share_image else None, last_updated),
        }

    def share_rendition(self, site):
        rendition = self.lead_image.get_rendition("fill-1200x630|format-jpeg")
        # Absolute on the site's own address, like the page's canonical URL.
        url = rendition.url if "://" in rendition.url else site.root_url + rendition.url
        return {"url": url, "width": rendition.width, "height": rendition.height}


class NewsRelatedPage(Orderable):
    """A park, event or publication the article is about. Linked by model label,
    so news does not import the events or publications apps."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
        help_text=_("A park, event or publication the article is about, listed under the article as related."),
    )

    panels = [
        PageChooserPanel("related", page_type=["parks.ParkPage", "events.EventPage", "publications.PublicationPage"])
    ]


def articles_in(locale_id):
    """The language's articles the public may see now (pages.visibility: from
    their date on): what every listing, feed, dataset and "more news" starts from."""
    return public(NewsPage.objects.filter(locale_id=locale_id)).defer_streamfields()
