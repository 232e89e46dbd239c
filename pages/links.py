"""Links that cannot run a script.

A link typed into the CMS (a URL field, a link or embed block, a link in rich
text, or a wagtail-localize override of any of these) ends up in an ``href``.
The admin and its previews allow inline scripts, so a ``javascript:`` (or
``data:``, ``vbscript:``…) link would run in the session of whoever clicks it,
a Moderator reviewing a translation for instance.

Only addresses with the schemes below, or without a scheme (``/en/…``, ``#x``),
are links. The check reads a value the way a browser does: character references
decoded, control characters and white space ignored, any case. It runs twice:
``SafeLinksMixin.full_clean`` refuses such a link on save (every save path, the
admin forms and wagtail-localize's publishing, runs ``full_clean``), and
``safe_url``/``neutralise_links`` drop one on render, for what was never saved
through a form (a translation preview, older content).
"""

import html
import re

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Attributes of rich text (and of any HTML we neutralise) that hold an address.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background"})
# Model fields that hold a link although they are not URLFields: by name.
LINK_FIELD_SUFFIXES = ("url", "website", "link", "href")

UNSAFE_URL_MESSAGE = _(
    "“%(url)s” cannot be used as a link. Use an address that starts with https://, http://, mailto: or tel:."
)

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# What browsers skip in a URL: C0 controls, space, DEL, C1 controls, no-break
# space, and the invisible characters a paste may carry.
_IGNORED = re.compile("[\x00-\x20\x7f-\xa0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff\ufffd]+")
_TAG = re.compile(r"""<[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>""")
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)""")


def is_safe_url(value):
    """True for an empty value, an address without a scheme, or one of SAFE_SCHEMES."""
    if not value:
        return True
    text = str(value)
    for _round in range(3):  # "&amp;#106;" is "&#106;" is "j"
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    text = _IGNORED.sub("", text).lower()
    match = _SCHEME.match(text)
    return match is None or match.group(1) in SAFE_SCHEMES


def safe_url(value):
    """The value if it is a safe link, else an empty string (a link to nowhere harmful)."""
    return value if is_safe_url(value) else ""


def _shorten(value, length=80):
    text = str(value)
    return text if len(text) <= length else text[: length - 1] + "…"


def unsafe_url_error(value):
    return ValidationError(UNSAFE_URL_MESSAGE, code="unsafe_url", params={"url": _shorten(value)})


def validate_safe_url(value):
    if not is_safe_url(value):
        raise unsafe_url_error(value)


def _attribute_value(raw):
    return raw[1:-1] if raw[:1] in {'"', "'"} else raw


def urls_in_html(markup):
    """Every address held by an attribute of ``markup``, entities as written."""
    for tag in _TAG.finditer(markup or ""):
        for name, raw in _ATTRIBUTE.findall(tag.group(0)):
            if name.lower() in URL_ATTRIBUTES:
                yield _attribute_value(raw)


def neutralise_links(markup):
    """``markup`` without the attributes whose address could run a script."""

    def attribute(match):
        if match.group(1).lower() in URL_ATTRIBUTES and not is_safe_url(_attribute_value(match.group(2))):
            return ""
        return match.group(0)

    return _TAG.sub(lambda tag: _ATTRIBUTE.sub(attribute, tag.group(0)), str(markup))


# Walking models and blocks ---------------------------------------------------


def is_link_field(field):
    name = field.name.lower()
    return isinstance(field, models.URLField) or (
        isinstance(field, models.CharField | models.TextField) and name.endswith(LINK_FIELD_SUFFIXES)
    )


def block_has_links(block):
    """Whether a block, or any block inside it, holds a link."""
    if isinstance(block, blocks.URLBlock | blocks.RichTextBlock | EmbedBlock):
        return True
    return any(block_has_links(child) for child in getattr(block, "child_blocks", {}).values()) or (
        isinstance(block, blocks.ListBlock) and block_has_links(block.child_block)
    )


def model_link_fields(model):
    """The fields of ``model`` that can hold a link: URL-like fields, rich text,
    and StreamFields with a URL, embed or rich text block somewhere inside."""
    return [
        field
        for field in model._meta.concrete_fields
        if is_link_field(field)
        or isinstance(field, RichTextField)
        or (isinstance(field, StreamField) and block_has_links(field.stream_block))
    ]


def urls_in_block(block, value):
    """Every address inside a block's value, however deeply nested."""
    if value is None or value == "":
        return
    if isinstance(block, EmbedBlock):
        yield getattr(value, "url", value)
    elif isinstance(block, blocks.URLBlock):
        yield value
    elif isinstance(block, blocks.RichTextBlock):
        yield from urls_in_html(value.source if isinstance(value, RichText) else str(value))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from urls_in_block(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from urls_in_block(child.block, child.value)
    elif isinstance(block, blocks.StructBlock) and isinstance(value, dict):  # not ImageBlock's Image
        for name, child_block in block.child_blocks.items():
            yield from urls_in_block(child_block, value.get(name))


def urls_in_field(field, value):
    if not value:
        return []
    if isinstance(field, StreamField):
        return list(urls_in_block(field.stream_block, value))
    if isinstance(field, RichTextField):
        return list(urls_in_html(value))
    return [value]


def unsafe_link_errors(instance):
    """{field name: [ValidationError]} for every field of ``instance`` holding an unsafe link."""
    errors = {}
    for field in model_link_fields(type(instance)):
        bad = [url for url in urls_in_field(field, field.value_from_object(instance)) if not is_safe_url(url)]
        if bad:
            errors[field.name] = [unsafe_url_error(url) for url in bad]
    return errors


class SafeLinksMixin:
    """Refuses, on ``full_clean``, a link in any field that could run a script.

    An error goes to its field, or to the form as a whole for a field the form
    does not show (Django refuses an error for a field a form lacks)."""

    def full_clean(self, exclude=None, *args, **kwargs):
        errors = {}
        try:
            super().full_clean(exclude, *args, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        excluded = set(exclude or ())
        for name, problems in unsafe_link_errors(self).items():
            errors.setdefault(NON_FIELD_ERRORS if name in excluded else name, []).extend(problems)
        if errors:
            raise ValidationError(errors)
