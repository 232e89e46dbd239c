"""The Data page (issue #19): in both languages, linked from the footer and
from About → Project results, each dataset with its facts and downloads, and
what changed."""

import json
import re

import pytest

from parks.models import ParkPage

pytestmark = pytest.mark.django_db

DATA_PAGES = {"en": "/en/data/", "vi": "/vi/du-lieu/"}
PROJECT_RESULTS = {"en": "/en/about/project-results/", "vi": "/vi/gioi-thieu/ket-qua-du-an/"}
WORDS = {
    "en": ("Park indicators", "Licence", "What changed", "first published"),
    "vi": ("Chỉ số của các khu công nghiệp", "Giấy phép", "Những thay đổi", "công bố lần đầu"),
}


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_data_page_lists_every_dataset_with_its_facts_and_downloads(client, language):
    response = client.get(DATA_PAGES[language])
    assert response.status_code == 200
    html = response.content.decode()
    for words in WORDS[language]:
        assert words in html
    assert "CC BY 4.0" in html and 'href="https://creativecommons.org/licenses/by/4.0/"' in html
    for name in ("indicators", "company-results", "events", "publications", "news"):
        for fmt in ("csv", "json", "xlsx"):
            assert f'href="/{language}/data/{name}.{fmt}"' in html
        count = json.loads(client.get(f"/{language}/data/{name}.json").getvalue())["count"]
        section = html.split(f'id="dataset-{name}"', 1)[1].split("</section>", 1)[0]
        assert re.search(rf"<dd>{count}</dd>", section), (name, count)
        assert "<code>title</code>" in section or "<code>park</code>" in section or "<code>company</code>" in section


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_footer_and_project_results_link_to_the_data_page(client, language):
    link = f'href="{DATA_PAGES[language]}"'
    assert link in client.get(f"/{language}/").content.decode()
    assert link in client.get(PROJECT_RESULTS[language]).content.decode()


def test_a_change_is_listed_with_what_changed(client):
    assert client.get("/en/data/").status_code == 200  # the first versions are recorded
    park = ParkPage.objects.live().filter(locale__language_code="en").first()
    indicator = park.indicators.first()
    indicator.value += 1
    indicator.save()
    html = client.get("/en/data/").content.decode()
    changes = html.split('id="changes-heading"', 1)[1]
    assert "0 added, 0 removed, 1 changed" in changes
    assert "first published" in changes
