"""The read-only API (Wagtail's API v2 at /api/v2/, issue #19): per language,
no private, unpublished or draft content, no writes, bounded pages with clear
400s in the visitor's language, a rate limit shared by every worker, and a
query count that does not grow with the content."""

import json

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from news.models import NewsPage
from pages.opendata import limits
from parks.models import ParkPage
from tests.queries import warm_queries

pytestmark = pytest.mark.django_db


def get(client, url, **headers):
    response = client.get(url, **headers)
    return response.status_code, json.loads(response.content)


def titles(client, url):
    status, body = get(client, url)
    assert status == 200, body
    return {item["title"] for item in body["items"]}


@pytest.mark.parametrize("language", ["en", "vi"])
def test_pages_per_language(client, language):
    status, body = get(client, f"/api/v2/pages/?locale={language}&type=parks.ParkPage")
    assert status == 200
    expected = set(ParkPage.objects.live().filter(locale__language_code=language).values_list("title", flat=True))
    assert {item["title"] for item in body["items"]} == expected and body["meta"]["total_count"] == 5
    assert all(f"/{language}/" in item["meta"]["html_url"] for item in body["items"])


def test_private_unpublished_and_draft_content_never_appears(client):
    park = ParkPage.objects.live().filter(locale__language_code="en").first()
    article = NewsPage.objects.live().filter(locale__language_code="en").first()
    url = "/api/v2/pages/?locale=en&limit=50&type=parks.ParkPage"
    assert park.title in titles(client, url)
    assert get(client, f"/api/v2/pages/{article.pk}/")[0] == 200

    live_title = article.title
    article.title = "Draft title nobody approved"
    article.save_revision()  # a draft: the live page keeps its title
    assert get(client, f"/api/v2/pages/{article.pk}/")[1]["title"] == live_title
    assert "Draft title nobody approved" not in titles(client, "/api/v2/pages/?locale=en&type=news.NewsPage&limit=50")

    PageViewRestriction.objects.create(page=park, restriction_type=PageViewRestriction.LOGIN)
    assert park.title not in titles(client, url)
    assert get(client, f"/api/v2/pages/{park.pk}/")[0] == 404
    article.unpublish()
    assert get(client, f"/api/v2/pages/{article.pk}/")[0] == 404


def test_documents_in_a_private_collection_are_not_listed(client):
    from wagtail.documents import get_document_model

    document = get_document_model().objects.first()
    assert document.title in titles(client, "/api/v2/documents/?limit=50")
    private = Collection.get_first_root_node().add_child(name="Private")
    document.collection = private
    document.save()
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    assert document.title not in titles(client, "/api/v2/documents/?limit=50")


def test_no_writes(client):
    for url in ("/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"):
        assert client.post(url, {"title": "x"}).status_code == 405
    page = ParkPage.objects.live().first()
    assert client.delete(f"/api/v2/pages/{page.pk}/").status_code == 405


@pytest.mark.parametrize(
    ("url", "language", "status", "message"),
    [
        ("/api/v2/pages/?limit=100000", "en", 400, "“limit” must be a whole number from 1 to 50."),
        ("/api/v2/pages/?limit=100000", "vi", 400, "“limit” phải là số nguyên từ 1 đến 50."),
        ("/api/v2/pages/?offset=-1", "en", 400, "“offset” must be a whole number"),
        ("/api/v2/pages/?limit=%C2%B2", "en", 400, "“limit” must be a whole number"),  # "²": a digit to str.isdigit
        ("/api/v2/pages/?offset=%D9%A3", "vi", 400, "“offset” phải là số nguyên"),  # an Arabic-Indic three
        ("/api/v2/pages/?locale=fr", "en", 400, "Unknown language “fr”. Use one of: en, vi."),
        ("/api/v2/pages/?locale=fr", "vi", 400, "Không có ngôn ngữ “fr”."),
        ("/api/v2/pages/99999999/", "vi", 404, "Không tìm thấy."),
        ("/api/v2/images/99999999/", "en", 404, "Not found."),
        # Wagtail's own checks: what to do in the visitor's language, Wagtail's detail beside it.
        ("/api/v2/pages/?type=nope.Nothing", "vi", 400, "Không thể trả lời yêu cầu này."),
        ("/api/v2/pages/?fields=no_such_field", "en", 400, "This request cannot be answered."),
    ],
)
def test_bad_input_is_a_clear_answer_in_the_visitors_language(client, url, language, status, message):
    code, body = get(client, url, HTTP_ACCEPT_LANGUAGE=language)
    assert code == status  # a 404 stays a JSON 404, not a redirect to /<language>/api/…
    assert message in body["message"]


