"""Park fact sheets as PDF (issue #19): linked from every park page, A4, in
English and Vietnamese in the site's font with every glyph present, made once
per content version and made again when the park's figures change."""

import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from parks.models import ParkPage

pytestmark = pytest.mark.django_db
fpdf = pytest.importorskip("fpdf")  # a runtime requirement; skipped only where it is not installed yet


def _parks(language):
    return list(ParkPage.objects.live().filter(locale__language_code=language))


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_park_page_links_to_its_a4_fact_sheet_in_its_language(client, language, caplog):
    for park in _parks(language):
        url = park.url + "fact-sheet-pdf/"
        assert f'href="{url}"' in client.get(park.url).content.decode()
        with caplog.at_level(logging.WARNING):
            response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        pdf = response.content
        assert pdf.startswith(b"%PDF-")
        assert b"/MediaBox [0 0 595.28 841.89]" in pdf  # A4
        assert b"BeVietnamPro" in pdf  # the site's font, embedded
        assert f"/Lang ({language})".encode() in pdf
        assert f"{park.slug}-fact-sheet-{language}.pdf" in response["Content-Disposition"]
    # fpdf2 names any character no font has: Vietnamese diacritics included, there are none.
    assert not [record for record in caplog.records if "missing" in record.getMessage()]


def test_the_fact_sheet_is_made_once_and_again_when_the_figures_change(client):
    park = _parks("en")[0]
    url = park.url + "fact-sheet-pdf/"
    first = client.get(url).content
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url).content
    assert again == first and len(queries) <= 5
    indicator = park.indicators.first()
    indicator.value += 1
    indicator.save()
    assert client.get(url).content != first
