"""Translators see what changed: after a sync, each string the source changed
is shown in wagtail-localize's editor beside what it said before (a word-level
difference) with the earlier translation; unchanged strings stay translated;
the Translations report counts the changed strings."""

import csv
import io
import re
from html import unescape

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation

from pages.editorial.segment_history import changes_for, word_difference
from pages.models import SegmentChange, StandardPage

from .editorial import client_for, translation_of, twin
from .factories import build
from .fixtures import get_page

pytestmark = pytest.mark.django_db

FIRST = "Companies in the park reuse treated water for cooling."
SECOND = "The park's operator publishes the figures every year."
FIRST_VI = "Các doanh nghiệp trong khu tái sử dụng nước đã xử lý để làm mát."
SECOND_VI = "Chủ đầu tư hạ tầng công bố số liệu hằng năm."


@pytest.fixture
def translated_page(vietnamese):
    return build(
        StandardPage,
        title="Water reuse at Hoa Khanh",
        body=[{"type": "paragraph", "value": f"<p>{FIRST}</p><p>{SECOND}</p>"}],
        vietnamese="translated",
        vi={"title": "Tái sử dụng nước tại Hòa Khánh"},
        vi_texts={FIRST: FIRST_VI, SECOND: SECOND_VI},
    )


def change_and_sync(page, moderator):
    """The English title and first paragraph edited and published, then
    "Sync translated pages" in the admin, as a Moderator does."""
    page.title = "Water and heat reuse at Hoa Khanh"
    first = "Companies in the park reuse treated water and waste heat for cooling."
    # The same block, its text edited (a block keeps its id when an editor changes it).
    blocks = list(page.body.raw_data)
    blocks[0] = {**blocks[0], "value": f"<p>{first}</p><p>{SECOND}</p>"}
    page.body = blocks
    page.save_revision().publish()
    source = translation_of(page, Locale.objects.get(language_code="vi")).source
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client_for(moderator).post(url, {}).status_code == 302
    return first


def sides(html):
    """(before, now) read back from a difference: without what was added, without what was removed."""
    before = re.sub(r"<ins>.*?</ins>|</?del>", "", html)
    now = re.sub(r"<del>.*?</del>|</?ins>", "", html)
    return unescape(before), unescape(now)


def test_a_word_difference_marks_removed_and_added_words_only():
    html = word_difference("Water reuse at Hoa Khanh", "Water and heat reuse at Hoa Khanh")
    assert sides(html) == ("Water reuse at Hoa Khanh", "Water and heat reuse at Hoa Khanh")
    assert re.fullmatch(r"Water ?<ins> ?and heat ?</ins> ?reuse at Hoa Khanh", html)
    assert word_difference("a <b>", "a <c>") == "a &lt;<del>b</del><ins>c</ins>&gt;"
    # The same Vietnamese word typed with combining marks (NFD) is no change.
    assert word_difference("Nước thải", "Nu\u031bo\u031b\u0301c tha\u0309i") == "Nước thải"


def test_after_a_sync_the_translator_sees_each_changed_string_with_its_difference(
    translated_page, moderator, translator, vietnamese
):
    first = change_and_sync(translated_page, moderator)
    translation = translation_of(translated_page, vietnamese)
    assert SegmentChange.objects.filter(source=translation.source).count() == 2

    changes = {change.before: change for change in changes_for(translation)}
    assert set(changes) == {"Water reuse at Hoa Khanh", FIRST}
    assert changes[FIRST].now == first and changes[FIRST].translation == FIRST_VI
    assert changes["Water reuse at Hoa Khanh"].translation == "Tái sử dụng nước tại Hòa Khánh"
    assert sides(changes[FIRST].difference) == (FIRST, first)
    assert "and waste heat" in re.search(r"<ins>(.*?)</ins>", changes[FIRST].difference).group(1)

    # The unchanged paragraph keeps its translation.
    second = StringSegment.objects.get(source=translation.source, string__data=SECOND)
    assert StringTranslation.objects.filter(
        translation_of=second.string, context=second.context, locale=vietnamese, data=SECOND_VI
    ).exists()

    # In wagtail-localize's editor, as the translator opens the Vietnamese page.
    html = unescape(
        get_page(
            client_for(translator), reverse("wagtailadmin_pages:edit", args=[twin(translated_page, vietnamese).pk])
        )
    )
    assert "2 strings changed in the source since they were last translated" in html
    assert re.search(r"Water ?<ins> ?and heat ?</ins> ?reuse at Hoa Khanh", html)
    assert FIRST_VI in html and 'class="js-translation-editor"' in html


def test_once_translated_again_nothing_is_shown_and_a_later_sync_compares_with_that(
    translated_page, moderator, vietnamese
):
    change_and_sync(translated_page, moderator)
    translation = translation_of(translated_page, vietnamese)
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string", "context"):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string, context=segment.context, locale=vietnamese,
            defaults={"data": f"VI {segment.string.data}"},
        )  # fmt: skip
    assert changes_for(translation) == []
    translated_page.title = "Water, heat and steam reuse at Hoa Khanh"
    translated_page.save_revision().publish()
    translation.source.refresh_from_db()
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    assert client_for(moderator).post(url, {}).status_code == 302
    (change,) = changes_for(translation)
    assert change.before == "Water and heat reuse at Hoa Khanh"
    assert change.translation == "VI Water and heat reuse at Hoa Khanh"


def test_the_report_counts_the_strings_changed_since_the_last_translation(translated_page, moderator, vietnamese):
    change_and_sync(translated_page, moderator)
    client = client_for(moderator)
    url = reverse("pages_editorial:translations_report")
    response = client.get(url + "?state=partial&export=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][-1] == "Changed since last translated"
    (row,) = [row for row in rows[1:] if row[2] == "Water and heat reuse at Hoa Khanh"]
    assert row[-1] == "2"
    html = get_page(client, url + "?state=partial")
    assert re.search(r"Water and heat reuse at Hoa Khanh.*?2 changed", html, re.S)


def test_no_sync_bypasses_the_record():
    """Every sync of a source goes through segment_history: wagtail-localize's
    own call is wrapped (its view), ours call segment_history.sync."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    callers = [
        str(path.relative_to(root))
        for folder in ("pages", "news", "events", "publications", "parks", "eipvn")
        for path in (root / folder).rglob("*.py")
        if "update_from_db(" in path.read_text() and "/tests/" not in str(path)
    ]
    assert callers == ["pages/editorial/segment_history.py"]
