"""Publications as a topic of the e-mail updates (pages.updates.topics; declared in its section)."""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from pages.updates import topics


def date_line(page):
    parts = [str(page.get_publication_type_display()), date_format(page.publication_date, "DATE_FORMAT")]
    if page.publisher:
        parts.append(page.publisher)
    return " · ".join(parts)


TOPIC = topics.Topic(
    key="publications",
    label=_("Publications"),
    models=("publications.PublicationPage",),
    date_line=date_line,
    order=30,
)
