"""Laws and regulations carry their legal status (publications.legal): number
and symbol, issuing body, dates, status, and what replaced them, linked both
ways, in both languages, on the page, in the library, the dataset and the API."""

import csv
import datetime
import io
import json
import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from publications.models import PublicationCategoryPage, PublicationPage

from .editorial import client_for, twin
from .factories import build
from .fixtures import get_page
from .servers import _FormParser

pytestmark = pytest.mark.django_db

Status = PublicationPage.LegalStatus
TEXT = {
    "en": {
        "gone": "This document is no longer in force.",
        "replaced_by": "It was replaced by",
        "replaced": "Replaced",
        "in_force": "In force",
        "replaces": "Replaces",
        "status": "Legal status",
        "number": "Number and symbol",
        "issued_by": "Issuing body",
        "issued": "Date issued",
        "in_force_on": "Date in force",
        "82_issued": "22 May 2018",
        "82_in_force": "10 July 2018",
        "35_in_force": "15 July 2022",
        "government": "Government of Viet Nam",
    },
    "vi": {
        "gone": "Văn bản này không còn hiệu lực.",
        "replaced_by": "Văn bản đã được thay thế bởi",
        "replaced": "Đã bị thay thế",
        "in_force": "Còn hiệu lực",
        "replaces": "Thay thế",
        "status": "Tình trạng hiệu lực",
        "number": "Số, ký hiệu",
        "issued_by": "Cơ quan ban hành",
        "issued": "Ngày ban hành",
        "in_force_on": "Ngày có hiệu lực",
        "82_issued": "22 tháng 5 năm 2018",
        "82_in_force": "10 tháng 7 năm 2018",
        "35_in_force": "15 tháng 7 năm 2022",
        "government": "Chính phủ Việt Nam",
    },
}


def law(number, language):
    """The demo's law of this number and symbol in ``language``, found by its number, not its slug."""
    return PublicationPage.objects.live().get(document_number=number, locale__language_code=language)


def text(html):
    """The page's words, tags dropped and spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def fact(html, label):
    """The fact sheet's value for ``label`` (its <dd>), as text."""
    found = re.search(rf"<dt>{re.escape(label)}</dt>\s*<dd>(.*?)</dd>", unescape(html), re.S)
    return text(found.group(1)) if found else None


def notice(html):
    found = re.search(r'<div class="legal-notice".*?</div>', html, re.S)
    return found.group(0) if found else None


@pytest.mark.parametrize("language", ["en", "vi"])
def test_a_replaced_decree_says_so_at_the_top_with_a_link_to_the_one_in_force(client, language):
    words, old, new = TEXT[language], law("82/2018/NĐ-CP", language), law("35/2022/NĐ-CP", language)
    html = get_page(client, old.url)
    top = notice(html)
    assert top is not None and html.index(top) < html.index('class="fact-sheet"')  # above the document
    assert words["gone"] in text(top) and words["replaced_by"] in text(top)
    assert f'href="{new.url}"' in top and new.url.startswith(f"/{language}/")  # in the reader's language
    assert f"{new.title} (35/2022/NĐ-CP)" in text(top)
    # The fact sheet: number, issuing body, dates in the page's language, status, link.
    assert fact(html, words["number"]) == "82/2018/NĐ-CP"
    assert fact(html, words["issued_by"]) == words["government"]
    assert fact(html, words["issued"]) == words["82_issued"]
    assert fact(html, words["in_force_on"]) == words["82_in_force"]
    assert fact(html, words["status"]) == words["replaced"]
    assert '<time datetime="2018-07-10">' in html


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_decree_in_force_says_which_it_replaces(client, language):
    words, old, new = TEXT[language], law("82/2018/NĐ-CP", language), law("35/2022/NĐ-CP", language)
    html = get_page(client, new.url)
    assert notice(html) is None and words["gone"] not in html
    assert fact(html, words["status"]) == words["in_force"]
    assert fact(html, words["in_force_on"]) == words["35_in_force"]
    assert fact(html, words["replaces"]) == f"{old.title} (82/2018/NĐ-CP)"
    assert f'href="{old.url}"' in html and old.url.startswith(f"/{language}/")


