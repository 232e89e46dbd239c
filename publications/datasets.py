"""The library's open dataset (pages.opendata): every public publication of
the language with its files, from the queryset the library lists, and a law's
legal status (publications.legal) with its links as the rows' own pages."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from pages.lookups import category_path
from pages.navigation import site_for
from pages.navigation.localized import active_locale
from pages.opendata.registry import Dataset, columns
from pages.origin import with_source_language
from pages.themes.lookups import names_by_item
from pages.visibility import in_public_collection

from .library import filter_options
from .models import LegalStatus, PublicationPage, publications_in


def _file(root_url, document):
    if not in_public_collection(document):  # a private collection's file is not named (pages.visibility)
        return "", None
    return root_url + document.url, document.file_size


def _legal_links(publications, full_urls):
    """{translation key: (replaced_by, amended_by, replaces, amends)} of the
    rows' laws, as full URLs of the rows' own pages (publications.legal): the
    link is stored on the older document and may name the other language's
    page; a document not among the rows (not public) is not named."""
    status = LegalStatus
    found = {}
    for publication in publications:
        if publication.legal_status not in (status.REPLACED, status.AMENDED) or not publication.replaced_by_key:
            continue
        newer = publication.replaced_by_key
        if newer not in full_urls:
            continue
        is_replaced = publication.legal_status == status.REPLACED
        older = found.setdefault(publication.translation_key, ["", "", [], []])
        older[0 if is_replaced else 1] = full_urls[newer]
        newer_links = found.setdefault(newer, ["", "", [], []])
        newer_links[2 if is_replaced else 3].append(full_urls[publication.translation_key])
    return found


def _rows(request):
    locale = active_locale()
    locale_id = locale.pk
    # The Site's address, as pages' full URLs use: rows do not vary with the Host a visitor sent.
    root_url = site_for(request).root_url
    categories = {category["path"]: category["title"] for category in filter_options(locale_id)["categories"]}
    publications = with_source_language(publications_in(locale_id).defer_streamfields())
    publications = list(
        publications.annotate(replaced_by_key=F("replaced_by__translation_key")).order_by("-publication_date", "-pk")
    )
    full_urls = {publication.translation_key: publication.get_full_url(request) for publication in publications}
    legal = _legal_links(publications, full_urls)
    themes = names_by_item(PublicationPage, [publication.pk for publication in publications], locale)
    for publication in publications:
        file_en, size_en = _file(root_url, publication.file_en)
        file_vi, size_vi = _file(root_url, publication.file_vi)
        languages = [code for code, document in (("en", publication.file_en), ("vi", publication.file_vi))
                     if in_public_collection(document)]  # fmt: skip
        is_law = publication.is_law
        replaced_by, amended_by, replaces, amends = legal.get(publication.translation_key, ("", "", [], []))
        yield (publication.title, categories.get(category_path(publication.path), ""),
               publication.publication_type, publication.get_publication_type_display(),
               publication.publication_date.isoformat(), publication.publication_date.year, publication.reference,
               publication.publisher, languages, file_en, size_en, file_vi, size_vi, publication.external_link,
               full_urls[publication.translation_key], publication.source_language,
               publication.document_number, publication.publisher if is_law else "",
               publication.publication_date.isoformat() if is_law else "",
               publication.date_in_force.isoformat() if publication.date_in_force else "",
               publication.legal_status, publication.get_legal_status_display() if publication.legal_status else "",
               replaced_by, amended_by, replaces, amends, themes.get(publication.pk, []))  # fmt: skip


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
        ("document_number", _("A law's or regulation's official number and symbol, e.g. 35/2022/NĐ-CP")),
        ("issuing_body", _("The body that issued a law or regulation (its publisher)")),
        ("date_issued", _("The date a law or regulation was issued (YYYY-MM-DD)")),
        ("date_in_force", _("The date it took or takes effect (YYYY-MM-DD), if known")),
        (
            "status_code",
            _("A law's status as a code, the same in both languages: in_force, amended, replaced or expired"),
        ),
        ("status", _("A law's status: in force, amended, replaced or expired; empty if not known")),
        ("replaced_by", _("The page of the document that replaced it")),
        ("amended_by", _("The page of the document that amended it")),
        ("replaces", _("The pages of the documents it replaced")),
        ("amends", _("The pages of the documents it amended")),
        ("themes", _("Its themes, in the dataset's language")),
    ),
    rows=_rows,
    key=("url",),
    pages=("publications.PublicationPage",),
    order=40,
)
