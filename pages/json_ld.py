"""schema.org data for a page's head, as a script body that cannot end the script."""

import json

from django.utils.safestring import mark_safe


def as_script(data):
    """``data`` as JSON safe inside <script type="application/ld+json">: every "<"
    is escaped, so no text an editor typed can close the element."""
    return mark_safe(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))  # noqa: S308
