"""Browser tests: Playwright drives Debian's Chromium against a real server
(gunicorn on the session's seeded site, see tests/servers.py). Tests skip where
no Chromium exists, unless REQUIRE_BROWSER=1 (CI), where that is a failure.
"""

import os
import subprocess
from pathlib import Path

import pytest

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


@pytest.fixture(scope="session")
def site_url(seeded_site):
    # The page cache is on, as in production; editors' journeys bypass it.
    with seeded_site.server(PAGE_CACHE="true") as url:
        yield url


@pytest.fixture(scope="session")
def site_manage(seeded_site, site_url):
    """Run a manage.py command against the test server's database; returns its output."""

    def run(*args):
        return seeded_site.manage(*args, stdout=subprocess.PIPE, text=True).stdout

    return run
