"""What a visitor on a slow connection downloads: every page type in both
languages stays within 70 KB of HTML, CSS, JavaScript and fonts (compressed,
images excluded), and nothing a page asks for is answered 404."""

import gzip
import posixpath
import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders

from .fixtures import get_page, one_page_per_type_and_language

pytestmark = pytest.mark.django_db

BUDGET = 70_000  # bytes transferred
STYLESHEETS = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
SCRIPTS = re.compile(r'<script src="([^"]+)"')
ASSETS = re.compile(r'<(?:link|script|img|source|video)\b[^>]*?\b(?:href|src|srcset|poster)="([^"]+)"')
FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}")


def static_file(url):
    path = finders.find(urlsplit(url).path.removeprefix("/static/"))
    assert path, f"{url} is not a static file"
    with open(path, "rb") as file:
        return file.read()


def compressed(data):
    return len(gzip.compress(data, compresslevel=9))


def font_faces(css):
    """(weight, url, code point ranges) of each @font-face, in declaration order."""
    faces = []
    for body in FONT_FACE.findall(css):
        weight = re.search(r"font-weight:\s*(\d+)", body).group(1)
        url = re.search(r'url\("([^"]+)"\)', body).group(1)
        ranges = []
        for part in re.search(r"unicode-range:\s*([^;]+);", body).group(1).split(","):
            start, _, end = part.strip().removeprefix("U+").partition("-")
            ranges.append((int(start, 16), int(end or start, 16)))
        faces.append((weight, url, ranges))
    return faces


def visible_text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    placeholders = " ".join(re.findall(r'placeholder="([^"]*)"', html))
    return unescape(re.sub(r"<[^>]+>", " ", html)) + placeholders


def fonts_fetched(css, text):
    """The font files a browser fetches for ``text``, in both weights: for each
    character, the last declared face of the weight whose range covers it."""
    files = set()
    faces = font_faces(css)
    for weight in {face[0] for face in faces}:
        candidates = [face for face in reversed(faces) if face[0] == weight]
        for char in set(text) - set(" \n\t"):
            code = ord(char)
            face = next((f for f in candidates if any(a <= code <= b for a, b in f[2])), None)
            if face is not None:
                files.add(face[1])
    return files


def page_weight(client, url):
    html = get_page(client, url)
    sizes = {"html": compressed(html.encode())}
    css_text = ""
    for href in STYLESHEETS.findall(html):
        css = static_file(href)
        css_text += css.decode()
        sizes[href] = compressed(css)
    for src in SCRIPTS.findall(html):
        sizes[src] = compressed(static_file(src))
    css_folder = STYLESHEETS.findall(html)[0].rsplit("/", 1)[0]
    for font in fonts_fetched(css_text, visible_text(html)):
        sizes[font] = len(static_file(posixpath.normpath(f"{css_folder}/{font}")))  # woff2 is compressed already
    return sizes


@pytest.fixture(scope="module")
def pages(django_db_blocker):
    with django_db_blocker.unblock():
        return one_page_per_type_and_language()


def test_every_page_type_in_both_languages_stays_within_70_kb(client, pages):
    over = {}
    for (page_type, language), url in pages.items():
        sizes = page_weight(client, url)
        if sum(sizes.values()) > BUDGET:
            over[f"{page_type} {language} {url}"] = sizes
    assert not over, over


def test_a_vietnamese_page_fetches_the_vietnamese_font_subset(client):
    fonts = [name for name in page_weight(client, "/vi/") if name.endswith(".woff2")]
    assert any("vietnamese" in name for name in fonts), fonts
    assert not any("latin-ext" in name for name in fonts), fonts


def test_nothing_a_page_asks_for_is_missing(client, pages):
    missing = {}
    checked = set()
    for url in pages.values():
        html = get_page(client, url)
        for value in ASSETS.findall(html):
            for asset in (candidate.strip().split(" ")[0] for candidate in unescape(value).split(",")):
                if not asset.startswith(("/static/", "/media/")) or asset in checked:
                    continue
                checked.add(asset)
                status = client.get(asset).status_code
                if status != 200:
                    missing[asset] = (url, status)
    for icon in ("/favicon.ico", "/apple-touch-icon.png"):
        response = client.get(icon)
        if response.status_code != 200:
            missing[icon] = ("every browser", response.status_code)
    assert checked
    assert not missing, missing
