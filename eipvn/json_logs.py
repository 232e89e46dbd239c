"""Logs of one JSON object a line: Django's (a logging formatter) and
gunicorn's access log (a gunicorn logger class).

Django's request loggers pass the request and the status code; they become
``method``, ``path``, ``client`` (the visitor's address, eipvn.client_address)
and ``status`` fields, so an error can be traced to the
URL that caused it without parsing free text.
"""

import datetime
import json
import logging
import re
import traceback

from gunicorn import glogging

from eipvn.client_address import address_from


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["method"] = getattr(request, "method", None)
            entry["path"] = request.path
            entry["client"] = address_from(getattr(request, "META", None) or {})
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


# gunicorn's access log ----------------------------------------------------------

# Query parameters whose values may be secrets (a one-time code, a token, a key).
_SECRET_PARAMETER = re.compile(r"(^|&)([^=&]*(?:pass|token|code|secret|key|otp|signature|auth)[^=&]*=)[^&]*", re.I)
# Django's password reset link carries its token in the path.
_RESET_TOKEN = re.compile(r"(/password_reset/confirm/[^/]+/)[^/]+")
REDACTED = "[redacted]"


def access_entry(environ, status, sent, request_time):
    """The fields of one access-log line. Only the request line and its timing:
    never a body (passwords, codes and form fields travel in POST bodies), a
    cookie or an Authorization header, and secrets in the URL are blanked."""
    try:
        status = int(str(status).split(None, 1)[0])
    except ValueError:
        status = str(status)
    return {
        "time": datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds"),
        "remote": address_from(environ),  # the visitor, not the proxy in front
        "method": environ.get("REQUEST_METHOD"),
        "path": _RESET_TOKEN.sub(rf"\g<1>{REDACTED}", environ.get("PATH_INFO", "")),
        "query": _SECRET_PARAMETER.sub(rf"\g<1>\g<2>{REDACTED}", environ.get("QUERY_STRING", "")),
        "status": status,
        "bytes": sent,
        "duration_ms": request_time.seconds * 1000 + request_time.microseconds // 1000,
        "agent": environ.get("HTTP_USER_AGENT"),
    }


class GunicornJsonLogger(glogging.Logger):
    """gunicorn's logger with an access log of one JSON object a line.

    gunicorn's ``access_log_format`` pastes values into a template, so a ``"``
    or a line break in a user agent could forge fields or whole lines; here the
    fields go through ``json.dumps``, which escapes both (and every non-ASCII
    character, so no Unicode line separator splits a line either).
    """

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        try:
            entry = access_entry(environ, resp.status, getattr(resp, "sent", None), request_time)
            self.access_log.info(json.dumps(entry, default=str))
        except Exception:
            self.error(traceback.format_exc())
