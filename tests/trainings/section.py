"""Everything the Trainings section brings to the shell, in one declaration."""

from django.utils.formats import date_format

from pages.demo.registry import Seeder
from pages.listing import paginate
from pages.navigation.localized import active_locale
from pages.opendata.registry import Dataset, columns
from pages.sections import Section
from pages.updates.topics import Topic
from parks.related import park_list

from .models import TrainingIndexPage, trainings_in


def training_listing(request, page):
    return {"results": paginate(request, list(trainings_in(page.locale_id).order_by("-date", "-pk")), 10)}


def _rows(request):
    for training in trainings_in(active_locale().pk).order_by("-date", "-pk"):
        yield training.title, training.date.isoformat(), training.get_full_url(request)


SECTION = Section(
    listings={TrainingIndexPage: training_listing},
    datasets=(
        Dataset(
            name="trainings",
            title="Trainings",
            description="Every training.",
            columns=columns(("title", "Its title"), ("date", "Its date"), ("url", "Its page")),
            rows=_rows,
            key=("url",),
        ),
    ),
    topics=(
        Topic(
            key="trainings",
            label="Trainings",
            models=("trainings.TrainingPage",),
            date_line=lambda page: date_format(page.date),
        ),  # fmt: skip
    ),
    demo=(Seeder("tests.trainings.demo.seed_trainings", order=60),),
    slots=(
        park_list(
            "trainings",
            "Trainings at this park",
            trainings_in,
            via="park_links__park",
            newest_first="-date",
            meta=lambda training: date_format(training.date),
            order=40,
        ),  # fmt: skip
    ),
)
