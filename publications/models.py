"""Project reports and publications: a document library, and Videos & Photos.

A publication can have an English and a Vietnamese file: both pages offer the
file in their own language first and say when only one edition exists.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pages.blocks import CaptionedImageBlock
from pages.cache import fragments
from pages.embeds import allowed_embed_html
from pages.listing import ListingPage, public
from pages.models import BasePage
from pages.models.changes import corrections_panel
from pages.navigation import site_for, site_id
from pages.origin import is_source
from pages.themes.models import ThemedPage
from pages.visibility import in_public_collection
from parks.models import ParkLink

from . import legal
from .external_links import doi_of, normalise, validate_external_link
from .validators import validate_video_size
from .versions import EarlierFile, earlier_files  # noqa: F401 - EarlierFile is a model of this app

VIDEO_EXTENSIONS = ["mp4", "webm"]


class LibraryMixin(ListingPage):
    """Index and category pages list publications with the same filters (publications.library)."""


class PublicationIndexPage(LibraryMixin, BasePage):
    """ "Project reports and publications": the whole library."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["publications.PublicationCategoryPage", "publications.MediaGalleryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("publications index")


class PublicationCategoryPage(LibraryMixin, BasePage):
    """Law & Regulations, Project Information & Reports, Toolkit."""

    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = ["publications.PublicationPage"]

    class Meta:
        verbose_name = _("publication category")


class LegalStatus(models.TextChoices):
    """Whether a law or regulation is in force (publications.legal)."""

    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("Amended")
    REPLACED = "replaced", _("Replaced")
    EXPIRED = "expired", _("Expired")


