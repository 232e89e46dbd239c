"""Bringing existing content in (pages.importer): a file with good, repeated
and broken rows, as a dry run, for real, and again; both file formats; a row
failing halfway; the admin's screens over HTTP; and a 5,000-row file read in
bounded memory."""

import csv
import io
import re
import time
import tracemalloc

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from events.models import EventPage
from news.models import NewsPage
from pages.importer import apply, files, run
from pages.importer.models import ImportBatch, ImportedItem
from publications.models import PublicationPage

from .editorial import client_for, twin
from .fixtures import get_page

pytestmark = pytest.mark.django_db

HEADER = [
    "kind",
    "source_language",
    "category",
    "title_en",
    "title_vi",
    "summary_en",
    "summary_vi",
    "body_en",
    "body_vi",
    "date",
    "start",
    "end",
    "location_en",
    "location_vi",
    "publication_type",
    "file_en",
    "file_vi",
    "themes",
    "parks",
    "old_url",
]
NEWS = {
    "kind": "news",
    "category": "project-news",
    "title_en": "Imported: companies in the park share steam",
    "title_vi": "Bài nhập: các doanh nghiệp trong khu dùng chung hơi nước",
    "summary_en": "An article brought in from the old website.",
    "summary_vi": "Một bài viết chuyển từ trang web cũ.",
    "body_en": "First paragraph of the article.\n\nSecond paragraph, with A & B.",
    "body_vi": "Đoạn thứ nhất của bài viết.\n\nĐoạn thứ hai, có A & B.",
    "date": "2019-06-12",
    "themes": "policy-and-regulation; waste-and-materials",
    "parks": "deep-c-industrial-park",
    "old_url": "/article/9081; https://old.example.org/vi/article/9081",
}
EVENT = {
    "kind": "events",
    "source_language": "vi",
    "category": "hoi-thao-toa-dam",
    "title_en": "Imported: a workshop on cleaner production",
    "title_vi": "Bài nhập: hội thảo về sản xuất sạch hơn",
    "summary_en": "A workshop written first in Vietnamese.",
    "summary_vi": "Một hội thảo được viết trước bằng tiếng Việt.",
    "start": "2023-03-15 08:30",
    "end": "2023-03-15 17:00",
    "location_en": "Da Nang city hall",
    "location_vi": "Trụ sở thành phố Đà Nẵng",
    "themes": "san-xuat-sach-hon",  # a Vietnamese slug, as a Vietnamese-first row may give
    "parks": "kcn-hoa-khanh",
}
PUBLICATION = {
    "kind": "publications",
    "category": "law-regulations",
    "title_en": "Imported: a report in English only",
    "summary_en": "Its Vietnamese page is an untranslated alias.",
    "publication_type": "report",
    "date": "2020-01-31",
    "file_en": "reports/report.pdf",
    "themes": "policy-and-regulation",
}
REPEATED = {**NEWS, "title_en": "The same old address again"}
BROKEN = {
    **NEWS,
    "title_en": "A row with mistakes",
    "category": "no-such-category",
    "date": "31/02/2024",
    "parks": "atlantis",
    "themes": "policy-and-regulation; no-such-theme",
    "old_url": "/article/99",
}
MISMATCHED = {**NEWS, "title_en": "Paragraphs that do not match", "body_vi": "Chỉ một đoạn.", "old_url": "/article/100"}
NOTE = {"kind": "# example", "title_en": "A note the importer skips"}
ROWS = [NEWS, EVENT, PUBLICATION, REPEATED, BROKEN, MISMATCHED, NOTE]  # rows 2 to 8


def csv_bytes(rows, header=HEADER):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") for name in header])
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(name) or None for name in header])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.fixture
def import_root(tmp_path, settings):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "report.pdf").write_bytes(b"%PDF-1.4\n% an illustrative file\n%%EOF\n")
    settings.IMPORT_ROOT = tmp_path
    return tmp_path


def import_file(tmp_path, content, *options, name="content.csv"):
    path = tmp_path / name
    path.write_bytes(content)
    out = io.StringIO()
    call_command("import_content", str(path), *options, stdout=out)
    return out.getvalue()


