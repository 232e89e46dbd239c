"""What changed in a source since it was last translated, segment by segment.

Every sync of a translation source (wagtail-localize's "Sync translated pages",
"Publish and update translations", the demo) goes through ``recording``: it
notes each field's strings before and after, and for each string replaced by
another in the same place writes a ``SegmentChange``. A translator then sees,
for each string still to translate, what the source said when it was last
translated beside what it says now (a word-level difference) and that earlier
translation. Unchanged strings keep their translation (wagtail-localize's own
rule: a translation belongs to a string in its place).
"""

import contextlib
import difflib
import html
import re
import unicodedata
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils.safestring import mark_safe
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.strings import StringValue

from pages.models import SegmentChange

HISTORY = 10  # how many syncs back a changed string is followed to its last translation
WORDS = re.compile(r"\w+|\s+|[^\w\s]")


def _strings_by_place(source):
    """{context id: [string id, … in order]} of the source's string segments."""
    places = {}
    rows = StringSegment.objects.filter(source=source).order_by("context_id", "order")
    for context_id, string_id in rows.values_list("context_id", "string_id"):
        places.setdefault(context_id, []).append(string_id)
    return places


@contextlib.contextmanager
def recording(source):
    """Around a sync of ``source`` (its ``update_from_db``): record each string
    that another replaced in the same place (a field, or one block's text)."""
    before = _strings_by_place(source)
    yield
    after = _strings_by_place(source)
    changes = []
    for context_id, old in before.items():
        new = after.get(context_id)
        if not new or new == old:
            continue
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "replace":
                for previous, current in zip(old[i1:i2], new[j1:j2], strict=False):
                    changes.append(SegmentChange(source=source, context_id=context_id, previous_id=previous,
                                                 current_id=current))  # fmt: skip
    SegmentChange.objects.bulk_create(changes)


def sync(source):
    """``source.update_from_db()``, recorded."""
    with recording(source):
        source.update_from_db()


@dataclass
class Change:
    context: object  # wagtail_localize TranslationContext: where in the page
    before: str  # the source's text when it was last translated
    now: str  # the source's text now
    translation: str  # the translation of ``before``

    @property
    def difference(self):
        """The source's words: removed in <del>, added in <ins>, HTML-escaped."""
        return word_difference(self.before, self.now)


def _text(string):
    return unicodedata.normalize("NFC", StringValue(string.data).render_text())


def changes_for(translation):
    """For each string of ``translation``'s source still untranslated in its
    language, if it replaced a string that was translated: a ``Change``."""
    locale_id = translation.target_locale_id
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"), locale_id=locale_id
    )
    waiting = list(
        StringSegment.objects.filter(source=translation.source)
        .annotate(done=Exists(translated))
        .filter(done=False)
        .select_related("string", "context")
        .order_by("order")
    )
    if not waiting:
        return []
    history = {}
    for change in SegmentChange.objects.filter(source=translation.source).select_related("previous").order_by("-pk"):
        history.setdefault((change.context_id, change.current_id), change.previous)
    translations = {
        (row.context_id, row.translation_of_id): row.data
        for row in StringTranslation.objects.filter(
            locale_id=locale_id, context_id__in={segment.context_id for segment in waiting}
        )
    }
    found = []
    for segment in waiting:
        string = segment.string
        for _step in range(HISTORY):
            previous = history.get((segment.context_id, string.pk))
            if previous is None:
                break
            if (segment.context_id, previous.pk) in translations:
                text = translations[(segment.context_id, previous.pk)]
                found.append(Change(segment.context, _text(previous), _text(segment.string),
                                    unicodedata.normalize("NFC", StringValue(text).render_text())))  # fmt: skip
                break
            string = previous
    return found


def count_changes(translations):
    """``len(changes_for(translation))`` for each of ``translations`` (by
    pk), in three queries per target language whatever their number: what a
    page of the Translations report shows."""
    counts = {}
    by_locale = {}
    for translation in translations:
        by_locale.setdefault(translation.target_locale_id, []).append(translation)
    for locale_id, group in by_locale.items():
        sources = {translation.source_id for translation in group}
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"), locale_id=locale_id
        )
        waiting = list(
            StringSegment.objects.filter(source_id__in=sources)
            .annotate(done=Exists(translated))
            .filter(done=False)
            .values_list("source_id", "context_id", "string_id")
        )
        history = {}
        for source_id, context_id, current_id, previous_id in (
            SegmentChange.objects.filter(source_id__in=sources)
            .order_by("-pk")
            .values_list("source_id", "context_id", "current_id", "previous_id")
        ):
            history.setdefault((source_id, context_id, current_id), previous_id)
        done = set(
            StringTranslation.objects.filter(
                locale_id=locale_id, context_id__in={context_id for _s, context_id, _i in waiting}
            ).values_list("context_id", "translation_of_id")
        )
        changed = {}
        for source_id, context_id, string_id in waiting:
            for _step in range(HISTORY):
                previous = history.get((source_id, context_id, string_id))
                if previous is None:
                    break
                if (context_id, previous) in done:
                    changed[source_id] = changed.get(source_id, 0) + 1
                    break
                string_id = previous
        counts.update({translation.pk: changed.get(translation.source_id, 0) for translation in group})
    return counts


def word_difference(before, now):
    """HTML of ``now`` against ``before``, word by word (NFC first: a Vietnamese
    word typed with combining marks is the same word)."""
    old = WORDS.findall(unicodedata.normalize("NFC", before))
    new = WORDS.findall(unicodedata.normalize("NFC", now))
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            parts.append(f"<del>{html.escape(''.join(old[i1:i2]))}</del>")
        if tag in ("replace", "insert"):
            parts.append(f"<ins>{html.escape(''.join(new[j1:j2]))}</ins>")
        if tag == "equal":
            parts.append(html.escape("".join(old[i1:i2])))
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped above
