"""Browser tests: Playwright drives Debian's Chromium against a real server.

The server is gunicorn on 127.0.0.1 with the test settings, on a database of
its own seeded with `seed_demo` (tests/servers.py). Tests skip where no
Chromium exists, unless REQUIRE_BROWSER=1 (CI), where that is a failure.
"""

import os
from pathlib import Path

import pytest

from tests.servers import SeededSite, ServerError

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
def site_url():
    # The page cache is on, as in production; editors' journeys bypass it.
    site = SeededSite("browser", extra_env={"PAGE_CACHE": "true"})
    try:
        site.seed()
        with site.serve() as url:
            yield url
    except ServerError as error:
        pytest.fail(str(error))
    finally:
        site.close()