def state():
    """What an import may change, counted."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "redirects": Redirect.objects.count(),
        "items": ImportedItem.objects.count(),
    }


def imported(model, title):
    return model.objects.filter(title=title).first()


def test_the_command_gives_its_reasons_in_the_language_asked_for(import_root, english, vietnamese):
    content = csv_bytes(ROWS)
    with translation.override("vi"):  # whatever was active before does not decide
        assert "the same item as row 2" in import_file(import_root, content, "--dry-run")
    report = import_file(import_root, content, "--dry-run", "--language", "vi")
    assert "trùng với mục ở dòng 2" in report and "the same item as row 2" not in report


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_dry_run_then_import_then_again(fmt, import_root, english, vietnamese):
    content = csv_bytes(ROWS) if fmt == "csv" else xlsx_bytes(ROWS)
    name = f"content.{fmt}"
    before = state()

    # The dry run: every row reported, nothing changed.
    report = import_file(import_root, content, "--dry-run", name=name)
    assert state() == before
    assert "Dry run, nothing changed: 3 create, 0 update, 0 unchanged, 3 refused" in report
    assert "row 5: refused: The same old address again" in report
    assert "the same item as row 2" in report
    assert 'category: there is no news category "no-such-category"' in report
    assert 'date: "31/02/2024" is not a date or a date and time (use YYYY-MM-DD or YYYY-MM-DD HH:MM).' in report
    assert 'parks: there is no park "atlantis"' in report
    assert 'themes: there is no theme "no-such-theme" (there are: ' in report
    assert "body_vi: 1 paragraph(s), but body_en has 2" in report
    assert "A note the importer skips" not in report

    # For real: drafts in both languages.
    report = import_file(import_root, content, name=name)
    assert "Imported as drafts: 3 create, 0 update, 0 unchanged, 3 refused" in report
    article = imported(NewsPage, NEWS["title_en"])
    assert not article.live and article.has_unpublished_changes
    assert article.locale == english
    assert sorted(theme.slug for theme in article.themes.all()) == ["policy-and-regulation", "waste-and-materials"]
    assert [link.related.slug for link in article.related_links.all()] == ["deep-c-industrial-park"]
    draft = article.get_latest_revision_as_object()
    assert "Second paragraph, with A &amp; B." in str(draft.body)
    article_vi = twin(article, vietnamese)
    assert not article_vi.live and article_vi.alias_of_id is None
    assert article_vi.get_latest_revision_as_object().title == NEWS["title_vi"]
    assert "Đoạn thứ hai, có A &amp; B." in str(article_vi.get_latest_revision_as_object().body)
    assert Translation.objects.filter(source__object_id=article.translation_key, target_locale=vietnamese).exists()
    assert Redirect.objects.get(old_path="/article/9081").redirect_page_id == article.pk
    assert Redirect.objects.get(old_path="/vi/article/9081").redirect_page_id == article_vi.pk
    assert Redirect.objects.get(old_path="/article/9081").is_permanent

    event_vi = EventPage.objects.get(title=EVENT["title_vi"])
    assert event_vi.locale == vietnamese and not event_vi.live and event_vi.all_day is False
    assert event_vi.venue == EVENT["location_vi"]
    assert [link.park.slug for link in event_vi.park_links.all()] == ["kcn-hoa-khanh"]
    assert [theme.slug for theme in event_vi.themes.all()] == ["san-xuat-sach-hon"]  # its language's row
    event_en = twin(event_vi, english)
    assert event_en.get_latest_revision_as_object().title == EVENT["title_en"]
    assert event_en.get_latest_revision_as_object().venue == EVENT["location_en"]

    publication = imported(PublicationPage, PUBLICATION["title_en"])
    assert publication.file_en.file.read().startswith(b"%PDF")
    assert [theme.slug for theme in publication.themes.all()] == ["policy-and-regulation"]
    assert twin(publication, vietnamese).alias_of_id == publication.pk  # no Vietnamese texts: an alias
    assert not imported(NewsPage, BROKEN["title_en"]) and not Redirect.objects.filter(old_path="/article/99").exists()
    assert not imported(NewsPage, REPEATED["title_en"])

    # Again: nothing changes, not even a revision.
    after = state()
    report = import_file(import_root, content, name=name)
    assert "0 create, 0 update, 3 unchanged, 3 refused" in report
    assert state() == after


def test_a_changed_row_is_an_update_with_a_new_draft(import_root, vietnamese):
    import_file(import_root, csv_bytes([NEWS]))
    article = imported(NewsPage, NEWS["title_en"])
    revisions = Revision.page_revisions.filter(object_id=str(article.pk)).count()
    changed = {**NEWS, "title_vi": "Bài nhập: tiêu đề tiếng Việt đã sửa"}
    assert "0 create, 1 update" in import_file(import_root, csv_bytes([changed]), "--dry-run")
    assert "0 create, 1 update" in import_file(import_root, csv_bytes([changed]))
    assert Revision.page_revisions.filter(object_id=str(article.pk)).count() == revisions + 1
    assert twin(article, vietnamese).get_latest_revision_as_object().title == changed["title_vi"]
    assert ImportedItem.objects.count() == 1


def test_publish_makes_both_languages_live(import_root, vietnamese, client):
    import_file(import_root, csv_bytes([NEWS]), "--publish")
    article = imported(NewsPage, NEWS["title_en"])
    assert article.live
    article_vi = twin(article, vietnamese)
    assert article_vi.live and article_vi.title == NEWS["title_vi"]
    assert NEWS["title_vi"] in get_page(client, article_vi.url)
    assert client.get("/article/9081").url.endswith(article.url)


def test_a_row_failing_halfway_leaves_nothing_of_it(import_root, monkeypatch):
    before = state()
    stored = set(files.get_document_model()._meta.get_field("file").storage.listdir("documents")[1])

    def fail(plan, page):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(apply, "_redirects", fail)
    report = import_file(import_root, csv_bytes([NEWS, PUBLICATION]))
    assert "0 create, 0 update, 0 unchanged, 2 refused" in report
    assert "nothing of it was kept" in report
    assert state() == before
    assert not imported(PublicationPage, PUBLICATION["title_en"])
    assert set(files.get_document_model()._meta.get_field("file").storage.listdir("documents")[1]) == stored


def test_files_only_from_the_import_folder_or_public_addresses(import_root):
    for text in ("../secret.pdf", "/etc/passwd", "reports/missing.pdf"):
        assert files.parse(text, import_root)[0] is None
    for url in (
        "http://127.0.0.1/report.pdf",
        "http://localhost/report.pdf",
        "http://10.1.2.3/report.pdf",
        "http://192.168.0.1/report.pdf",
        "http://169.254.169.254/latest/meta-data.pdf",
        "http://[::1]/report.pdf",
        "http://[::ffff:127.0.0.1]/report.pdf",
        "ftp://example.org/report.pdf",
        "file:///etc/passwd",
    ):
        ref, reason = files.parse(url, import_root)
        assert ref is None and reason, url
    assert files.parse("https://example.org/report.pdf", import_root)[0].kind == "url"
    # A host name that resolves to an internal address is refused before any connection.
    with pytest.raises(files.FileProblem, match="internal address"):
        files._connect("localhost", 80, 1)


def test_a_file_fetched_from_an_address(import_root, monkeypatch):
    """A document given by http(s) address is fetched (here from a server on
    this machine, let through for the test only); a redirect to an internal
    address is not followed."""
    import http.server
    import threading

    class Files(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/elsewhere.pdf":
                self.send_response(302)
                self.send_header("Location", "http://10.0.0.1/secret.pdf")
                self.end_headers()
                return
            body = b"%PDF-1.4 fetched\n%%EOF\n"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Files)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setattr(files, "_host_problem", lambda url: None)
    monkeypatch.setattr(files, "allowed_address", lambda address: address == "127.0.0.1")
    try:
        row = {**PUBLICATION, "file_en": f"{base}/report.pdf", "file_vi": f"{base}/elsewhere.pdf"}
        report = import_file(import_root, csv_bytes([row]))
        assert "1 refused" in report and "10.0.0.1 is an internal address" in report
        report = import_file(import_root, csv_bytes([{**row, "file_vi": ""}]))
        assert "1 create" in report
    finally:
        server.shutdown()
        server.server_close()
    assert imported(PublicationPage, PUBLICATION["title_en"]).file_en.file.read() == b"%PDF-1.4 fetched\n%%EOF\n"


def test_a_file_the_importer_cannot_read(import_root):
    with pytest.raises(CommandError, match="does not know: titel_en"):
        import_file(import_root, csv_bytes([NEWS], header=["kind", "category", "titel_en"]))
    with pytest.raises(CommandError, match="not UTF-8"):
        import_file(import_root, "kind,category,title_en\nnews,project-news,Caf\xe9\n".encode("latin-1"))


def test_a_file_from_the_older_template_names_themes_topics(import_root):
    # News' topics became themes (pages.themes): the column's old name still reads.
    header = [("topics" if name == "themes" else name) for name in HEADER]
    assert "1 create" in import_file(import_root, csv_bytes([{**NEWS, "topics": NEWS["themes"]}], header=header))
    article = imported(NewsPage, NEWS["title_en"])
    assert sorted(theme.slug for theme in article.themes.all()) == ["policy-and-regulation", "waste-and-materials"]


def test_reasons_in_vietnamese(import_root):
    outcomes = []
    with translation.override("vi"), open_bytes(csv_bytes([BROKEN])) as handle:
        run.process(handle, on_outcome=outcomes.append, root=import_root)
    (outcome,) = outcomes
    assert outcome.action == "refused"
    assert any(reason.startswith('date: "31/02/2024" không phải là ngày') for reason in outcome.reasons)
    assert any(reason.startswith('themes: không có chủ đề "no-such-theme"') for reason in outcome.reasons)


def open_bytes(content):
    return io.BytesIO(content)


def words(html):
    """The page's text, tags removed, spaces collapsed (as a reader would see it)."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace("&quot;", '"')