def test_the_rate_limit_counts_every_request_of_an_address(client, monkeypatch):
    monkeypatch.setattr(limits, "RATE_LIMIT", 3)
    answers = [client.get("/api/v2/images/").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    response = client.get("/api/v2/pages/", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 429 and response["Retry-After"] == "60"
    assert "Quá nhiều yêu cầu" in json.loads(response.content)["message"]
    other = client.get("/api/v2/images/", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_long_results_come_in_pages_linked_by_next_and_previous(client):
    """Following ``next`` from the first page walks every item once, each page at
    most ``limit`` long; ``previous`` leads back; the total is the whole count."""
    url = "/api/v2/pages/?locale=en&type=news.NewsPage&limit=4"
    status, first = get(client, url)
    total = first["meta"]["total_count"]
    assert status == 200 and total > 8 and first["meta"]["previous"] is None
    seen, body, pages = [], first, 0
    while True:
        assert len(body["items"]) <= 4
        seen += [item["id"] for item in body["items"]]
        pages += 1
        following = body["meta"]["next"]
        if following is None:
            break
        assert "limit=4" in following and "locale=en" in following and "type=news.NewsPage" in following
        status, after = get(client, following)
        assert status == 200 and after["meta"]["previous"]
        status, back = get(client, after["meta"]["previous"])
        assert [item["id"] for item in back["items"]] == [item["id"] for item in body["items"]]
        body = after
    assert len(seen) == len(set(seen)) == total and pages == -(-total // 4)
    # Beyond the end: nothing more, and the way back to the last page.
    status, beyond = get(client, f"{url}&offset={total + 10}")
    assert status == 200 and beyond["items"] == [] and beyond["meta"]["next"] is None
    assert f"offset={total - 4}" in beyond["meta"]["previous"]
    # The maximum page size holds.
    assert get(client, "/api/v2/pages/?limit=51")[0] == 400


def test_query_counts_do_not_grow_with_the_content_or_the_page_size(client, english):
    from .test_open_data import _more_content

    lists = [
        "/api/v2/pages/?locale=en",
        "/api/v2/pages/?locale=vi",
        # One page type: Wagtail swaps in that model's own queryset (once a query per item).
        "/api/v2/pages/?locale=en&type=news.NewsPage",
        "/api/v2/images/?",
        "/api/v2/documents/?",
    ]

    def counts():
        return {url: (warm_queries(client, f"{url}&limit=5"), warm_queries(client, f"{url}&limit=50")) for url in lists}

    before = counts()
    _more_content(english)
    after = counts()
    assert after == before, (before, after)
    assert all(small == large <= 12 for small, large in after.values()), after
    print(before, after)  # noqa: T201 - the report's measurements


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_data_page_documents_the_api_with_two_examples_that_answer(client, language):
    from pages.opendata.page import API_EXAMPLES

    html = client.get({"en": "/en/data/", "vi": "/vi/du-lieu/"}[language]).content.decode()
    assert 'id="api-heading"' in html
    for _text, path in API_EXAMPLES:
        assert path.replace("&", "&amp;") in html
        status, body = get(client, path)
        assert status == 200 and body["items"], path
