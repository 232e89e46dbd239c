"""Logs of one JSON object a line: Django's (a logging formatter) and
gunicorn's access log (a gunicorn logger class).

Django's request loggers pass the request and the status code; they become
``method``, ``path``, ``client`` (the visitor's address, eipvn.client_address)
and ``status`` fields, so an error can be traced to the
URL that caused it without parsing free text.

Every line, Django's and gunicorn's (access and error log), goes through
eipvn.redaction: no capability token, e-mail address or secret parameter is
written, whichever route or message carries it.
"""

import datetime
import json
import logging
import traceback

from gunicorn import glogging

from eipvn.client_address import address_from
from eipvn.redaction import redact


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["method"] = getattr(request, "method", None)
            entry["path"] = redact(request.path)
            entry["client"] = address_from(getattr(request, "META", None) or {})
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


# gunicorn's access log ----------------------------------------------------------


def access_entry(environ, status, sent, request_time):
    """The fields of one access-log line. Only the request line and its timing:
    never a body (passwords, codes and form fields travel in POST bodies), a
    cookie or an Authorization header; tokens, addresses and secrets in the URL
    are blanked (eipvn.redaction)."""
    try:
        status = int(str(status).split(None, 1)[0])
    except ValueError:
        status = str(status)
    return {
        "time": datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds"),
        "remote": address_from(environ),  # the visitor, not the proxy in front
        "method": environ.get("REQUEST_METHOD"),
        "path": redact(environ.get("PATH_INFO", "")),
        "query": redact(environ.get("QUERY_STRING", "")),
        "status": status,
        "bytes": sent,
        "duration_ms": request_time.seconds * 1000 + request_time.microseconds // 1000,
        "agent": environ.get("HTTP_USER_AGENT"),
    }


class RedactingFilter(logging.Filter):
    """Redacts a record's message and traceback before any handler formats it."""

    def filter(self, record):
        record.msg, record.args = redact(record.getMessage()), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        return True


_REDACTING = RedactingFilter()


class GunicornJsonLogger(glogging.Logger):
    """gunicorn's logger with an access log of one JSON object a line.

    gunicorn's ``access_log_format`` pastes values into a template, so a ``"``
    or a line break in a user agent could forge fields or whole lines; here the
    fields go through ``json.dumps``, which escapes both (and every non-ASCII
    character, so no Unicode line separator splits a line either).
    """

    def setup(self, cfg):
        super().setup(cfg)
        # gunicorn's own messages name the request too ("Error handling request /…?…").
        self.error_log.addFilter(_REDACTING)  # one instance: a config reload does not add it twice

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        try:
            entry = access_entry(environ, resp.status, getattr(resp, "sent", None), request_time)
            self.access_log.info(json.dumps(entry, default=str))
        except Exception:
            self.error(traceback.format_exc())
