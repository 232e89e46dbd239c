"""ASCII slugs for Vietnamese titles: "Đà Nẵng" becomes "da-nang", not "a-nang".

Django's slugify drops "đ"/"Đ" because Unicode does not decompose them, and
wagtail-localize runs every translated slug through it. anyascii (a Wagtail
dependency) transliterates them first.
"""

from anyascii import anyascii
from django.utils.text import slugify


def transliterate_slug(value):
    return slugify(anyascii(str(value)))
