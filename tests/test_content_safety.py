"""What editors and translators type cannot attack the people who read it.

Links that would run a script are refused on save and dropped on render;
embeds come only from the allowed video sites; spreadsheets the site produces
never run a cell as a formula.
"""

import csv
import io
import json
import re
from decimal import Decimal
from urllib.parse import quote

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.rich_text import RichText
from wagtail_localize.models import OverridableSegment, TranslationSource

from pages.models import ContactPage, Partner, RelatedAgency, StandardPage
from parks.indicators import Kind
from parks.models import ParkIndicator, ParkPage
from tests.editorial import client_for, translation_of, twin
from tests.factories import build, section


@pytest.fixture(autouse=True)
def _english():
    """Messages in English unless a test asks for Vietnamese (an earlier request may leave "vi" active)."""
    with translation.override("en"):
        yield


# Links that run a script ------------------------------------------------------

SCRIPT_LINKS = [
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    " \x01\tjavascript:alert(1)",
    "java\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript&colon;alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "VBScript:msgbox(1)",
]
MESSAGE = "cannot be used as a link"
MESSAGE_VI = "không thể dùng làm liên kết"
SCRIPT_HREF = re.compile(r"""(href|src)\s*=\s*["']?[\s\x00-\x20]*(javascript|vbscript|data|&#)""", re.IGNORECASE)


def messages_of(error, field):
    return [str(message) for message in error.value.message_dict.get(field, [])]


def call_to_action(url):
    link = {"page": None, "url": url}
    return ("call_to_action", {"heading": "Join us", "text": "", "link": link, "button_label": "Join"})


def paragraph(url):
    return ("paragraph", RichText(f'<p>Read <a href="{url}">the report</a>.</p>'))


@pytest.fixture
def standard_page(db):
    """A page of text with its Vietnamese translation, tracked by wagtail-localize."""
    return build(StandardPage, vietnamese="translated")


@pytest.mark.parametrize("url", SCRIPT_LINKS)
@pytest.mark.parametrize("block", [call_to_action, paragraph], ids=["link-block", "rich-text"])
def test_a_script_link_in_a_page_is_refused_with_a_clear_message(standard_page, url, block):
    standard_page.body = [block("https://www.unido.org/"), block(url)]
    with pytest.raises(ValidationError) as error:
        standard_page.full_clean()
    assert any(MESSAGE in message for message in messages_of(error, "body"))


@pytest.mark.parametrize("url", SCRIPT_LINKS)
@pytest.mark.parametrize("model", [Partner, RelatedAgency])
def test_a_script_link_in_a_snippet_is_refused_with_a_clear_message(db, english, model, url):
    snippet = model.objects.filter(locale=english).first()
    snippet.url = url
    with pytest.raises(ValidationError) as error:
        snippet.full_clean()
    assert any(MESSAGE in message for message in messages_of(error, "url"))


def test_the_message_is_in_vietnamese_for_a_vietnamese_translator(standard_page):
    standard_page.body = [call_to_action("javascript:alert(1)")]
    with translation.override("vi"):
        with pytest.raises(ValidationError) as error:
            standard_page.full_clean()
        messages = messages_of(error, "body")
    assert any(MESSAGE_VI in message for message in messages), messages


@pytest.mark.parametrize(
    "url", ["https://www.unido.org/", "http://example.org/a?b=c", "mailto:eip@example.org", "/en/"]
)
def test_ordinary_links_are_accepted(standard_page, url):
    standard_page.body = [call_to_action(url), paragraph(url)]
    standard_page.full_clean()


@pytest.mark.parametrize("url", SCRIPT_LINKS)
def test_a_script_link_saved_earlier_is_dropped_when_the_page_renders(client, standard_page, url):
    standard_page.body = [call_to_action(url), paragraph(url)]
    standard_page.save(clean=False)  # as content saved before this check existed
    html = client.get(standard_page.url).content.decode()
    assert "the report" in html  # the text stays; a call to action leading nowhere is left out
    assert not SCRIPT_HREF.search(html)


