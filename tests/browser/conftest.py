"""Browser tests: Playwright drives Debian's Chromium against a real server.

The server is gunicorn on 127.0.0.1 with the test settings, on a database of
its own (a temporary SQLite file, or a fresh PostgreSQL database when
DATABASE_URL points at PostgreSQL) seeded with `seed_demo`. Tests skip where no
Chromium exists, unless REQUIRE_BROWSER=1 (CI), where that is a failure.
"""

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

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists() or os.environ.get("REQUIRE_BROWSER") == "1":
        return
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium); REQUIRE_BROWSER=1 fails")
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"REQUIRE_BROWSER=1 but there is no Chromium at {CHROMIUM}")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Database:
    """A database for the server alone, made before and dropped after."""

    def __init__(self, workdir):
        url = os.environ.get("DATABASE_URL", "")
        self.admin_url = None
        if url.startswith(("postgres://", "postgresql://")):
            parts = urlsplit(url)
            self.name = f"{parts.path.lstrip('/') or 'eipvn'}_browser_{os.getpid()}"
            self.admin_url = urlunsplit(parts._replace(path="/postgres"))
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        else:
            self.url = f"sqlite:///{workdir}/browser.sqlite3"

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


# How to run manage.py against the test server's database (set by site_url).
SERVER = {}


@pytest.fixture(scope="session")
def site_manage(site_url):
    """Run a manage.py command against the test server's database; returns its output."""

    def run(*args):
        result = subprocess.run(
            [*SERVER["manage"], *args], env=SERVER["env"], cwd=ROOT, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    return run


@pytest.fixture(scope="session")
def site_url():
    workdir = tempfile.mkdtemp(prefix="eipvn-browser-")
    database = _Database(workdir)
    database.create()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "eipvn.settings.test",
        "DATABASE_URL": database.url,
        "MEDIA_ROOT": f"{workdir}/media",
        "PYTHONUNBUFFERED": "1",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    log = open(f"{workdir}/server.log", "w+")  # noqa: SIM115 - closed at teardown
    server = None
    try:
        for command in (["migrate", "--noinput"], ["seed_demo"]):
            subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True, stdout=log, stderr=log, timeout=600)
        port = _free_port()
        gunicorn = Path(sys.executable).with_name("gunicorn")
        server = subprocess.Popen(
            [str(gunicorn), "eipvn.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--timeout", "60"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=log,
        )
        url = f"http://127.0.0.1:{port}"
        SERVER.update(env=env, manage=manage)
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail(f"the test server did not start:\n{log.read()[-4000:]}")
                time.sleep(0.3)
        yield url
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
        log.close()
        database.drop()
        shutil.rmtree(workdir, ignore_errors=True)