@pytest.mark.parametrize("language", ["en", "vi"])
def test_what_is_not_known_is_not_shown(client, language):
    """The circular: its number and date issued, no status and no date in force."""
    words, circular = TEXT[language], law("05/2025/TT-BKHĐT", language)
    html = get_page(client, circular.url)
    assert fact(html, words["number"]) == "05/2025/TT-BKHĐT"
    assert fact(html, words["issued"]) is not None
    assert words["status"] not in html and words["in_force_on"] not in html and notice(html) is None


@pytest.mark.parametrize("language", ["en", "vi"])
def test_a_non_law_shows_none_of_it(client, language):
    report = build(
        PublicationPage,
        vietnamese="translated",
        title="Park energy survey",
        vi={"title": "Khảo sát năng lượng khu công nghiệp", "publisher": "UNIDO"},
        publication_type=PublicationPage.Type.REPORT,
        publisher="UNIDO",
        # Left from an earlier type: not kept for a report.
        document_number="1/2024/XX",
        legal_status=Status.IN_FORCE,
    )
    assert report.document_number == "" and report.legal_status == ""
    html = get_page(client, twin(report, Locale.objects.get(language_code=language)).url)
    words = TEXT[language]
    for label in ("status", "number", "issued_by", "issued", "in_force_on", "replaces"):
        assert f"<dt>{words[label]}</dt>" not in html, label
    assert notice(html) is None and "1/2024/XX" not in html


def law_category(language):
    return PublicationCategoryPage.objects.live().get(
        locale__language_code=language, translation_key=law("82/2018/NĐ-CP", "en").get_parent().translation_key
    )


def listed(html):
    return [
        unescape(title) for title in re.findall(r'<li class="library-item"[^>]*>\s*<h2><a href="[^"]+">([^<]+)', html)
    ]


def status_options(html):
    select = re.search(r'<select[^>]*name="status".*?</select>', html, re.S)
    return re.findall(r'<option value="([^"]*)"', select.group(0)) if select else None


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_library_filters_laws_by_status(client, language):
    words, category = TEXT[language], law_category(language)
    old, new = law("82/2018/NĐ-CP", language), law("35/2022/NĐ-CP", language)
    html = get_page(client, category.url)
    assert status_options(html) == ["", "in_force", "replaced"]  # only those present, in order
    assert f">{words['replaced']}</option>" in html and f">{words['status']}</label>" in html
    assert listed(get_page(client, category.url + "?status=replaced")) == [old.title]
    assert listed(get_page(client, category.url + "?status=in_force")) == [new.title]
    everything = listed(html)
    assert len(everything) == 4
    # Bad or absent values: ignored, never an error.
    for junk in ("expired", "bogus", "%00", "in_force%27", ""):
        assert listed(get_page(client, category.url + f"?status={junk}")) == everything, junk
    # A listing with no law offers no status at all.
    reports = category.get_siblings(inclusive=False).type(PublicationCategoryPage).live().first()
    assert status_options(get_page(client, reports.url)) is None
    # The card says a law's status.
    assert f'<span class="legal-status legal-status-replaced">{words["replaced"]}</span>' in html


