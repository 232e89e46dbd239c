"""What publications bring to the shell (pages.sections): the library's
listings, dataset, update topic, slots (the latest on the home page, those on
each park's page), demo, the documents whose names and sizes pages show, and
the earlier versions of a publication's files kept on publish."""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model

from pages.demo.registry import Seeder
from pages.navigation.slots import cached
from pages.publishing import Step
from pages.sections import Section
from parks.related import park_list

from . import datasets, importing, shell_slots, updates, versions
from .library import library_context
from .models import PublicationCategoryPage, PublicationIndexPage, publications_in

SECTION = Section(
    listings={PublicationIndexPage: library_context, PublicationCategoryPage: library_context},
    datasets=(datasets.PUBLICATIONS,),
    topics=(updates.TOPIC,),
    slots=(
        cached(
            "home",
            "publications/includes/home_latest.html",
            "home-latest-publications",
            shell_slots.home_latest,
            order=20,
        ),  # fmt: skip
        park_list(
            "publications",
            _("Publications about this park"),
            publications_in,
            via="park_links__park",
            newest_first="-publication_date",
            meta=lambda publication: date_format(publication.publication_date),
            order=20,
        ),  # fmt: skip
    ),
    demo=(Seeder("publications.demo.seed_publications", order=40),),
    shown_models=(get_document_model(),),
    imports=(importing.KIND,),
    # A replaced file stays downloadable as an earlier version (publications.versions).
    publish_steps=(Step("published", "file_versions", versions.record, after="changes"),),
)