def test_a_translator_override_with_a_script_link_neither_previews_nor_publishes(
    standard_page, moderator, translator, vietnamese
):
    standard_page.body = [call_to_action("https://www.unido.org/join")]
    standard_page.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(standard_page)
    source.update_from_db()
    translation_ = translation_of(standard_page, vietnamese)
    segment = OverridableSegment.objects.get(source=source, data_json=json.dumps("https://www.unido.org/join"))

    response = client_for(translator).put(
        reverse("wagtail_localize:edit_override", args=[translation_.pk, segment.pk]),
        "value=" + quote("JavaScript:alert(document.cookie)"),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)

    preview = client_for(moderator).get(reverse("wagtail_localize:preview_translation", args=[translation_.pk]))
    assert preview.status_code == 200 and twin(standard_page, vietnamese).title in preview.content.decode()
    assert not SCRIPT_HREF.search(preview.content.decode())

    with pytest.raises(ValidationError):
        translation_.save_target(user=moderator, publish=True)
    assert "alert(document.cookie)" not in json.dumps(list(twin(standard_page, vietnamese).body.raw_data))


def test_a_script_link_in_a_field_the_form_does_not_show_is_a_form_error_not_a_crash(standard_page):
    """ContactPage's body is not in its edit form, for instance."""
    from django.forms import modelform_factory

    standard_page.body = [call_to_action("javascript:alert(1)")]
    form_class = modelform_factory(StandardPage, fields=["title", "slug"])
    form = form_class({"title": standard_page.title, "slug": standard_page.slug}, instance=standard_page)
    assert not form.is_valid()
    assert any(MESSAGE in message for message in form.non_field_errors())


def test_every_model_with_a_link_field_refuses_script_links():
    """Walks every model of the site's apps: a new URL field, link-named text
    field, rich text field or StreamField with a URL, embed or rich text block
    must be checked on save (SafeLinksMixin), or this test names it."""
    from pages.links import SafeLinksMixin, model_link_fields

    ours = {"pages", "updates", "opendata", "parks", "events", "news", "publications"}
    unchecked, checked = [], []
    for model in apps.get_models():
        if model._meta.app_label not in ours:
            continue
        fields = model_link_fields(model)
        if fields:
            (checked if issubclass(model, SafeLinksMixin) else unchecked).append(
                f"{model._meta.label}: {', '.join(field.name for field in fields)}"
            )
    assert not unchecked, unchecked
    # The walk finds the link fields there are today, so it would find a new one.
    assert {"parks.ParkPage", "events.EventPage", "news.NewsPage", "publications.VideoPage", "pages.Partner"} <= {
        entry.split(":")[0] for entry in checked
    }


def test_the_block_walk_finds_every_link_inside_streamfields(standard_page):
    from pages.links import urls_in_block

    standard_page.body = [
        call_to_action("https://a.example/"),
        paragraph("https://b.example/"),
        ("embed", "https://www.youtube.com/watch?v=abc"),
    ]
    field = StandardPage._meta.get_field("body")
    found = set(urls_in_block(field.stream_block, standard_page.body))
    assert found == {"https://a.example/", "https://b.example/", "https://www.youtube.com/watch?v=abc"}


# Embeds -----------------------------------------------------------------------

EVIL_HTML = '<script>alert("embedded")</script>'


class FakeOEmbedResponse:
    def __init__(self, html):
        self.html = html

    def raise_for_status(self):
        pass

    def json(self):
        return {"type": "video", "html": self.html, "title": "A video", "width": 640, "height": 360}


@pytest.fixture
def oembed_requests(monkeypatch):
    """Every oEmbed request the server would make, answered without the network."""
    from wagtail.embeds.finders import oembed

    asked = []

    def get(endpoint, params=None, **kwargs):
        asked.append(endpoint)
        return FakeOEmbedResponse(
            EVIL_HTML if "youtube" not in endpoint else '<iframe src="https://www.youtube.com/embed/x"></iframe>'
        )

    monkeypatch.setattr(oembed.requests, "get", get)
    return asked


def embed_block():
    return StandardPage._meta.get_field("body").stream_block.child_blocks["embed"]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.flickr.com/photos/someone/123456/",  # a provider Wagtail knows, not one we allow
        "https://www.tiktok.com/@someone/video/123456",
        "https://evil.example/video/1",
    ],
)
def test_an_embed_from_another_site_is_refused_with_a_clear_message(db, oembed_requests, url):
    from wagtail.embeds.blocks import EmbedValue

    with pytest.raises(ValidationError) as error:
        embed_block().clean(EmbedValue(url))
    assert "Only videos from these sites can be embedded: YouTube, Vimeo." in " ".join(error.value.messages)
    assert oembed_requests == [], "the server asked another site for HTML"


