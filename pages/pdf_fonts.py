"""The site's font, Be Vietnam Pro (OFL), for PDFs made with fpdf2.

The site ships the font only as WOFF2 files split by Unicode range (Latin,
Latin Extended, Vietnamese), as browsers want it. fpdf2 reads TrueType files,
so each WOFF2 file is converted with fontTools (WOFF2 → TTF, about a second for
the six) into a folder of the machine's temporary directory named after the
WOFF2 file's hash: once per machine and font version, whichever process comes
first; a new font version gets a new folder. The three ranges are registered as
one main font and two fallbacks, which fpdf2 uses glyph by glyph, so Vietnamese
letters with their diacritics come out right within Latin text.
"""

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
FAMILY = "bvp"
RANGES = ("latin", "vietnamese", "latin-ext")  # main font first, then the fallbacks
WEIGHTS = {"": "400", "B": "700"}


def _truetype(unicode_range, weight):
    from fontTools.ttLib import TTFont  # only PDFs need it

    source = FONT_DIR / f"be-vietnam-pro-{unicode_range}-{weight}-normal.woff2"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target = Path(tempfile.gettempdir()) / "eipvn-fonts" / digest / f"{source.stem}.ttf"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        font = TTFont(source)
        font.flavor = None  # plain TrueType
        partial = target.with_suffix(f".{os.getpid()}.part")
        font.save(partial)
        partial.replace(target)  # atomic: another process never reads half a file
    return target


def use_site_font(pdf):
    """Register Be Vietnam Pro (regular and bold) on an ``FPDF``; returns the family to select."""
    for unicode_range in RANGES:
        for style, weight in WEIGHTS.items():
            pdf.add_font(f"{FAMILY}-{unicode_range}", style, _truetype(unicode_range, weight))
    pdf.set_fallback_fonts([f"{FAMILY}-{unicode_range}" for unicode_range in RANGES[1:]])
    return f"{FAMILY}-{RANGES[0]}"
