"""While the importer writes: what it brings in is old content, not news
(e-mail updates announce none of it, as for the demo)."""

import contextlib
import contextvars

_importing = contextvars.ContextVar("content_importing", default=False)


@contextlib.contextmanager
def importing():
    token = _importing.set(True)
    try:
        yield
    finally:
        _importing.reset(token)


def importing_now():
    return _importing.get()
