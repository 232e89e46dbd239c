"""Open datasets (issue #19): every dataset in CSV, JSON and XLSX in both
languages, the same rows the pages show, private and unpublished content left
out, conditional requests, clear 404s, and a query count that does not grow."""

import csv
import io
import json
import re

import pytest
from openpyxl import load_workbook
from wagtail.models import PageViewRestriction

from events.models import EventPage
from pages.opendata import registry
from pages.opendata.models import DatasetChange
from pages.opendata.registry import all_datasets
from parks.models import CompanyResult, ParkPage
from tests.queries import cold_and_warm

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "vi")
NAMES = ("indicators", "assessments", "company-results", "case-studies", "events", "publications", "news")


def data(client, name, language):
    response = client.get(f"/{language}/data/{name}.json")
    assert response.status_code == 200, response.getvalue()
    return json.loads(response.getvalue())


def parsed_csv(client, name, language):
    response = client.get(f"/{language}/data/{name}.csv")
    assert response.status_code == 200
    text = response.getvalue().decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheet programs read Vietnamese right
    return list(csv.reader(io.StringIO(text[1:])))


def test_every_dataset_in_every_format_and_language_has_the_same_rows(client):
    # The test settings' own section (tests/trainings) aside: tests/test_sections.py shows its dataset.
    assert tuple(dataset.name for dataset in all_datasets() if dataset.name != "trainings") == NAMES
    for name in NAMES:
        english = data(client, name, "en")
        columns = [column["name"] for column in english["columns"]]
        for language in LANGUAGES:
            document = data(client, name, language)
            assert document["version"] == 1 and document["licence"]["name"] == "CC BY 4.0"
            assert [column["name"] for column in document["columns"]] == columns  # stable, English
            assert document["count"] == len(document["rows"]) == len(english["rows"]) > 0, name
            table = parsed_csv(client, name, language)
            assert table[0] == columns and len(table) == len(document["rows"]) + 1
            workbook = load_workbook(io.BytesIO(client.get(f"/{language}/data/{name}.xlsx").getvalue()))
            sheet = list(workbook.active.iter_rows(values_only=True))
            assert list(sheet[0]) == columns and len(sheet) == len(table)


