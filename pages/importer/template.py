"""The template to download: the header row and two example rows, one written
first in English and one first in Vietnamese. Their kind starts with ``#``, so
the importer skips them: an editor may keep them or delete them. The XLSX has
a second sheet describing each column in the editor's language.

The examples name the site's own first category, park and theme of each kind,
so that, with the ``#`` removed, they are rows the dry run accepts (once the example
file named by path is in the import folder).
"""

import csv
import io

from django.utils.translation import gettext as _
from wagtail.models import Locale

from pages.importer import columns as shared
from pages.importer.kinds import kinds
from pages.spreadsheets import safe_row


def _first_slug(model, language):
    if model is None:
        return ""
    page = model.objects.filter(locale__language_code=language).order_by("path").first()
    return page.slug if page is not None else ""


def _first_theme(kind, language):
    if not kind or not kind.themes:
        return ""
    theme = kind.themes[2].objects.filter(locale__language_code=language).order_by("pk").first()
    return theme.slug if theme is not None else ""


def examples():
    """The two example rows, as {column: value}."""
    found = kinds()
    news, publications = found.get("news"), found.get("publications")
    park_model = next((kind.parks[2] for kind in found.values() if kind.parks), None)
    has_vietnamese = Locale.objects.filter(language_code="vi").exists()
    english_first = {
        "kind": "#news",
        "source_language": "en",
        "category": _first_slug(news.category_model if news else None, "en"),
        "title_en": "Example: an article written first in English",
        "title_vi": "Ví dụ: một bài viết trước bằng tiếng Anh",
        "summary_en": "An example row: the importer skips a row whose kind starts with #.",
        "summary_vi": "Dòng ví dụ: dòng có kind bắt đầu bằng # sẽ được bỏ qua khi nhập.",
        "body_en": "The first paragraph.\n\nThe second paragraph.",
        "body_vi": "Đoạn thứ nhất.\n\nĐoạn thứ hai.",
        "date": "2019-06-12",
        "themes": _first_theme(news, "en"),
        "parks": _first_slug(park_model, "en"),
        "old_url": "/article/81; /vi/article/81",
    }
    vietnamese_first = {
        "kind": "#publications",
        "source_language": "vi",
        "category": _first_slug(
            publications.category_model if publications else None, "vi" if has_vietnamese else "en"
        ),
        "title_en": "Example: a document written first in Vietnamese",
        "title_vi": "Ví dụ: một văn bản viết trước bằng tiếng Việt",
        "summary_en": "An example row: remove the # from its kind to import a row like it.",
        "summary_vi": "Dòng ví dụ: bỏ dấu # ở cột kind để nhập một dòng như thế này.",
        "publication_type": "law",
        "date": "2022-05-28",
        "file_vi": "documents/example.pdf",
        "themes": _first_theme(publications, "vi" if has_vietnamese else "en"),
        "parks": _first_slug(park_model, "vi" if has_vietnamese else "en"),
        "old_url": "/vi/document/35",
    }
    return [english_first, vietnamese_first]


def _table():
    names = [column.name for column in shared.all_columns(kinds().values())]
    return names, [[row.get(name, "") for name in names] for row in examples()]


def as_csv():
    names, rows = _table()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(names)
    for row in rows:
        writer.writerow(safe_row(row))
    return out.getvalue().encode("utf-8-sig")  # Excel reads Vietnamese right with the byte-order mark


def described_columns():
    """[(column, what it holds, required)] in the active language."""
    return [(column.name, str(column.help), column.required) for column in shared.all_columns(kinds().values())]


def as_xlsx():
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    names, rows = _table()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Import")[:31]
    sheet.append(names)
    for row in rows:
        sheet.append(safe_row(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, _name in enumerate(names, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = 24
    sheet.freeze_panes = "A2"
    about = workbook.create_sheet(_("Columns")[:31])
    about.append([_("Column"), _("Required"), _("What it holds")])
    for cell in about[1]:
        cell.font = Font(bold=True)
    for name, help_text, required in described_columns():
        about.append([name, _("yes") if required else "", help_text])
    about.column_dimensions["A"].width = 20
    about.column_dimensions["B"].width = 10
    about.column_dimensions["C"].width = 100
    for row in about.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
