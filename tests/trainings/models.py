"""Trainings: an index listing them and the training pages, each linked to parks."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel

from pages.listing import ListingPage
from pages.models import BasePage
from pages.visibility import public
from parks.models.links import ParkLink


class TrainingIndexPage(ListingPage, BasePage):
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["trainings.TrainingPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "trainings index"


class TrainingPage(BasePage):
    date = models.DateField()
    parent_page_types = ["trainings.TrainingIndexPage"]
    subpage_types = []
    content_panels = [*BasePage.content_panels, FieldPanel("date"), InlinePanel("park_links")]

    class Meta:
        verbose_name = "training"

    def listing_date(self):
        return self.date


class TrainingPark(ParkLink):
    page = ParentalKey(TrainingPage, on_delete=models.CASCADE, related_name="park_links")


def trainings_in(locale_id):
    return public(TrainingPage.objects.live().filter(locale_id=locale_id))
