"""A real gunicorn on 127.0.0.1 with a seeded database of its own, for the
browser tests, `make bench` and `make lighthouse`.

The database is a temporary SQLite file, or a fresh PostgreSQL database when
DATABASE_URL points at PostgreSQL; it is dropped when the server stops.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]


class ServerError(RuntimeError):
    pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Database:
    """A database for the server alone, made before and dropped after."""

    def __init__(self, workdir, purpose):
        url = os.environ.get("DATABASE_URL", "")
        self.admin_url = None
        if url.startswith(("postgres://", "postgresql://")):
            parts = urlsplit(url)
            self.name = f"{parts.path.lstrip('/') or 'eipvn'}_{purpose}_{os.getpid()}"
            self.admin_url = urlunsplit(parts._replace(path="/postgres"))
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        else:
            self.url = f"sqlite:///{workdir}/{purpose}.sqlite3"

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


class SeededSite:
    """A seeded database and media folder; ``serve()`` runs gunicorn on them
    (as often as needed, e.g. with different settings)."""

    def __init__(self, purpose, settings="eipvn.settings.test", extra_env=None):
        self.workdir = tempfile.mkdtemp(prefix=f"eipvn-{purpose}-")
        self.database = Database(self.workdir, purpose)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings,
            "DATABASE_URL": self.database.url,
            "MEDIA_ROOT": f"{self.workdir}/media",
            "PYTHONUNBUFFERED": "1",
            **(extra_env or {}),
        }
        self.log = open(f"{self.workdir}/server.log", "w+")  # noqa: SIM115 - closed by close()

    def manage(self, *command, **env):
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *command],
            env={**self.env, **env},
            cwd=ROOT,
            check=True,
            stdout=self.log,
            stderr=self.log,
            timeout=900,
        )

    def seed(self):
        self.database.create()
        self.manage("migrate", "--noinput")
        self.manage("seed_demo")
        return self

    @contextlib.contextmanager
    def serve(self, workers=2, port=None, **env):
        port = port or free_port()
        gunicorn = Path(sys.executable).with_name("gunicorn")
        server = subprocess.Popen(
            [str(gunicorn), "eipvn.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "60"],
            env={**self.env, **env},
            cwd=ROOT,
            stdout=self.log,
            stderr=self.log,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            self._wait_until_up(server, url)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()

    def _wait_until_up(self, server, url):
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise ServerError(f"the server did not start:\n{self.log_tail()}") from None
                time.sleep(0.3)

    def log_tail(self, size=4000):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()[-size:]

    def close(self):
        self.log.close()
        self.database.drop()
        shutil.rmtree(self.workdir, ignore_errors=True)
