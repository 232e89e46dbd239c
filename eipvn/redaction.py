"""What never reaches a log: capability tokens, e-mail addresses and secrets in
URLs. One rule, by shape rather than by a list of routes that would go stale,
applied to every line the site writes: gunicorn's access and error logs, Django's
logs (eipvn.json_logs) and, when configured, what goes to Sentry.

- A word holding a run of 20 or more hexadecimal digits is a token: the
  signature of every signed link (pages.signed_tokens: ``<id>-<32 hex>``,
  ``<id>-<time>-<32 hex>``, whichever route carries it), Django's password-reset
  token (``<time>-<32 hex>``), any HMAC or hash. No slug, date or file name of
  the site has such a run.
- An e-mail address, as typed or percent-encoded (``%40``).
- The value of a ``name=value`` pair whose name says it may be a secret or an
  address (``email``, ``token``, ``password``, ``code``, ``key``…).

The word, address or value becomes ``[redacted]``; the rest of the line (the
path's shape, which route was asked for) stays.
"""

import re

REDACTED = "[redacted]"

_PARAMETER = re.compile(
    r"(^|[?&;\s])([^=&;\s]*(?:pass|token|code|secret|key|otp|signature|auth|mail)[^=&;\s]*=)[^&;\s]*", re.I
)
_ADDRESS = re.compile(r"[^\s/?&=#;,:'\"<>()\[\]{}]+(?:@|%40)[^\s/?&=#;,:'\"<>()\[\]{}]+", re.I)
_TOKEN = re.compile(r"[\w%-]*[0-9a-f]{20,}[\w%-]*", re.I)


def redact(text):
    """``text`` without tokens, addresses or secret parameters."""
    if not text:
        return text
    text = _PARAMETER.sub(rf"\g<1>\g<2>{REDACTED}", str(text))
    text = _ADDRESS.sub(REDACTED, text)
    return _TOKEN.sub(REDACTED, text)


def scrub(value):
    """Every string in a nested structure of dicts, lists and tuples, redacted."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: scrub(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(scrub(item) for item in value)
    return value


def sentry_before_send(event, hint):
    """Sentry's ``before_send`` and ``before_breadcrumb``: the request's URL and
    query, log messages, breadcrumbs and exception values all redacted."""
    return scrub(event)