def dataset(client, language, fmt):
    response = client.get(f"/{language}/data/publications.{fmt}")
    assert response.status_code == 200
    if fmt == "json":
        return json.loads(response.getvalue())["rows"]
    return list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_dataset_carries_the_legal_status(client, language):
    words = TEXT[language]
    old, new = law("82/2018/NĐ-CP", language), law("35/2022/NĐ-CP", language)
    rows = {row["url"]: row for row in dataset(client, language, "json")}
    old_row, new_row = rows[old.full_url], rows[new.full_url]
    assert old_row["document_number"] == "82/2018/NĐ-CP"
    assert old_row["issuing_body"] == words["government"]
    assert (old_row["date_issued"], old_row["date_in_force"]) == ("2018-05-22", "2018-07-10")
    assert (old_row["status_code"], old_row["status"]) == ("replaced", words["replaced"])
    assert old_row["replaced_by"] == new.full_url and old_row["replaces"] == []
    assert new_row["replaces"] == [old.full_url] and new_row["replaced_by"] == ""
    assert (new_row["status_code"], new_row["date_in_force"]) == ("in_force", "2022-07-15")
    circular = next(row for row in rows.values() if row["document_number"] == "05/2025/TT-BKHĐT")
    assert (circular["status_code"], circular["date_in_force"], circular["date_issued"]) == ("", "", "2025-01-24")
    assert all(
        row["status_code"] == "" and row["issuing_body"] == "" for row in rows.values() if row["type_code"] != "law"
    )
    # The CSV: the same, the lists joined.
    csv_rows = {row["url"]: row for row in dataset(client, language, "csv")}
    assert csv_rows[old.full_url]["replaced_by"] == new.full_url
    assert csv_rows[new.full_url]["replaces"] == old.full_url
    assert csv_rows[old.full_url]["status"] == words["replaced"]


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_api_carries_the_legal_status(client, language):
    words = TEXT[language]
    old, new = law("82/2018/NĐ-CP", language), law("35/2022/NĐ-CP", language)
    listing = client.get(
        "/api/v2/pages/",
        {
            "type": "publications.PublicationPage",
            "locale": language,
            "fields": "legal_status",
            "legal_status": "replaced",
        },
    ).json()
    assert [item["id"] for item in listing["items"]] == [old.pk]
    status = listing["items"][0]["legal_status"]
    assert status["document_number"] == "82/2018/NĐ-CP" and status["issuing_body"] == words["government"]
    assert (status["date_issued"], status["date_in_force"]) == ("2018-05-22", "2018-07-10")
    assert (status["status_code"], status["status"]) == ("replaced", words["replaced"])
    assert status["replaced_by"] == {"id": new.pk, "title": new.title, "html_url": new.full_url}
    detail = client.get(f"/api/v2/pages/{new.pk}/").json()["legal_status"]
    assert detail["replaces"] == [{"id": old.pk, "title": old.title, "html_url": old.full_url}]
    assert (detail["status_code"], detail["replaced_by"]) == ("in_force", None)
    report = PublicationPage.objects.live().exclude(publication_type="law").filter(locale__language_code=language)
    assert client.get(f"/api/v2/pages/{report.first().pk}/").json()["legal_status"] is None


def admin_form(client, url):
    parser = _FormParser("page-edit-form")
    parser.feed(get_page(client, url))
    return parser.fields


def errors_for(client, url, **values):
    """Post the form at ``url`` with ``values``; the page answers with the form
    again (200, nothing saved) and its messages, as text."""
    response = client.post(url, {**admin_form(client, url), **values, "action-publish": "action-publish"})
    assert response.status_code == 200, f"{url} answered {response.status_code}: saved?"
    return text(response.content.decode())


