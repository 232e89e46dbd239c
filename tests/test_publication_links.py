"""A publication's external link or DOI (issue #19): stored as an address that
opens, shown in the library and on the page, included in the dataset, and
refused with a clear message when it is neither a web address nor a DOI."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from publications.external_links import normalise
from publications.models import PublicationPage

pytestmark = pytest.mark.django_db

LIBRARY = "/en/publications/"


@pytest.mark.parametrize(
    "typed",
    ["10.1234/eip.2024-1", "doi:10.1234/eip.2024-1", "https://doi.org/10.1234/eip.2024-1", " DOI: 10.1234/eip.2024-1"],
)
def test_a_doi_is_kept_as_its_doi_org_address(typed):
    assert normalise(typed) == "https://doi.org/10.1234/eip.2024-1"


def _publication(language="en"):
    return PublicationPage.objects.live().filter(locale__language_code=language).order_by("-publication_date").first()


def _publish(page, link):
    page.external_link = link
    page.full_clean()
    page.save_revision().publish()
    return PublicationPage.objects.get(pk=page.pk)


@pytest.mark.parametrize(
    ("link", "language", "message"),
    [
        ("javascript:alert(1)", "en", "Enter a web address starting with https:// or a DOI"),
        ("see the ministry's site", "en", "Enter a web address starting with https:// or a DOI"),
        ("ftp://example.org/report.pdf", "vi", "Hãy nhập một địa chỉ web bắt đầu bằng https:// hoặc một mã DOI"),
    ],
)
def test_what_is_neither_an_address_nor_a_doi_is_refused(link, language, message):
    page = _publication()
    page.external_link = link
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            page.full_clean()
        assert message in str(error.value.message_dict["external_link"])  # lazy: read in the language


def test_the_library_the_page_and_the_dataset_show_the_doi(client):
    page = _publication()
    assert "doi.org" not in client.get(LIBRARY).content.decode()
    page = _publish(page, "doi:10.1234/eip.2024-1")
    assert page.external_link == "https://doi.org/10.1234/eip.2024-1"
    for url in (LIBRARY, page.url):
        html = client.get(url).content.decode()
        assert 'href="https://doi.org/10.1234/eip.2024-1"' in html and "DOI 10.1234/eip.2024-1" in html
    rows = json.loads(client.get("/en/data/publications.json").getvalue())["rows"]
    assert [row["external_url"] for row in rows if row["url"].endswith(page.url)] == [
        "https://doi.org/10.1234/eip.2024-1"
    ]


def test_a_publication_with_only_an_external_link_offers_it_instead_of_no_file(client):
    page = _publication()
    page.file_en = page.file_vi = None
    page = _publish(page, "https://www.unido.org/eip-report")
    html = client.get(page.url).content.decode()
    assert 'href="https://www.unido.org/eip-report"' in html and "Read online" in html
    assert "No file is available yet." not in html
