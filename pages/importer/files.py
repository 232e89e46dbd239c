"""A row's documents: a path inside the import folder, or an http(s) address.

A path is relative to the import folder (``IMPORT_ROOT``, or the command's
``--files``) and may not leave it (no ``..``, no absolute path, no link out of
it). An address is fetched with a time limit and the documents' size limit,
and only from the public internet: every address its host name resolves to
must be a global one (no loopback, private, link-local or reserved range), and
the connection goes to the address that was checked, so a name that resolves
differently a moment later (DNS rebinding) cannot reach an internal service.
No proxy, no other scheme, at most three redirects, each checked the same way.
"""

import http.client
import ipaddress
import os
import socket
import ssl
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files import File
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

TIMEOUT = 20  # seconds, for each connection and read
MAX_REDIRECTS = 3
CHUNK = 64 * 1024


class FileProblem(Exception):
    """A file that cannot be brought in; its message is for the editor."""


@dataclass(frozen=True)
class Ref:
    kind: str  # "path" or "url"
    value: str  # the full path, or the address

    @property
    def name(self):
        path = self.value if self.kind == "path" else unquote(urlsplit(self.value).path)
        return os.path.basename(path.rstrip("/"))


def max_size():
    return settings.DOCUMENT_MAX_UPLOAD_SIZE


def _extension_problem(name):
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    allowed = settings.WAGTAILDOCS_EXTENSIONS
    if extension not in allowed:
        return _('"%(name)s" is not a document the site takes (%(extensions)s).') % {
            "name": name or "?",
            "extensions": ", ".join(allowed),
        }
    return None


def allowed_address(address):
    """Only the public internet: no loopback, private, link-local, shared or reserved address."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _host_problem(url):
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return _('"%(value)s": only http and https addresses are fetched.') % {"value": url}
    if parts.username or parts.password:
        return _('"%(value)s": an address with a user name or password is not fetched.') % {"value": url}
    host = parts.hostname
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if (
        host == "localhost"
        or host.endswith((".localhost", ".local", ".internal"))
        or (literal is not None and not allowed_address(host))
    ):
        return _('"%(value)s" is an internal address: only public addresses are fetched.') % {"value": url}
    return None


def parse(text, root):
    """(Ref, None) for a file a row names, or (None, the reason it cannot be used)."""
    if text.lower().startswith(("http://", "https://")):
        problem = _host_problem(text) or _extension_problem(Ref("url", text).name)
        return (None, problem) if problem else (Ref("url", text), None)
    if "://" in text or text.lower().startswith(("file:", "ftp:", "data:")):
        return None, _('"%(value)s": only http and https addresses are fetched.') % {"value": text}
    if root is None:
        return None, _('"%(value)s": no import folder is set for files given by path.') % {"value": text}
    relative = PurePosixPath(text.replace("\\", "/"))
    if relative.is_absolute() or ".." in relative.parts:
        return None, _('"%(value)s" is outside the import folder.') % {"value": text}
    base = Path(root).resolve()
    full = (base / relative).resolve()
    if not full.is_relative_to(base):
        return None, _('"%(value)s" is outside the import folder.') % {"value": text}
    if not full.is_file():
        return None, _('"%(value)s" is not a file in the import folder.') % {"value": text}
    problem = _extension_problem(full.name)
    if problem is None and full.stat().st_size > max_size():
        problem = _('"%(value)s" is larger than %(limit)s MB.') % {"value": text, "limit": max_size() // (1024 * 1024)}
    return (None, problem) if problem else (Ref("path", str(full)), None)


# Fetching ------------------------------------------------------------------


def _connect(host, port, timeout):
    """A socket to ``host``, only if every address it resolves to is public,
    connected to one of those very addresses."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        raise FileProblem(_("%(host)s could not be found.") % {"host": host}) from error
    if not infos or not all(allowed_address(info[4][0]) for info in infos):
        raise FileProblem(_("%(host)s is an internal address: only public addresses are fetched.") % {"host": host})
    last = None
    for family, kind, proto, _name, address in infos:
        sock = socket.socket(family, kind, proto)
        sock.settimeout(timeout)
        try:
            sock.connect(address)
            return sock
        except OSError as error:
            sock.close()
            last = error
    raise last


class _CheckedHTTPConnection(http.client.HTTPConnection):
    def connect(self):
        self.sock = _connect(self.host, self.port, self.timeout)


class _CheckedHTTPSConnection(http.client.HTTPSConnection):
    def connect(self):
        sock = _connect(self.host, self.port, self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_CheckedHTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_CheckedHTTPSConnection, req, context=self._context)


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FileProblem(_('"%(value)s": only http and https addresses are fetched.') % {"value": newurl})
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener():
    opener = urllib.request.OpenerDirector()  # no proxy, file, ftp or data handlers
    for handler in (
        _HTTPHandler(),
        _HTTPSHandler(context=ssl.create_default_context()),
        _Redirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _download(url):
    """(a temporary file with the body, its name), within the size limit."""
    problem = _host_problem(url)
    if problem:
        raise FileProblem(problem)
    request = urllib.request.Request(url, headers={"User-Agent": "EIP Viet Nam content import"})  # noqa: S310
    limit = max_size()
    try:
        with _opener().open(request, timeout=TIMEOUT) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise FileProblem(_('"%(value)s" is larger than %(limit)s MB.') % {"value": url, "limit": limit >> 20})
            body = tempfile.SpooledTemporaryFile(max_size=1024 * 1024)  # noqa: SIM115 - returned open
            size = 0
            while chunk := response.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    body.close()
                    raise FileProblem(
                        _('"%(value)s" is larger than %(limit)s MB.') % {"value": url, "limit": limit >> 20}
                    )
                body.write(chunk)
            name = Ref("url", response.geturl()).name
    except FileProblem:
        raise
    except urllib.error.HTTPError as error:
        raise FileProblem(
            _('"%(value)s" could not be fetched (the server answered %(status)s).')
            % {"value": url, "status": error.code}
        ) from error
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise FileProblem(_('"%(value)s" could not be fetched.') % {"value": url}) from error
    problem = _extension_problem(name)
    if problem:
        body.close()
        raise FileProblem(problem)
    body.seek(0)
    return body, name


def store(ref, title, written, current=None):
    """A Wagtail document of ``ref`` titled ``title``, or ``current`` (the page's
    document now) when its file is the same. Names of files written to storage
    go into ``written``, so a row that fails can remove them."""
    Document = get_document_model()
    if ref.kind == "path":
        handle, name = open(ref.value, "rb"), ref.name  # noqa: SIM115 - closed below
    else:
        handle, name = _download(ref.value)
    with handle:
        document = Document(title=title[:255])
        document.file = File(handle, name=name)
        document._set_document_file_metadata()
        if current is not None and current.file_hash and current.file_hash == document.file_hash:
            return current
        document.save()
        written.append(document.file.name)
    return document


def remove_written(written):
    """Remove files a failed row wrote to storage (its documents' rows went with the transaction)."""
    storage = get_document_model()._meta.get_field("file").storage
    for name in written:
        try:
            storage.delete(name)
        except OSError:
            pass