MESSAGES = {
    "en": {
        "needs": "A replaced document needs the document that replaces it: choose it here.",
        "itself": "A document cannot replace or amend itself. Choose another law or regulation.",
        "not_law": "is not a law or regulation. Choose one.",
        "circle": "two documents cannot replace each other.",
        "status": "A document replaced or amended by another has the status “Replaced” or “Amended”.",
    },
    "vi": {
        "needs": "Văn bản đã bị thay thế cần có văn bản thay thế nó: hãy chọn văn bản đó tại đây.",
        "itself": "Một văn bản không thể tự thay thế hoặc sửa đổi chính nó. Hãy chọn một văn bản pháp luật khác.",
        "not_law": "không phải là văn bản pháp luật. Hãy chọn một văn bản pháp luật.",
        "circle": "hai văn bản không thể thay thế lẫn nhau.",
        "status": "phải có tình trạng “Đã bị thay thế” hoặc “Được sửa đổi, bổ sung”.",
    },
}


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_admin_refuses_a_status_that_does_not_hold_together(moderator, language):
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = language
    profile.save()
    client, messages = client_for(moderator), MESSAGES[language]
    category = law_category("en")
    add = reverse("wagtailadmin_pages:add", args=("publications", "publicationpage", category.pk))
    new = {"title": "A decree", "slug": "a-decree", "publication_type": "law", "publication_date": "2024-01-02"}
    # The panel is there for laws, with its help, and shows only while the type is "law".
    form_html = get_page(client, add)
    assert 'data-w-rules-target="show"' in form_html and "publication_type" in unescape(form_html)
    assert messages["needs"] in errors_for(client, add, **new, legal_status="replaced")
    report = PublicationPage.objects.live().exclude(publication_type="law").first()
    assert messages["not_law"] in errors_for(client, add, **new, legal_status="replaced", replaced_by=report.pk)
    in_force = law("35/2022/NĐ-CP", "en")
    assert messages["status"] in errors_for(client, add, **new, legal_status="in_force", replaced_by=in_force.pk)
    assert not PublicationPage.objects.filter(slug="a-decree").exists()
    # An existing law: not itself, not its own translation, no circle.
    older, newer = (build(PublicationPage, publication_type="law", vietnamese="alias") for _ in range(2))
    newer.legal_status, newer.replaced_by = Status.REPLACED, older
    newer.save_revision().publish()
    edit = reverse("wagtailadmin_pages:edit", args=(older.pk,))
    assert messages["itself"] in errors_for(client, edit, legal_status="replaced", replaced_by=older.pk)
    own_twin = twin(older, Locale.objects.get(language_code="vi"))
    assert messages["itself"] in errors_for(client, edit, legal_status="replaced", replaced_by=own_twin.pk)
    assert messages["circle"] in errors_for(client, edit, legal_status="replaced", replaced_by=newer.pk)
    older.refresh_from_db()
    assert older.legal_status == "" and older.replaced_by_id is None
    # And a good one is taken, and shown both ways.
    response = client.post(
        edit, {**admin_form(client, edit), "legal_status": "replaced", "replaced_by": in_force.pk,
               "action-publish": "action-publish"},
    )  # fmt: skip
    assert response.status_code == 302
    older.refresh_from_db()
    assert (older.legal_status, older.replaced_by_id) == ("replaced", in_force.pk)


def test_the_status_is_the_same_in_both_languages(english, vietnamese):
    """Synchronised: the English translation of a Vietnamese decree has its
    number, dates, status and link; the link names the same document."""
    for number in ("82/2018/NĐ-CP", "35/2022/NĐ-CP"):
        en, vi = law(number, "en"), law(number, "vi")
        assert en.translation_key == vi.translation_key and en.alias_of_id is None
        same = ("document_number", "date_in_force", "legal_status", "publication_date")
        assert [getattr(en, name) for name in same] == [getattr(vi, name) for name in same]
    en, vi = law("82/2018/NĐ-CP", "en"), law("82/2018/NĐ-CP", "vi")
    assert (
        en.replaced_by.translation_key == vi.replaced_by.translation_key == law("35/2022/NĐ-CP", "en").translation_key
    )
    assert en.date_in_force == datetime.date(2018, 7, 10)


def test_a_replacement_replaced_in_turn_leads_to_the_one_in_force(client):
    first, second, third = (build(PublicationPage, publication_type="law", vietnamese=None) for _ in range(3))
    for page, status, later in ((first, Status.REPLACED, second), (second, Status.REPLACED, third)):
        page.legal_status, page.replaced_by = status, later
        page.save_revision().publish()
    third.legal_status = Status.IN_FORCE
    third.save_revision().publish()
    top = notice(get_page(client, first.url))
    assert f'href="{second.url}"' in top and f'href="{third.url}"' in top
    assert "The document in force now:" in text(top)
    # Its replacement gone (deleted), a replaced law still says it is no longer in force.
    second.delete()
    top = notice(get_page(client, first.url))
    assert "This document is no longer in force." in text(top) and "href" not in top
    # An expired law says so, with no link to invent.
    third.legal_status = Status.EXPIRED
    third.save_revision().publish()
    top = notice(get_page(client, third.url))
    assert "It has expired." in text(top) and "href" not in top


def test_a_document_cannot_be_replaced_by_itself_in_code_either():
    page = build(PublicationPage, publication_type="law", vietnamese=None)
    page.legal_status, page.replaced_by = Status.REPLACED, page
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert "replaced_by" in refused.value.message_dict