def test_the_embed_message_is_in_vietnamese_for_a_vietnamese_editor(db, oembed_requests):
    from wagtail.embeds.blocks import EmbedValue

    with translation.override("vi"):
        with pytest.raises(ValidationError) as error:
            embed_block().clean(EmbedValue("https://evil.example/video/1"))
        messages = " ".join(error.value.messages)
    assert "Chỉ có thể nhúng video từ các trang sau: YouTube, Vimeo." in messages


def test_an_embed_from_youtube_is_accepted(db, oembed_requests):
    from wagtail.embeds.blocks import EmbedValue

    embed_block().clean(EmbedValue("https://www.youtube.com/watch?v=abcdefghijk"))
    assert oembed_requests == ["https://www.youtube.com/oembed"]


def test_an_embed_from_another_site_stored_earlier_is_shown_as_a_link_only(client, standard_page):
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    url = "https://www.flickr.com/photos/someone/123456/"
    Embed.objects.create(url=url, hash=get_embed_hash(url), type="video", html=EVIL_HTML, title="x", thumbnail_url="")
    standard_page.body = [("embed", url)]
    standard_page.save(clean=False)
    html = client.get(standard_page.url).content.decode()
    assert 'alert("embedded")' not in html
    assert f'class="embed-fallback"><a href="{url}"' in html


# Spreadsheets ------------------------------------------------------------------

FORMULAS = ["=1+2", "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1+2", "\r=1+2", '=HYPERLINK("https://evil.example","x")']


def csv_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def assert_inert(cells, formula):
    """The formula's text is there, and no cell starts like a formula."""
    assert f"'{formula}" in cells, (formula, cells)
    assert not [cell for cell in cells if isinstance(cell, str) and cell[:1] in {"=", "+", "@", "\t", "\r"}]


@pytest.mark.parametrize("text", ["=1+2", "+1", "-1", "@x", "\tx", "\rx"])
def test_safe_cell_neutralises_every_formula_start(text):
    from pages.spreadsheets import safe_cell

    assert safe_cell(text) == "'" + text


def test_safe_cell_keeps_real_numbers_as_numbers():
    from pages.spreadsheets import safe_cell

    assert safe_cell(-5) == -5 and safe_cell(Decimal("-1.50")) == Decimal("-1.50") and safe_cell(2.5) == 2.5
    assert safe_cell(Decimal("1E+3")) == Decimal("1000") and str(safe_cell(Decimal("1E+3"))) == "1000"
    assert safe_cell("Hà Nội") == "Hà Nội" and safe_cell(None) == ""


@pytest.mark.parametrize("formula", FORMULAS)
def test_the_public_indicators_csv_runs_no_formula(db, client, formula):
    indicator = ParkIndicator(kind=Kind.ENERGY, year=2023, value=Decimal("12500"), source=formula)
    page = build(ParkPage, indicators=[indicator])
    rows = csv_rows(client.get(page.url + "indicators-csv/"))
    assert_inert([cell for row in rows for cell in row], formula)


@pytest.fixture
def staff_client(db, client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("sheets", "sheets@example.org", "pw-long-enough"))
    return client


def xlsx_cells(response):
    import openpyxl

    content = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [cell.value for row in sheet.iter_rows() for cell in row]


@pytest.mark.parametrize("formula", FORMULAS)
def test_contact_submissions_export_runs_no_formula(staff_client, formula):
    from wagtail.contrib.forms.models import FormSubmission

    page = section(ContactPage)
    FormSubmission.objects.create(page=page, form_data={"name": formula, "email": "a@example.org", "message": "Hi"})
    url = reverse("wagtailforms:list_submissions", args=(page.pk,))
    rows = csv_rows(staff_client.get(url + "?export=csv"))
    assert_inert([cell for row in rows for cell in row], formula)
    cells = xlsx_cells(staff_client.get(url + "?export=xlsx"))
    assert_inert(cells, formula.replace("\r", "\n"))  # XML reads a carriage return as a line feed


