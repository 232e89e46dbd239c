"""Real servers for tests: gunicorn on 127.0.0.1 with the test settings, on a
database of its own (a temporary SQLite file, or a fresh PostgreSQL database
when DATABASE_URL points at PostgreSQL) seeded once per test session.

Also a TCP proxy the tests can cut and restore, to take a service away from a
running server without touching the machine's own PostgreSQL or Redis.
"""

import contextlib
import email
import email.policy
import functools
import html.parser
import http.client
import http.cookies
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def on_postgresql():
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def redis_answers(url=REDIS_URL):
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def require_redis():
    """Skip without Redis, unless REQUIRE_REDIS=1 (CI), where that is a failure."""
    if redis_answers():
        return
    if os.environ.get("REQUIRE_REDIS") == "1":
        pytest.fail(f"REQUIRE_REDIS=1 but Redis does not answer at {REDIS_URL}")
    pytest.skip(f"no Redis at {REDIS_URL} (set TEST_REDIS_URL)")


class Database:
    """A database for servers alone, made before and dropped after."""

    def __init__(self, workdir, label):
        url = os.environ.get("DATABASE_URL", "")
        self.admin_url = None
        if on_postgresql():
            parts = urlsplit(url)
            self.name = f"{parts.path.lstrip('/') or 'eipvn'}_{label}_{os.getpid()}"
            self.admin_url = urlunsplit(parts._replace(path="/postgres"))
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        else:
            self.url = f"sqlite:///{workdir}/{label}.sqlite3"

    def _admin(self, sql):
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(sql)

    def create(self):
        if self.admin_url:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}"')
            self._admin(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        if self.admin_url:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class Site:
    """A seeded database and media folder, and the environment to serve them."""

    def __init__(self, label="site"):
        self.workdir = tempfile.mkdtemp(prefix=f"eipvn-{label}-")
        self.database = Database(self.workdir, label)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "eipvn.settings.test",
            "DATABASE_URL": self.database.url,
            "MEDIA_ROOT": f"{self.workdir}/media",
            # Mail the servers send is written here, one file per message (mails()).
            "EMAIL_URL": f"file:///{self.workdir}/mail",  # file:////tmp/…: an absolute path
            "PYTHONUNBUFFERED": "1",
        }
        self.log = open(f"{self.workdir}/server.log", "w+")  # noqa: SIM115 - closed in remove()

    def manage(self, *command, env=None, timeout=600, **kwargs):
        return subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *command],
            env={**self.env, **(env or {})},
            cwd=ROOT,
            check=True,
            timeout=timeout,
            **({"stdout": self.log, "stderr": self.log} | kwargs),
        )

    def seed(self):
        self.database.create()
        self.manage("migrate", "--noinput")
        self.manage("seed_demo")

    def mails(self):
        """Every message the servers sent, oldest first (email.message.EmailMessage:
        headers decoded, ``get_body().get_content()`` the text), once the outbox's
        worker has sent what is waiting (as the site's timer does every minute)."""
        self.manage("send_mail_queue")
        folder = Path(self.workdir) / "mail"
        files = sorted(folder.glob("*.log"), key=lambda path: path.stat().st_mtime) if folder.exists() else []
        messages = []
        for path in files:
            # Django's file backend writes messages one after another, each ended by a line of dashes.
            for raw in path.read_text().split("\n" + "-" * 79 + "\n"):
                if raw.strip():
                    message = raw.lstrip("\n").encode()
                    messages.append(email.message_from_bytes(message, policy=email.policy.default))
        return messages

    def log_tail(self):
        self.log.flush()
        return Path(self.log.name).read_text()[-4000:]

    @contextlib.contextmanager
    def server(self, workers=2, port=None, production_config=False, **env):
        """gunicorn serving this site; yields its base URL. ``env`` overrides
        variables (e.g. DATABASE_URL through a proxy, REDIS_URL).
        ``production_config``: with eipvn/gunicorn.conf.py too (its JSON access
        log in the server's log), as `make serve` runs it."""
        port = port or free_port()
        gunicorn = Path(sys.executable).with_name("gunicorn")
        config = ["--config", str(ROOT / "eipvn" / "gunicorn.conf.py")] if production_config else []
        process = subprocess.Popen(
            [str(gunicorn), "eipvn.wsgi", *config, "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
            + ["--timeout", "60"],
            env={**self.env, **env},
            cwd=ROOT,
            stdout=self.log,
            stderr=self.log,
        )
        self.process = process  # the gunicorn arbiter; its children are the workers
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while status(f"{url}/healthz") is None:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the test server did not start:\n{self.log_tail()}")
                time.sleep(0.3)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)

    def remove(self):
        self.log.close()
        self.database.drop()
        shutil.rmtree(self.workdir, ignore_errors=True)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 3xx itself is the answer


_not_following = urllib.request.build_opener(_NoRedirects)


class _FromAddress(urllib.request.HTTPHandler):
    """Connections from a local address of our choice (127.0.0.2: another
    machine as far as the server can tell, not the proxy at 127.0.0.1)."""

    def __init__(self, source):
        super().__init__()
        self.source = source

    def http_open(self, req):
        return self.do_open(functools.partial(http.client.HTTPConnection, source_address=(self.source, 0)), req)


