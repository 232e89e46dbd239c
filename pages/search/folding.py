"""Vietnamese without its accents, the one place for it: "Đà Nẵng" becomes
"da-nang" in a slug and meets "da nang" in search.

- Slugs: Django's slugify drops "đ"/"Đ" (Unicode does not decompose them), and
  wagtail-localize runs every translated slug through it; anyascii (a Wagtail
  dependency) transliterates first, whole words at a time ("æ" → "ae").
- Search: text is normalised to NFC, then each character is folded on its own
  (NFD, combining marks dropped, đ → d, lower case) to exactly one character, so
  a position in the folded text is the same position in the original and
  highlighting can mark the original words.

Both give the same letters for every Vietnamese letter (tests/test_slugs.py).
"""

import re
import unicodedata

from anyascii import anyascii
from django.utils.text import slugify

_SPECIAL = {"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "s"}


def _fold_char(char):
    if char in _SPECIAL:
        return _SPECIAL[char]
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    base = base.lower()
    return base if len(base) == 1 else (base[:1] or " ")


def transliterate_slug(value):
    """An ASCII slug: "Đà Nẵng" → "da-nang"."""
    return slugify(anyascii(str(value)))


def prepare(text):
    """The original text in NFC, as stored and shown."""
    return unicodedata.normalize("NFC", text or "")


# Code point -> folded character, filled as characters are met (bounded: odd
# input cannot grow it without limit), so that folding is one str.translate.
_FOLDED = {}
_FOLDED_LIMIT = 4096


_KNOWN = set()  # the characters in _FOLDED, to find a text's new ones in one set operation


def fold(text):
    """One folded character per character of prepare(text)."""
    text = prepare(text)
    table = _FOLDED
    for char in set(text).difference(_KNOWN):
        if table is _FOLDED and len(table) >= _FOLDED_LIMIT:
            table = dict(table)  # new characters for this call only
        table[ord(char)] = _fold_char(char)
        if table is _FOLDED:
            _KNOWN.add(char)
    return text.translate(table)


WORD = re.compile(r"[0-9a-z]+")


def search_form(text):
    """Folded words separated by single spaces, with a space at each end, so a
    whole word is found with `contains(" word ")`."""
    return " " + " ".join(WORD.findall(fold(text))) + " "


def query_words(query, limit=10):
    return WORD.findall(fold(query))[:limit]
