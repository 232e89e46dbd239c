"""The library's open dataset (pages.opendata): every public publication of
the language with its files, from the queryset the library lists."""

from django.utils.translation import gettext_lazy as _

from pages.lookups import category_path
from pages.navigation import site_for
from pages.navigation.localized import active_locale
from pages.opendata.registry import Dataset, columns
from pages.origin import with_source_language
from pages.visibility import in_public_collection

from .library import filter_options
from .models import publications_in


def _file(root_url, document):
    if not in_public_collection(document):  # a private collection's file is not named (pages.visibility)
        return "", None
    return root_url + document.url, document.file_size


def _rows(request):
    locale_id = active_locale().pk
    # The Site's address, as pages' full URLs use: rows do not vary with the Host a visitor sent.
    root_url = site_for(request).root_url
    categories = {category["path"]: category["title"] for category in filter_options(locale_id)["categories"]}
    publications = with_source_language(publications_in(locale_id).defer_streamfields())
    for publication in publications.order_by("-publication_date", "-pk"):
        file_en, size_en = _file(root_url, publication.file_en)
        file_vi, size_vi = _file(root_url, publication.file_vi)
        languages = [code for code, document in (("en", publication.file_en), ("vi", publication.file_vi))
                     if in_public_collection(document)]  # fmt: skip
        yield (publication.title, categories.get(category_path(publication.path), ""),
               publication.publication_type, publication.get_publication_type_display(),
               publication.publication_date.isoformat(), publication.publication_date.year, publication.reference,
               publication.publisher, languages, file_en, size_en, file_vi, size_vi, publication.external_link,
               publication.get_full_url(request), publication.source_language)  # fmt: skip


PUBLICATIONS = Dataset(
    name="publications",
    title=_("Publications"),
    description=_("The documents in the library: laws, reports, studies, guides and proceedings, with their files."),
    columns=columns(
        ("title", _("The document's title")),
        ("category", _("The library section it is in")),
        ("type_code", _("What kind of document it is, as a code that is the same in both languages")),
        ("type", _("What kind of document it is")),
        ("date", _("The date on the document (YYYY-MM-DD)")),
        ("year", _("Its year")),
        ("reference", _("Its number or reference")),
        ("publisher", _("Who published it")),
        ("languages", _("The languages of its files (en, vi)")),
        ("file_url_en", _("The English file")),
        ("file_size_en", _("Its size in bytes")),
        ("file_url_vi", _("The Vietnamese file")),
        ("file_size_vi", _("Its size in bytes")),
        ("external_url", _("Where it can be read on another website; a DOI as its https://doi.org/ address")),
        ("url", _("The publication's page")),
        ("source_language", _("The language it was written in first (en or vi); the other is a translation")),
    ),
    rows=_rows,
    key=("url",),
    order=40,
)