@pytest.mark.parametrize("formula", FORMULAS)
def test_company_results_export_runs_no_formula_and_keeps_numbers(staff_client, english, formula):
    from parks.models import CompanyResult

    result = CompanyResult.objects.filter(locale=english).first()
    result.company = formula
    result.save()
    url = reverse("wagtailsnippets_parks_companyresult:list")
    rows = csv_rows(staff_client.get(url + "?export=csv"))
    assert_inert([cell for row in rows for cell in row], formula)
    cells = xlsx_cells(staff_client.get(url + "?export=xlsx"))
    assert_inert(cells, formula.replace("\r", "\n"))
    # Figures stay numbers a spreadsheet can sum.
    assert any(isinstance(cell, int | float) and not isinstance(cell, bool) for cell in cells)


@pytest.mark.parametrize("formula", FORMULAS)
def test_translation_report_csv_runs_no_formula(moderator, standard_page, formula):
    StandardPage.objects.filter(pk=standard_page.pk).update(title=formula)
    response = client_for(moderator).get(reverse("pages_editorial:translations_report") + "?export=csv")
    assert_inert([cell for row in csv_rows(response) for cell in row], formula)


# Access log ----------------------------------------------------------------------

FORGING_AGENT = 'Mozilla/5.0", "status": "500", "path": "/admin/\n{"forged": true, "agent": "x'


def access_line(agent, path="/en/", query=""):
    """One access-log line as gunicorn writes it with eipvn/gunicorn.conf.py."""
    import datetime
    import logging
    import runpy
    from types import SimpleNamespace

    from django.conf import settings
    from gunicorn.config import Config

    conf = runpy.run_path(str(settings.BASE_DIR / "eipvn" / "gunicorn.conf.py"))
    cfg = Config()
    for name in ("logger_class", "access_log_format", "accesslog"):
        if name in conf:
            cfg.set(name, conf[name])
    log = cfg.logger_class(cfg)
    stream = io.StringIO()
    log.access_log.handlers = [logging.StreamHandler(stream)]
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.9",
        "HTTP_USER_AGENT": agent,
    }
    response = SimpleNamespace(status="200 OK", sent=512, headers=[])
    request = SimpleNamespace(headers=[("USER-AGENT", agent)])
    log.access(response, request, environ, datetime.timedelta(milliseconds=42))
    return stream.getvalue()


def test_a_user_agent_with_quotes_and_newlines_cannot_forge_access_log_fields():
    output = access_line(FORGING_AGENT)
    lines = output.splitlines()
    assert len(lines) == 1, output
    entry = json.loads(lines[0])
    assert entry["agent"] == FORGING_AGENT
    assert (entry["status"], entry["path"], entry["method"], entry["remote"]) == (200, "/en/", "GET", "203.0.113.9")
    assert "forged" not in entry and entry["bytes"] == 512 and entry["duration_ms"] == 42


def test_the_access_log_leaves_out_secrets_in_urls():
    token = "cqz1xh-4f1c2b9e8d7a6f5e4d3c2b1a09f8e7d6"  # Django's password-reset token: <time>-<32 hex>
    entry = json.loads(access_line("curl", f"/admin/password_reset/confirm/MQ/{token}/", "next=/admin/&code=123456"))
    assert token not in json.dumps(entry) and "4f1c2b9e" not in json.dumps(entry) and "123456" not in json.dumps(entry)
    assert entry["path"] == "/admin/password_reset/confirm/MQ/[redacted]/"
    assert entry["query"].startswith("next=/admin/&code=")


# Backups -------------------------------------------------------------------------


def test_backups_are_readable_by_their_owner_only(tmp_path, settings, monkeypatch):
    """They hold password hashes, TOTP secrets and contact messages."""
    import os
    import sqlite3
    import stat

    from pages.operations import backups

    database = tmp_path / "site.sqlite3"
    sqlite3.connect(database).close()
    monkeypatch.setattr(backups, "_database", lambda: ("sqlite", {"NAME": str(database)}))
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "photo.jpg").write_bytes(b"jpeg")
    previous = os.umask(0o022)  # the usual umask, under which files come out world-readable
    try:
        folder = backups.backup(tmp_path / "backups")
    finally:
        os.umask(previous)

    def mode(path):
        return stat.S_IMODE(path.stat().st_mode)

    assert mode(tmp_path / "backups") == 0o700 and mode(folder) == 0o700
    files = sorted(folder.iterdir())
    assert {path.name for path in files} == {"database.sqlite3", "media.tar.gz", "manifest.json"}
    assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}


def test_the_backup_command_says_its_checksums_are_no_signature():
    from pages.management.commands.backup import Command

    assert "not a signature" in Command.help