# The admin -----------------------------------------------------------------


def test_the_admin_screens_as_a_moderator_and_not_for_an_editor(moderator, editor, import_root):
    client = client_for(moderator)
    start = reverse("importer:start")
    html = get_page(client, start)
    assert "Import content" in html and reverse("importer:template", args=["xlsx"]) in html
    for fmt in ("csv", "xlsx"):
        response = client.get(reverse("importer:template", args=[fmt]))
        assert response.status_code == 200
    header = next(csv.reader(io.StringIO(client.get(reverse("importer:template", args=["csv"])).content.decode())))
    assert header[:3] == ["\ufeffkind", "source_language", "category"]

    upload = io.BytesIO(csv_bytes(ROWS))
    upload.name = "content.csv"
    response = client.post(start, {"file": upload})
    assert response.status_code == 302
    report_url = response.url
    html = words(get_page(client, report_url))
    assert "3 to create" in html and "3 refused" in html
    assert "31/02/2024" in html and "the same item as row 2" in html
    assert state()["items"] == 0

    batch = ImportBatch.objects.get()
    response = client.post(reverse("importer:confirm", args=[batch.token]), {})
    while response.status_code == 200 and "Continue" in response.content.decode():
        response = client.post(reverse("importer:confirm", args=[batch.token]), {})
    assert response.status_code == 302
    page = get_page(client, response.url)
    assert "3 created" in words(page)
    assert ImportedItem.objects.count() == 3
    article = imported(NewsPage, NEWS["title_en"])
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[article.pk])}"' in page
    assert not imported(NewsPage, NEWS["title_en"]).live

    # An Editor is refused the menu item, every screen and the file.
    refused = client_for(editor)
    assert reverse("importer:start") not in get_page(refused, reverse("wagtailadmin_home"))
    for url in (start, report_url, reverse("importer:template", args=["csv"])):
        assert refused.get(url).status_code in (302, 403)
    assert refused.post(reverse("importer:confirm", args=[batch.token])).status_code in (302, 403)