class PublicationPage(ThemedPage, BasePage):
    LegalStatus = LegalStatus

    class Type(models.TextChoices):
        LAW = "law", _("Law or regulation")
        REPORT = "report", _("Report")
        EVALUATION = "evaluation", _("Evaluation")
        PAPER = "paper", _("Research paper")
        TOOLKIT = "toolkit", _("Toolkit or guide")
        FACTSHEET = "factsheet", pgettext_lazy("publication type", "Fact sheet")
        PROCEEDINGS = "proceedings", _("Workshop proceedings")

    publication_type = models.CharField(
        _("type"), max_length=20, choices=Type.choices, help_text=_("What kind of document this is.")
    )
    publication_date = models.DateField(
        _("publication date"),
        help_text=_("The date on the document; for a law or regulation, the date it was issued."),
    )
    reference = models.CharField(
        _("number or reference"), max_length=120, blank=True, help_text=_('e.g. "Decree 35/2022/ND-CP".')
    )
    publisher = models.CharField(
        _("publisher"),
        max_length=255,
        blank=True,
        help_text=_("Who published it; for a law or regulation, the body that issued it."),
    )
    authors = models.CharField(_("authors"), max_length=255, blank=True, help_text=_("Leave empty if not known."))
    cover_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A small picture of the document's front page, shown on the publication's page."),
    )
    file_en = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("English edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The file in English, if there is one."),
    )
    file_vi = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("Vietnamese edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The file in Vietnamese, if there is one."),
    )
    external_link = models.CharField(
        _("external link or DOI"),
        max_length=500,
        blank=True,
        validators=[validate_external_link],
        help_text=_(
            "Where the document can be read on another website, or its DOI (e.g. 10.1234/abcd), "
            "instead of or besides the files."
        ),
    )
    # Laws and regulations only (publications.legal); the issuing body is the
    # publisher and the date issued the publication date, so nothing is typed twice.
    document_number = models.CharField(
        _("number and symbol"),
        max_length=60,
        blank=True,
        help_text=_('The official number and symbol, as on the document, e.g. "35/2022/NĐ-CP".'),
    )
    date_in_force = models.DateField(
        _("date in force"),
        null=True,
        blank=True,
        help_text=_("When it took or takes effect. Leave empty if not known."),
    )
    legal_status = models.CharField(
        _("legal status"),
        max_length=20,
        choices=LegalStatus.choices,
        blank=True,
        help_text=_("Whether it is in force today. Leave empty if not known."),
    )
    replaced_by = models.ForeignKey(
        "publications.PublicationPage",
        verbose_name=_("replaced or amended by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The law or regulation that replaced or amended this one. Its page then lists this one "
            "as the document it replaces or amends, in both languages."
        ),
    )
    # The same address in both languages unless a translator changes it; the
    # legal status is a fact about the one document, the same in both languages.
    override_translatable_fields = [
        *ThemedPage.override_translatable_fields,
        SynchronizedField("external_link"),
        SynchronizedField("document_number", overridable=False),
        SynchronizedField("date_in_force", overridable=False),
        SynchronizedField("legal_status", overridable=False),
        SynchronizedField("replaced_by", overridable=False),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro", heading=_("Summary")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("publication_type"), FieldPanel("publication_date")]),
                FieldPanel("reference"),
                FieldPanel("publisher"),
                FieldPanel("authors"),
            ],
            heading=_("About the document"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("document_number"),
                FieldRowPanel([FieldPanel("legal_status"), FieldPanel("date_in_force")]),
                FieldPanel("replaced_by"),
            ],
            heading=_("Legal status"),
            help_text=_(
                "For laws and regulations only. The issuing body is the publisher above, the date issued "
                "the publication date. The document that replaces or amends this one lists it by itself."
            ),
            attrs=legal.LAWS_ONLY,
        ),
        MultiFieldPanel(
            [FieldPanel("file_en"), FieldPanel("file_vi"), FieldPanel("external_link")], heading=_("Files")
        ),
        FieldPanel("cover_image"),
        ThemedPage.themes_panel(),
        InlinePanel("park_links", heading=_("Demonstration parks"), label=_("Park")),
        FieldPanel("body"),
        corrections_panel(),
    ]
    theme_section = ("publications", _("Publications"))
    theme_date_field = "publication_date"
    # The API (pages.opendata.api): a law's legal status; ?legal_status=replaced filters by it.
    api_fields = [*ThemedPage.api_fields, APIField("legal_status", serializer=legal.LegalStatusField())]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("reference"),
        index.SearchField("publisher"),
        index.SearchField("authors"),
        index.FilterField("publication_date"),
    ]

    parent_page_types = ["publications.PublicationCategoryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")
        indexes = [models.Index(fields=["publication_date"])]

    def share_image(self):
        return self.cover_image

    def listing_date(self):
        return self.publication_date

    def clean(self):
        super().clean()
        self.external_link = normalise(self.external_link)
        if not self.is_law:
            # Hidden for other types (publications.legal.LAWS_ONLY): nothing of it is kept.
            self.document_number, self.date_in_force, self.legal_status, self.replaced_by = "", None, "", None
            return
        problems = legal.problems(self)
        if problems:
            raise ValidationError(problems)

    @property
    def is_law(self):
        return self.publication_type == self.Type.LAW

    def get_publication_type_display(self):
        # Django's own builds a dictionary of every choice on each call (about
        # 300 Python calls); every entry of a library listing shows it.
        try:
            return str(self.Type(self.publication_type).label)
        except ValueError:  # a type no longer offered: shown as stored, as Django does
            return self.publication_type

    @property
    def doi(self):
        return doi_of(self.external_link)

    def editions(self):
        """The files the public may see (pages.visibility: none in a private
        collection) as (language code, document), the page's own language first."""
        files = [("en", self.file_en), ("vi", self.file_vi)]
        files = [(code, document) for code, document in files if in_public_collection(document)]
        own = (get_language() or "en")[:2]
        return sorted(files, key=lambda item: item[0] != own)

    def related(self):
        return (
            public(PublicationPage.objects.live())
            .sibling_of(self, inclusive=False)
            .order_by("-publication_date")
            .select_related("file_en", "file_vi")[:3]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            fragments.cached(
                f"publication:{self.pk}",
                0,
                lambda: {
                    "editions": self.editions(),
                    "related_publications": list(self.related()),
                    "unofficial_translation": self.is_unofficial_translation(),
                    "legal": legal.status_of(self) if self.is_law else None,
                    "earlier_files": earlier_files(self),
                },
            )
        )
        return context

    def is_unofficial_translation(self):
        """A translated page of a law written in another language (Vietnamese
        legal texts): only the original is authoritative."""
        return self.is_law and not self.alias_of_id and not is_source(self)


