"""Embeds from the allowed video sites only.

An oEmbed provider answers with HTML that Wagtail puts into the page as it is,
so only the providers in settings.EMBED_PROVIDERS (WAGTAILEMBEDS_FINDERS) are
asked. Wagtail also keeps the HTML it fetched in its Embed table and serves it
from there without asking the finders again: what was stored before the list
was narrowed is not shown either, since every use goes through
``allowed_embed_html``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.embeds import format as embed_format
from wagtail.embeds.finders import get_finders

from pages.links import is_safe_url

EMBED_NOT_ALLOWED_MESSAGE = _(
    "Only videos from these sites can be embedded: %(providers)s. Paste the address of a video there, "
    "or add an ordinary link instead."
)


def is_allowed_embed(url):
    """Whether one of the configured finders (the allowed providers) takes this address."""
    return bool(url) and is_safe_url(url) and any(finder.accept(url) for finder in get_finders())


def validate_embed_url(url):
    if url and not is_allowed_embed(url):
        providers = ", ".join(settings.EMBED_PROVIDERS)
        raise ValidationError(EMBED_NOT_ALLOWED_MESSAGE, code="embed_not_allowed", params={"providers": providers})


def allowed_embed_html(url):
    """The player's HTML for an allowed address; "" otherwise or when the provider cannot say."""
    return embed_format.embed_to_frontend_html(url) if is_allowed_embed(url) else ""