def _figures_on_page(client, url):
    html = client.get(url).content.decode()
    if 'id="indicator-table"' not in html:
        return []
    table = html.split('id="indicator-table"', 1)[1].split("</table>", 1)[0]
    return [float(value) for value in re.findall(r'data-value="([^"]+)"', table)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_parks_figures_are_the_datasets_rows_in_both_languages(client, language):
    rows = data(client, "indicators", language)["rows"]
    parks = ParkPage.objects.live().filter(locale__language_code=language)
    assert parks.count() == 5
    with_figures = 0
    for park in parks:
        mine = [row for row in rows if row["park_url"].endswith(park.url)]
        assert all(row["park"] == park.title for row in mine)
        assert [row["value"] for row in mine] == _figures_on_page(client, park.url)
        with_figures += bool(mine)
    assert with_figures >= 3
    assert sum(len(_figures_on_page(client, park.url)) for park in parks) == len(rows)


def test_vietnamese_values_are_translated_and_codes_stay(client):
    english = data(client, "indicators", "en")["rows"]
    vietnamese = data(client, "indicators", "vi")["rows"]
    assert [row["indicator_code"] for row in english] == [row["indicator_code"] for row in vietnamese]
    assert {row["indicator"] for row in english}.isdisjoint({row["indicator"] for row in vietnamese})
    assert all("/vi/" in row["park_url"] for row in vietnamese)


def test_a_private_park_and_an_unpublished_event_appear_nowhere(client):
    park = ParkPage.objects.live().filter(locale__language_code="en").first()
    event = EventPage.objects.live().filter(locale__language_code="en").first()
    before = {language: data(client, "indicators", language)["rows"] for language in LANGUAGES}
    assert any(row["park"] == park.title for row in before["en"])
    assert any(row["park"] == park.title for row in data(client, "company-results", "en")["rows"])
    assert any(row["title"] == event.title for row in data(client, "events", "en")["rows"])

    PageViewRestriction.objects.create(page=park, restriction_type=PageViewRestriction.LOGIN)
    event.unpublish()
    for language in LANGUAGES:
        twin = ParkPage.objects.get(translation_key=park.translation_key, locale__language_code=language)
        for name in ("indicators", "company-results"):
            assert not [row for row in data(client, name, language)["rows"] if row["park_url"].endswith(twin.url)]
        assert len(data(client, "indicators", language)["rows"]) < len(before[language])
    assert not any(row["title"] == event.title for row in data(client, "events", "en")["rows"])


def test_a_published_change_shows_at_once_and_is_recorded(client):
    park = ParkPage.objects.live().filter(locale__language_code="en").first()
    first = data(client, "indicators", "en")
    assert DatasetChange.objects.filter(dataset="indicators", language="en").count() == 1
    indicator = park.indicators.first()
    indicator.value = 98765
    indicator.save()  # a figure saved (as publishing the park does) drops what shows it
    after = data(client, "indicators", "en")
    assert 98765 in [row["value"] for row in after["rows"]] and 98765 not in [r["value"] for r in first["rows"]]
    change = DatasetChange.objects.filter(dataset="indicators", language="en").latest("at")
    assert (change.added, change.removed, change.changed, change.first) == (0, 0, 1, False)
    assert after["last_modified"] >= first["last_modified"]


def test_formula_text_is_not_a_formula(client):
    result = CompanyResult.objects.filter(locale__language_code="en").first()
    result.company = '=HYPERLINK("http://evil.example")'
    result.save()
    rows = parsed_csv(client, "company-results", "en")
    assert ['\'=HYPERLINK("http://evil.example")'] == [row[0] for row in rows if "HYPERLINK" in row[0]]


def test_etag_and_last_modified_answer_304(client):
    response = client.get("/en/data/events.csv")
    assert response["ETag"] and response["Last-Modified"]
    assert client.get("/en/data/events.csv", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.get("/en/data/events.csv", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304
    assert client.get("/en/data/events.json", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200


def _whole_csv(dataset, language):
    """The CSV as it was made before downloads were streamed: built whole."""
    from django.test import RequestFactory
    from django.utils import translation

    from pages.opendata import formats
    from pages.opendata.snapshots import snapshot
    from pages.spreadsheets import safe_row

    with translation.override(language):
        rows = snapshot(dataset, RequestFactory().get(f"/{language}/data/"))["rows"]
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(safe_row(column.name for column in dataset.columns))
    writer.writerows(safe_row(formats._flat(value) for value in row) for row in rows)
    return out.getvalue().encode()


def test_downloads_are_streamed_row_by_row_with_the_bytes_of_a_whole_file(client, monkeypatch):
    """CSV and JSON go out in pieces as they are written (here a few hundred
    characters each), and the pieces make exactly the file built whole; the
    XLSX, a zip archive written at the end, comes from a file on disk."""
    from pages.opendata import formats

    monkeypatch.setattr(formats, "CHUNK", 300)
    for name in NAMES:
        for language in LANGUAGES:
            answer = client.get(f"/{language}/data/{name}.json")
            assert answer.streaming
            pieces = list(answer.streaming_content)
            body = b"".join(pieces)
            whole = json.dumps(json.loads(body), ensure_ascii=False, indent=1).encode()
            assert body == whole and len(pieces) > 1, name
            rows = json.loads(body)["rows"]
            answer = client.get(f"/{language}/data/{name}.csv")
            assert answer.streaming and answer["ETag"] and answer["Content-Disposition"].startswith("attachment")
            assert b"".join(answer.streaming_content) == _whole_csv(registry.get(name), language), name
            answer = client.get(f"/{language}/data/{name}.xlsx")
            assert answer.streaming and int(answer["Content-Length"]) > 0
            sheet = list(load_workbook(io.BytesIO(answer.getvalue())).active.iter_rows(values_only=True))
            assert len(sheet) == len(rows) + 1


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/en/data/nothing.csv", "There is no dataset called “nothing”"),
        ("/vi/data/nothing.csv", "Không có bộ dữ liệu nào tên là “nothing”"),
        ("/en/data/events.exe", "There is no “exe” download"),
        ("/vi/data/events.exe", "Không có tệp tải về dạng “exe”"),
    ],
)
def test_an_unknown_dataset_or_format_is_a_clear_404_in_the_visitors_language(client, url, words):
    response = client.get(url)
    assert response.status_code == 404
    assert words in response.content.decode()


def _more_content(english):
    from events.models import EventCategoryPage
    from news.models import NewsCategoryPage, NewsPage
    from publications.models import PublicationCategoryPage, PublicationPage
    from tests.test_queries import _copy_children

    _copy_children(NewsCategoryPage, NewsPage, english, 8)
    _copy_children(EventCategoryPage, EventPage, english, 8)
    _copy_children(PublicationCategoryPage, PublicationPage, english, 8)
    park = ParkPage.objects.live().filter(locale=english).first()
    park.copy(to=park.get_parent(), update_attrs={"slug": "park-copy", "title": "Park copy"}, keep_live=True)


def test_query_counts_do_not_grow_with_the_content(client, english):
    urls = [f"/{language}/data/{name}.json" for name in NAMES for language in LANGUAGES]
    before = {url: cold_and_warm(client, url) for url in urls}
    _more_content(english)
    after = {url: cold_and_warm(client, url) for url in urls}
    assert all(warm <= 2 for _cold, warm in after.values()), after
    grown = {url: (before[url], after[url]) for url in urls if after[url][0] > before[url][0]}
    assert not grown, grown
    print({url: (before[url], after[url]) for url in urls})  # noqa: T201 - the report's measurements


@pytest.mark.parametrize(("language", "shown"), [("en", "12,345"), ("vi", "12.345")])
def test_the_data_page_counts_rows_in_the_visitors_way_of_writing_numbers(client, monkeypatch, language, shown):
    from django.core.cache import cache

    from pages.opendata import page

    real = page.summary
    monkeypatch.setattr(page, "summary", lambda dataset, request: {**real(dataset, request), "count": 12345})
    cache.clear()
    html = client.get("/en/data/" if language == "en" else "/vi/du-lieu/", follow=True).content.decode()
    assert f"<dd>{shown}</dd>" in html
