"""A publication's external link: a web address, or a DOI stored as its
https://doi.org/ address, so every reader (the library, the dataset, the API)
gets a link that opens, and the DOI can still be shown as such."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

DOI_RESOLVER = "https://doi.org/"
# "10.1234/abc", "doi:10.1234/abc", "https://doi.org/10.1234/abc", "http://dx.doi.org/10.1234/abc"
_DOI = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)
_WEB_ADDRESS = URLValidator(schemes=["http", "https"])


def normalise(value):
    value = (value or "").strip()
    match = _DOI.match(value)
    return DOI_RESOLVER + match.group(1) if match else value


def validate_external_link(value):
    try:
        _WEB_ADDRESS(normalise(value))
    except ValidationError:
        raise ValidationError(
            _("Enter a web address starting with https:// or a DOI such as 10.1234/abcd."), code="invalid"
        ) from None


def doi_of(link):
    """The DOI of a link made by ``normalise`` ("" for other addresses)."""
    return link[len(DOI_RESOLVER) :] if link.startswith(DOI_RESOLVER) else ""
