"""The template's columns, in one place: those every kind shares here, and
each kind's own from its section's declaration (pages.importer.kinds).
A header names columns exactly as here (lower case; English in both languages)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    name: str
    help: str  # what it holds, shown in the template's "Columns" sheet
    required: bool = False


KIND = Column("kind", _('What the row is: "news", "events" or "publications". A row starting with # is a note.'), True)
SOURCE_LANGUAGE = Column(
    "source_language", _('The language the item was written in first: "en" (the default) or "vi".')
)
CATEGORY = Column(
    "category",
    _("The address name (slug) of the category page it goes under, in English or Vietnamese, e.g. project-news."),
    True,
)
TITLE_EN = Column("title_en", _("The title in English."))
TITLE_VI = Column("title_vi", _("The title in Vietnamese."))
SUMMARY_EN = Column("summary_en", _("One or two sentences in English, shown under the title and on cards."))
SUMMARY_VI = Column("summary_vi", _("The same in Vietnamese."))
BODY_EN = Column("body_en", _("The text in English; an empty line between paragraphs."))
BODY_VI = Column("body_vi", _("The text in Vietnamese, with as many paragraphs as in English."))
# Shared by the kinds that have a date of their own (news, publications).
DATE = Column(
    "date",
    _(
        "News: the day it was published, YYYY-MM-DD (or YYYY-MM-DD HH:MM). "
        "Publications: the date on the document, YYYY-MM-DD."
    ),
)
THEMES = Column("themes", _("What it is about: its themes' slugs, in English or Vietnamese, separated by ;"))
PARKS = Column("parks", _("The demonstration parks it is about: their slugs, separated by ;"))
OLD_URL = Column(
    "old_url",
    _(
        "Its address on the old website, e.g. /article/81; it will redirect to the new page. "
        "Several, separated by ;, for example an English and a Vietnamese address (/vi/…)."
    ),
)

# Every kind's columns, in the template's order (the kinds' own go between BODY and THEMES).
HEAD = (KIND, SOURCE_LANGUAGE, CATEGORY, TITLE_EN, TITLE_VI, SUMMARY_EN, SUMMARY_VI, BODY_EN, BODY_VI)
TAIL = (THEMES, PARKS, OLD_URL)
# Columns renamed since: a file made from an older template still reads (news' "topics" are themes).
OLD_NAMES = {"topics": "themes"}


def all_columns(kinds):
    """The template's columns: the shared ones and each kind's own, once each."""
    seen, columns = set(), []
    for column in (*HEAD, *(column for kind in kinds for column in kind.columns), *TAIL):
        if column.name not in seen:
            seen.add(column.name)
            columns.append(column)
    return columns
