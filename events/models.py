"""Events: the index, the "Upcoming events" listing, category pages and event pages.

An event's category is the category page it lives under. Dates, times, venue
coordinates and parks are synchronised between languages; texts are translated.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page

from pages import navigation
from pages.blocks import CaptionedImageBlock, DocumentLinkBlock
from pages.cache import fragments
from pages.json_ld import as_script
from pages.listing import ListingPage, public
from pages.lookups import in_language
from pages.models import BasePage
from pages.models.changes import corrections_panel
from pages.themes.models import ThemedPage
from parks.models import ParkLink, public_parks

from .calendar import event_calendar_response, upcoming_calendar_response
from .dates import format_event_dates
from .registration import views as registration_views


class EventListingMixin(ListingPage, RoutablePageMixin):
    """Listing pages (index, upcoming, category) share filters and pagination
    (events.listing)."""

    listing_scope = "all"


class EventIndexPage(EventListingMixin, BasePage):
    """ "Events": what is coming and the record of past events, with a calendar feed."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["events.EventCategoryPage", "events.UpcomingEventsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events index")

    @path("calendar/", name="calendar")
    def calendar_feed(self, request):
        return upcoming_calendar_response(request, self, events_in(self.locale_id))


class UpcomingEventsPage(EventListingMixin, BasePage):
    """ "Upcoming events": every category, soonest first."""

    listing_scope = "upcoming"
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("upcoming events page")


class EventCategoryPage(EventListingMixin, BasePage):
    """A category (Workshops | Seminars, Training, …) holding its events."""

    listing_scope = "category"
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event category")


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Time"), help_text=_("Local time in Viet Nam."))
    item = blocks.CharBlock(label=_("Item"), max_length=255)
    speaker = blocks.CharBlock(label=_("Speaker or organisation"), max_length=255, required=False)

    class Meta:
        icon = "time"


