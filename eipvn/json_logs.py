"""A logging formatter that writes one JSON object a line.

Django's request loggers pass the request and the status code; they become
``method``, ``path``, ``client`` (the visitor's address, eipvn.client_address)
and ``status`` fields, so an error can be traced to the
URL that caused it without parsing free text.
"""

import datetime
import json
import logging

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