def test_the_admin_works_a_slice_per_request(moderator, import_root, monkeypatch):
    """With no time to spare, each request does one row: the dry run reloads
    itself, the import goes on by "Continue", and the end is the same."""
    from pages.importer import views

    monkeypatch.setattr(views, "SLICE_SECONDS", 0)
    client = client_for(moderator)
    upload = io.BytesIO(csv_bytes(ROWS))
    upload.name = "content.csv"
    report_url = client.post(reverse("importer:start"), {"file": upload}).url
    pages = [get_page(client, report_url) for _ in range(7)]
    assert all('http-equiv="refresh"' in html and "Checking the file" in html for html in pages[:6])
    assert "3 to create" in words(pages[-1]) and 'http-equiv="refresh"' not in pages[-1]
    batch = ImportBatch.objects.get()
    confirm = reverse("importer:confirm", args=[batch.token])
    steps = [client.post(confirm, {"publish": "on"})]
    while steps[-1].status_code == 200:
        assert "Continue" in steps[-1].content.decode() and "admin-import.js" in steps[-1].content.decode()
        steps.append(client.post(confirm, {}))
    assert len(steps) == 7  # seven rows, one a request: the last one ends with the result
    assert "3 created" in words(get_page(client, steps[-1].url))
    assert ImportedItem.objects.count() == 3
    assert imported(NewsPage, NEWS["title_en"]).live  # ticked on the first request, kept to the end