def fetch(url, timeout=10, raw=False, follow=True, data=None, source=None, **headers):
    """(status, headers, body) of a GET (a POST with ``data``, bytes); HTTP
    errors are answers, not exceptions, and so are redirects unless ``follow``.
    The body is text, or bytes with ``raw``. ``source``: the local address to
    connect from."""
    request = urllib.request.Request(url, data=data, headers=headers)
    opener = urllib.request.urlopen if follow else _not_following.open
    if source:
        opener = urllib.request.build_opener(_FromAddress(source), *([] if follow else [_NoRedirects])).open
    try:
        with opener(request, timeout=timeout) as response:
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    return status, headers, body if raw else body.decode()


class Browser:
    """Cookies kept by hand over plain HTTP (production settings mark them
    Secure, which http.cookiejar would withhold), CSRF tokens sent with forms,
    redirects followed: an editor's or a visitor's session with a test server."""

    def __init__(self, base, source=None):
        self.base = base
        self.source = source  # the local address it connects from (fetch)
        self.cookies = {}

    def request(self, path, form=None, **headers):
        """(status, body) after following redirects; ``form`` makes it a POST."""
        for _ in range(10):
            data = None
            if form is not None:
                fields = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **form}
                data = urllib.parse.urlencode(fields, doseq=True).encode()
                headers = {"Referer": self.base + path, **headers}
            sent = dict(headers)
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
            status, answer, body = fetch(
                self.base + path, timeout=60, follow=False, data=data, source=self.source, **sent
            )
            for header in answer.get_all("Set-Cookie") or []:
                morsel = http.cookies.SimpleCookie(header)
                for name, value in morsel.items():
                    self.cookies[name] = value.value
            if status not in (301, 302, 303) or not answer["Location"]:
                return status, body
            path, form = urlsplit(answer["Location"])._replace(scheme="", netloc="").geturl(), None
        raise AssertionError(f"too many redirects from {path}")

    def sign_in(self, username, password):
        self.request("/admin/login/")
        status, body = self.request("/admin/login/", {"username": username, "password": password, "next": "/admin/"})
        assert status == 200 and "/admin/logout/" in body, f"signing in as {username} failed ({status})"

    def form_fields(self, path, form_id):
        """The values a browser would send from the form ``form_id`` on ``path``."""
        status, body = self.request(path)
        assert status == 200, f"{path} answered {status}"
        parser = _FormParser(form_id)
        parser.feed(body)
        return parser.fields


class _FormParser(html.parser.HTMLParser):
    """Named inputs, textareas and selects of one form, as the browser sends them."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, {}
        self._textarea = self._select = None
        self._first_option = self._chosen = None

    def _add(self, name, value):
        self.fields.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if self.inside and attrs.get("data-controller") == "w-block":
            # A StreamField, which Wagtail's JavaScript turns into inputs: an
            # empty one is sent as a count of 0; a filled one is beyond this parser.
            value = json.loads(attrs.get("data-w-block-arguments-value") or "[[]]")[0]
            assert value == [], f"{attrs['id']} holds blocks: edit a page whose StreamFields are empty"
            self._add(f"{attrs['id']}-count", "0")
        if not self.inside or not attrs.get("name") and tag != "option":
            return
        kind = (attrs.get("type") or "text").lower()
        if tag == "input" and kind not in ("submit", "button", "file", "image", "reset"):
            if kind not in ("checkbox", "radio") or "checked" in attrs:
                self._add(attrs["name"], attrs.get("value", "on" if kind in ("checkbox", "radio") else ""))
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self._add(self._textarea, "")
        elif tag == "select":
            self._select, self._first_option, self._chosen = attrs["name"], None, False
        elif tag == "option" and self._select:
            if self._first_option is None:
                self._first_option = attrs.get("value", "")
            if "selected" in attrs:
                self._add(self._select, attrs.get("value", ""))
                self._chosen = True

    def handle_data(self, data):
        if self._textarea:
            # A browser drops the newline that follows <textarea>.
            text = self.fields[self._textarea][-1] + data
            self.fields[self._textarea][-1] = text[1:] if text.startswith("\n") else text

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            if self._select and not self._chosen and self._first_option is not None:
                self._add(self._select, self._first_option)  # a browser sends the first option
            self._select = None


def status(url):
    """The status code of a GET, or None when nothing answers."""
    try:
        return fetch(url, timeout=3)[0]
    except OSError:
        return None


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a target; ``cut()`` drops every connection
    and refuses new ones (the service looks down), ``restore()`` undoes it."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = free_port()
        self._up = threading.Event()
        self._up.set()
        self._sockets = set()
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._listener.settimeout(0.2)
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _track(self, sock):
        with self._lock:
            self._sockets.add(sock)

    def _accept(self):
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if not self._up.is_set():
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            self._track(client)
            self._track(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source, sink):
        try:
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def cut(self):
        self._up.clear()
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def restore(self):
        self._up.set()

    def close(self):
        self.cut()
        self._stopped.set()
        self._listener.close()
        self._thread.join(timeout=2)