class EventPage(ThemedPage, RoutablePageMixin, BasePage):
    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        VIETNAMESE = "vi", _("Vietnamese")
        BOTH = "en-vi", _("English and Vietnamese, with interpretation")

    start = models.DateTimeField(_("start"), help_text=_("Date and time in Viet Nam (Asia/Ho_Chi_Minh)."))
    end = models.DateTimeField(
        _("end"), null=True, blank=True, help_text=_("Leave empty for an event without a known end.")
    )
    all_day = models.BooleanField(_("all-day event"), default=False, help_text=_("Show dates only; times are ignored."))
    month_only = models.BooleanField(
        _("only the month is known"), default=False, help_text=_('Show "March 2023" instead of a day.')
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True, help_text=_("Name of the place."))
    address = models.CharField(_("address"), max_length=255, blank=True, help_text=_("City and street, if known."))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Of the venue, e.g. 21.02851."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Of the venue, e.g. 105.85420."),
    )
    organisers = models.CharField(_("organisers"), max_length=255, blank=True, help_text=_("Who organises the event."))
    event_language = models.CharField(
        _("language of the event"),
        max_length=5,
        choices=Language.choices,
        default=Language.BOTH,
        help_text=_("The language spoken at the event."),
    )
    registration_url = models.URLField(
        _("registration link"), blank=True, help_text=_("Hidden once the event has started.")
    )
    # Registration on the page itself (events.registration): synchronised
    # between languages, so both twins count the same places.
    registration_enabled = models.BooleanField(
        _("take registrations on this page"),
        default=False,
        help_text=_("Visitors register with a form on the event's page, in English or Vietnamese."),
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit. Counted across both languages.")
    )
    waiting_list = models.BooleanField(
        _("waiting list"),
        default=True,
        help_text=_("When the places are taken, further registrations wait for a place that is given up."),
    )
    registration_closes = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Leave empty to close when the event starts.")
    )
    # Name, e-mail and consent are always asked; these only when ticked.
    ask_organisation = models.BooleanField(
        _("ask for the organisation"), default=True, help_text=_("An optional question on the form.")
    )
    ask_position = models.BooleanField(
        _("ask for the position"), default=False, help_text=_("An optional question on the form.")
    )
    ask_phone = models.BooleanField(
        _("ask for a phone number"), default=False, help_text=_("An optional question on the form.")
    )
    ask_language = models.BooleanField(
        _("ask for the preferred language"), default=False, help_text=_("An optional question on the form.")
    )
    ask_needs = models.BooleanField(
        _("ask for dietary or access needs"), default=False, help_text=_("An optional question on the form.")
    )
    highlighted = models.BooleanField(
        _("highlight in the footer"),
        default=False,
        help_text=_("The three newest highlighted events appear in the footer of every page."),
    )
    agenda = StreamField(
        [("item", AgendaItemBlock())],
        blank=True,
        verbose_name=_("agenda"),
        help_text=_("Time, item and speaker, in order."),
    )
    documents = StreamField(
        [("document", DocumentLinkBlock())],
        blank=True,
        verbose_name=_("documents"),
        help_text=_("Presentations and other files from the event."),
    )
    gallery = StreamField(
        [("image", CaptionedImageBlock())],
        blank=True,
        verbose_name=_("photo gallery"),
        help_text=_("Photos from the event."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("all_day"), FieldPanel("month_only")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        FieldPanel("organisers"),
        FieldPanel("event_language"),
        FieldPanel("registration_url"),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list"), FieldPanel("registration_closes")]),
                FieldRowPanel(
                    [
                        FieldPanel("ask_organisation"),
                        FieldPanel("ask_position"),
                        FieldPanel("ask_phone"),
                        FieldPanel("ask_language"),
                        FieldPanel("ask_needs"),
                    ]
                ),
            ],
            heading=_("Registration on this website"),
            classname="collapsed",
        ),
        FieldPanel("highlighted"),
        ThemedPage.themes_panel(),
        InlinePanel("park_links", heading=_("Demonstration parks"), label=_("Park")),
        FieldPanel("body"),
        FieldPanel("agenda"),
        FieldPanel("documents"),
        FieldPanel("gallery"),
        corrections_panel(),
    ]

    parent_page_types = ["events.EventCategoryPage"]
    subpage_types = []
    theme_section = ("events", _("Events"))
    theme_date_field = "start"

    class Meta:
        verbose_name = _("event")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    def listing_date(self):
        return self.start

    def clean(self):
        super().clean()
        if self.start is None:
            return
        if self.end is not None and self.end < self.start:
            raise ValidationError({"end": _("The end must be after the start.")})
        if self.all_day or self.month_only:
            # Whole days in Viet Nam's time, so "upcoming" ends when the last day does.
            start_day = timezone.localtime(self.start).date()
            end_day = timezone.localtime(self.end).date() if self.end else start_day
            zone = timezone.get_current_timezone()
            self.start = datetime.datetime.combine(start_day, datetime.time.min, tzinfo=zone)
            self.end = datetime.datetime.combine(end_day, datetime.time(23, 59, 59), tzinfo=zone)
        elif self.end is None:
            self.end = self.start
        if self.registration_closes is not None and self.registration_closes > (self.end or self.start):
            raise ValidationError({"registration_closes": _("Registration must close before the event ends.")})

    @property
    def registration_closes_at(self):
        return self.registration_closes or self.start

    @property
    def dates_display(self):
        return format_event_dates(self.start, self.end, self.all_day, self.month_only)

    @property
    def has_started(self):
        return self.start <= timezone.now()

    @cached_property
    def category(self):
        return self.get_parent()

    def parks(self):
        """The event's public parks in the page's language."""
        linked = [link.park for link in self.park_links.select_related("park")]
        return in_language(linked, self.locale_id, public_parks(self.locale_id))

    def json_ld(self, request):
        """schema.org Event for search engines."""
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": timezone.localtime(self.start).isoformat(),
            "endDate": timezone.localtime(self.end or self.start).isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "url": self.get_full_url(request),
            "inLanguage": self.event_language.split("-"),
        }
        if self.search_description or self.intro:
            data["description"] = self.search_description or self.intro
        if self.venue or self.address:
            data["location"] = {
                "@type": "Place",
                "name": self.venue or self.address,
                "address": self.address or self.venue,
            }
        if self.organisers:
            data["organizer"] = {"@type": "Organization", "name": self.organisers}
        # "</" would end the script element early.
        return as_script(data)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.registration_enabled:  # places left change with every registration: no cache keeps them
            add_never_cache_headers(response)
        return response

    @path("register/", name="registration")
    def register(self, request):
        return registration_views.register(request, self)

    @path("register/sent/", name="registration-sent")
    def registration_sent(self, request):
        return registration_views.sent(request, self)

    @path("register/confirm/<str:token>/", name="registration-confirm")
    def registration_confirm(self, request, token):
        return registration_views.confirm(request, self, token)

    @path("register/cancel/<str:token>/", name="registration-cancel")
    def registration_cancel(self, request, token):
        return registration_views.cancel(request, self, token)

    @path("ics/", name="ics")
    def ics(self, request):
        return event_calendar_response(request, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site_id = navigation.site_id(navigation.site_for(request))
        # Changes only when the event is published: worked out once, kept.
        context["json_ld"] = fragments.cached(f"event-json-ld:{self.pk}", site_id, lambda: self.json_ld(request))
        context.update(registration_views.context(self))
        context.update(
            fragments.cached(
                f"event:{self.pk}",
                0,
                lambda: {
                    "category": {"title": self.category.title, "url": self.category.url},
                    "parks": list(self.parks()),
                },
            )
        )
        return context


class EventPark(ParkLink):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="park_links")


def events_in(locale_id):
    """The language's live events that anonymous visitors may see: what every
    listing, feed and dataset of events starts from."""
    return public(EventPage.objects.live().filter(locale_id=locale_id))


# Defined in their own package, registered with this app's models.
from .registration.models import EventSeats, Registration  # noqa: E402, F401
