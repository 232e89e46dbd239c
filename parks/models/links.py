"""A page's links to the demonstration parks it is about."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class ParkLink(Orderable):
    """A page's link to a demonstration park (an event's, a publication's, a case
    study's ``park_links``): subclasses add the ``page`` it belongs to. Links are
    synchronised between languages, so they point at the English park; pages are
    found by the park's translation key."""

    park = models.ForeignKey(
        "parks.ParkPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("park"),
        help_text=_("A demonstration park this page is about or that it takes place in."),
    )

    panels = [FieldPanel("park")]

    class Meta(Orderable.Meta):
        abstract = True