def test_the_admin_in_vietnamese(moderator, import_root):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "vi"
    profile.save()
    client = client_for(moderator)
    upload = io.BytesIO(csv_bytes([BROKEN]))
    upload.name = "content.csv"
    response = client.post(reverse("importer:start"), {"file": upload})
    html = get_page(client, response.url)
    assert "không phải là ngày" in html
    assert '<html lang="vi"' in html


def test_another_moderator_cannot_use_an_upload(moderator, import_root):
    from .editorial import user_in

    client = client_for(moderator)
    upload = io.BytesIO(csv_bytes([NEWS]))
    upload.name = "content.csv"
    report_url = client.post(reverse("importer:start"), {"file": upload}).url
    other = client_for(user_in("Moderators", username="other-moderator"))
    assert other.get(report_url, follow=True).status_code == 404


def test_a_file_that_is_not_a_spreadsheet_is_refused_in_the_admin(moderator, import_root):
    client = client_for(moderator)
    upload = io.BytesIO(b"\x89PNG\r\n")
    upload.name = "picture.png"
    html = client.post(reverse("importer:start"), {"file": upload}).content.decode()
    assert "CSV or XLSX" in html
    assert not ImportBatch.objects.exists()


def test_the_xlsx_template_reads_back_with_its_examples_skipped(moderator, import_root):
    content = client_for(moderator).get(reverse("importer:template", args=["xlsx"])).content
    sheets = load_workbook(io.BytesIO(content), read_only=True).sheetnames
    assert len(sheets) == 2
    report = import_file(import_root, content, "--dry-run", name="template.xlsx")
    assert "0 create, 0 update, 0 unchanged, 0 refused" in report


# Scale ---------------------------------------------------------------------


def many_rows(count):
    """A CSV of ``count`` news rows, written as it is read (a generator)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    yield out.getvalue().encode()
    for number in range(count):
        out.seek(0)
        out.truncate()
        row = {
            **NEWS,
            "title_en": f"Imported article {number}",
            "title_vi": f"Bài nhập {number}",
            "body_en": "One paragraph of text. " * 20,
            "body_vi": "Một đoạn văn bản. " * 20,
            "old_url": f"/article/{1000 + number}",
        }
        writer.writerow([row.get(name, "") for name in HEADER])
        yield out.getvalue().encode()


def test_five_thousand_rows_in_bounded_memory(import_root):
    path = import_root / "large.csv"
    with path.open("wb") as handle:
        for chunk in many_rows(5000):
            handle.write(chunk)
    size = path.stat().st_size
    tracemalloc.start()
    started = time.monotonic()
    try:
        out = io.StringIO()
        call_command("import_content", str(path), "--dry-run", "--progress", "1000", stdout=out)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    elapsed = time.monotonic() - started
    report = out.getvalue()
    assert "5000 create" in report
    assert "… row 1001:" in report and "… row 5001:" in report  # progress every 1,000 rows
    # Bound: what one row costs to check (queries, the plan) plus ~100 bytes a
    # row for the identities seen; far below the file (here ~6 MB), so rows are
    # streamed, not held.
    assert peak < 2 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB file in {elapsed:.0f} s"
    assert size > 5 * 1024 * 1024