class PublicationPark(ParkLink):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="park_links")


class MediaGalleryPage(BasePage):
    """ "Videos & Photos": photo albums and videos."""

    parent_page_types = ["publications.PublicationIndexPage"]
    subpage_types = ["publications.PhotoAlbumPage", "publications.VideoPage"]

    class Meta:
        verbose_name = _("videos and photos page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The cards (a rendition per picture) change only on publish and image
        # changes, as the fragments do: kept as HTML with them.
        context["gallery"] = mark_safe(  # noqa: S308 - an autoescaped template
            fragments.cached(f"media-gallery:{self.pk}", site_id(site_for(request)), lambda: self.gallery_html(request))
        )
        return context

    def gallery_html(self, request):
        albums = public(PhotoAlbumPage.objects.child_of(self).live()).select_related("cover_image")
        videos = public(VideoPage.objects.child_of(self).live()).select_related("poster")
        return render_to_string(
            "publications/includes/media_gallery.html", {"albums": albums, "videos": videos, "request": request}
        )


class PhotoAlbumPage(BasePage):
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("When the photos were taken."))
    cover_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the Videos & Photos page."),
    )
    photos = StreamField(
        [("photo", CaptionedImageBlock())],
        verbose_name=_("photos"),
        help_text=_("Each photo needs alternative text; captions are shown under it and in the lightbox."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("cover_image")]),
        FieldPanel("photos"),
    ]
    parent_page_types = ["publications.MediaGalleryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("photo album")

    def share_image(self):
        return self.cover_image

    def listing_date(self):
        return self.date

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The photos (three renditions each) change only on publish and image
        # changes, as the fragments do: kept as HTML with them.
        context["photos"] = mark_safe(  # noqa: S308 - an autoescaped template
            fragments.cached(
                f"album-photos:{self.pk}",
                0,
                lambda: render_to_string("publications/includes/album_photos.html", {"page": self}),
            )
        )
        return context


class VideoPage(BasePage):
    video_url = models.URLField(
        _("video address"),
        blank=True,
        help_text=_("A YouTube or Vimeo address. The player loads only when the visitor asks for it."),
    )
    video_file = models.FileField(
        _("video file"),
        upload_to="videos/",
        blank=True,
        validators=[FileExtensionValidator(VIDEO_EXTENSIONS), validate_video_size],
        help_text=_("Or upload an MP4 or WebM file (at most 200 MB)."),
    )
    poster = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown before the video plays."),
    )
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("When the video was published."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("video_url"),
        FieldPanel("video_file"),
        FieldRowPanel([FieldPanel("poster"), FieldPanel("date")]),
        FieldPanel("body", heading=_("Description or transcript")),
    ]
    parent_page_types = ["publications.MediaGalleryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("video")

    def share_image(self):
        return self.poster

    def listing_date(self):
        return self.date

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.video_url and not self.video_file:
            # Fetched by the server once and cached (a failure too): the visitor's
            # browser contacts the provider only after pressing "play".
            html = fragments.cached(f"video-embed:{self.pk}", 0, lambda: str(allowed_embed_html(self.video_url)))
            # Wagtail's own embed template rendered it; keep it markup after the cache.
            context["embed_html"] = mark_safe(html)  # noqa: S308
            context["video_host"] = urlsplit(self.video_url).hostname or self.video_url
        return context

    def clean(self):
        super().clean()
        if not self.video_url and not self.video_file:
            raise ValidationError({"video_url": _("Give a video address or upload a video file.")})


class DocumentDownloads(models.Model):
    """How often each document was downloaded: a number, nothing about who."""

    document = models.OneToOneField(
        get_document_model_string(),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="downloads",
        verbose_name=_("document"),
    )
    count = models.PositiveBigIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        ordering = ["-count"]

    def __str__(self):
        return f"{self.document}: {self.count}"


def publications_in(locale_id):
    """The language's live publications that anonymous visitors may see, with
    their files: what the library, the home page, a park's page and the dataset
    start from."""
    return public(PublicationPage.objects.live().filter(locale_id=locale_id)).select_related("file_en", "file_vi")
