"""Demo images and documents drawn with Pillow at seed time, so the repository ships no
third-party pictures. They are our own work, released under CC0 1.0; partner
"logos" are plain wordmarks, not the organisations' real logos."""

import functools
import io
import math
import unicodedata
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

GREEN = (11, 93, 59)
DARK = (7, 59, 38)
LEAF = (143, 209, 158)
SKY = (214, 236, 240)
WHITE = (255, 255, 255)


def _font(size):
    return ImageFont.load_default(size=size)


FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
# The site's own font, in the subsets it ships; Vietnamese letters live in their own file.
_VIETNAMESE_RANGES = [
    (0x0102, 0x0103),
    (0x0110, 0x0111),
    (0x0128, 0x0129),
    (0x0168, 0x0169),
    (0x01A0, 0x01A1),
    (0x01AF, 0x01B0),
    (0x0300, 0x0323),
    (0x1EA0, 0x1EF9),
    (0x20AB, 0x20AB),
]


@functools.cache
def _subset_font(subset, size):
    return ImageFont.truetype(str(FONT_DIR / f"be-vietnam-pro-{subset}-400-normal.woff2"), size)


def _subset_for(char):
    code = ord(char)
    if any(low <= code <= high for low, high in _VIETNAMESE_RANGES):
        return "vietnamese"
    return "latin" if code <= 0xFF or 0x2000 <= code <= 0x206F else "latin-ext"


def draw_text(draw, xy, text, size, fill):
    """Write text in Be Vietnam Pro, picking the subset file for each letter."""
    x, y = xy
    for char in unicodedata.normalize("NFC", text):
        font = _subset_font(_subset_for(char), size)
        draw.text((x, y), char, font=font, fill=fill)
        x += font.getlength(char)


def _save(title, picture, description, filename, fmt="JPEG"):
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    picture.save(buffer, format=fmt, quality=85)
    image = Image(title=title, description=description)
    image.file = ImageFile(buffer, name=filename)
    image._set_image_file_metadata()
    image.save()
    return image


def park_landscape(title, description, seed=0):
    """An eco-industrial park skyline: sky, hills, factory halls, solar roofs, trees."""
    width, height = 1200, 800
    picture = PILImage.new("RGB", (width, height), SKY)
    draw = ImageDraw.Draw(picture)
    for y in range(height // 2):
        shade = int(20 * y / (height / 2))
        draw.line([(0, y), (width, y)], fill=(214 - shade, 236 - shade // 2, 240))
    draw.ellipse([900 - seed * 40, 90, 1010 - seed * 40, 200], fill=(255, 214, 120))
    for i in range(0, width + 200, 200):
        draw.ellipse([i - 180, 380, i + 220, 720], fill=(120, 180, 140))
    draw.rectangle([0, 560, width, height], fill=(88, 150, 110))
    for i, x in enumerate(range(60, width - 100, 230)):
        top = 420 - ((i + seed) % 3) * 40
        draw.rectangle([x, top, x + 170, 600], fill=(236, 240, 238), outline=DARK, width=3)
        draw.polygon([(x - 10, top), (x + 85, top - 50), (x + 180, top)], fill=(46, 84, 120))
        for row in range(3):
            draw.line([(x + 10 + row * 30, top - 8), (x + 80 + row * 30, top - 44)], fill=(160, 200, 230), width=3)
        draw.rectangle([x + 120, top - 110, x + 140, top], fill=(180, 186, 184))
    for x in range(30, width, 95):
        trunk = 640 + int(10 * math.sin(x + seed))
        draw.rectangle([x - 4, trunk, x + 4, trunk + 50], fill=(92, 64, 40))
        draw.ellipse([x - 32, trunk - 60, x + 32, trunk + 10], fill=GREEN)
    return _save(title, picture, description, f"{title.lower().replace(' ', '-')}.jpg")


def wordmark(name, subtitle=""):
    """A plain text badge standing in for a partner logo."""
    picture = PILImage.new("RGB", (480, 160), WHITE)
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle([6, 6, 473, 153], radius=18, outline=GREEN, width=6)
    draw.text((240, 70 if subtitle else 80), name, font=_font(64), fill=DARK, anchor="mm")
    if subtitle:
        draw.text((240, 122), subtitle, font=_font(22), fill=GREEN, anchor="mm")
    return _save(f"Logo: {name}", picture, "", f"logo-{name.lower()}.png", fmt="PNG")


def avatar(title):
    """A neutral silhouette for a role without a photo."""
    picture = PILImage.new("RGB", (400, 400), (230, 242, 236))
    draw = ImageDraw.Draw(picture)
    draw.ellipse([140, 70, 260, 190], fill=GREEN)
    draw.ellipse([80, 210, 320, 470], fill=GREEN)
    return _save(title, picture, "", f"{title.lower().replace(' ', '-')}.png", fmt="PNG")


def fact_sheet(title, lines, filename=None):
    """A one-page PDF standing in for a real report (valid, small, readable)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    page = PILImage.new("RGB", (1240, 1754), WHITE)
    draw = ImageDraw.Draw(page)
    draw.rectangle([0, 0, 1240, 180], fill=GREEN)
    draw_text(draw, (80, 60), title[:60], 48, WHITE)
    y = 260
    for line in lines:
        draw_text(draw, (80, y), line, 30, DARK)
        y += 56
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    document = Document(title=title)
    document.file = ContentFile(buffer.getvalue(), name=filename or f"{title.lower().replace(' ', '-')}.pdf")
    document._set_document_file_metadata()
    document.save()
    return document
