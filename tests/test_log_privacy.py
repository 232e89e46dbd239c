"""No capability token and no e-mail address in any log line (eipvn.redaction),
whatever route carries it: gunicorn's access and error logs as configured for
production, Django's request log, Sentry; tokens that have one written form; and
client addresses that a client reaching gunicorn directly cannot choose, proven
on a real gunicorn with three workers."""

import io
import json
import logging
import os
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin

from eipvn.json_logs import JsonFormatter
from pages import signed_tokens
from pages.updates import links
from pages.updates.models import Subscriber

from .servers import ROOT, Browser, fetch
from .test_content_safety import access_line

ADDRESS = "lan.nguyen@example.org"
SIGNATURE_PIECE = 12  # characters of a signature that must not appear anywhere


def tokens():
    """Tokens of every form signed_tokens writes, and a non-canonical one."""
    plain = signed_tokens.make("tests.logs", 7)
    timed = signed_tokens.make("tests.logs", 7, "key", timed=True)
    return [plain, timed, "0" + plain]


def _with_token(pattern, token):
    kwargs = {}
    for name, converter in pattern.pattern.converters.items():
        kwargs[name] = token if "token" in name else "7" if isinstance(converter, IntConverter) else "MQ"
    return kwargs


def _django_routes(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _django_routes(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name and any("token" in n for n in entry.pattern.converters):
            yield namespace + entry.name, entry


def token_paths(token):
    """The path of every route that takes a token, in both languages: Django's
    (e-mail update links, the admin's password reset) and every routable page's
    (an event's registration links), found by their parameters, not listed."""
    paths = []
    for language in ("en", "vi"):
        with translation.override(language):
            for name, pattern in _django_routes(get_resolver().url_patterns):
                paths.append(reverse(name, kwargs=_with_token(pattern, token)))
    for model in apps.get_models():
        if issubclass(model, RoutablePageMixin):
            for page in model.objects.live()[:1]:
                for pattern in page.get_subpage_urls():
                    if any("token" in n for n in pattern.pattern.converters):
                        paths.append(page.url + page.reverse_subpage(pattern.name, kwargs=_with_token(pattern, token)))
    return sorted(set(paths))


def assert_clean(text, token):
    assert token[-SIGNATURE_PIECE:] not in text and ADDRESS not in text and "lan.nguyen" not in text, text


@pytest.mark.django_db
@pytest.mark.parametrize("token", tokens())
def test_no_route_that_takes_a_token_writes_it_to_the_access_log(token):
    paths = token_paths(token)
    # The e-mail update links in both languages, the password reset, an event's done and cancel links.
    assert sum("/updates/" in path or "/cap-nhat/" in path for path in paths) >= 3
    assert any("/password_reset/" in path for path in paths) and any("/register/" in path for path in paths)
    for path in paths:
        line = access_line("curl", path, f"email={ADDRESS.replace('@', '%40')}&topic=news")
        assert_clean(line, token)
        entry = json.loads(line)
        assert entry["path"] == path.replace(token, "[redacted]")  # which route was asked for stays readable
        assert entry["query"] == "email=[redacted]&topic=news"


@pytest.mark.django_db
def test_every_token_signed_tokens_makes_is_recognised():
    from eipvn.redaction import redact

    for pk in (1, 42, 10**17):
        for token in (signed_tokens.make("x", pk), signed_tokens.make("x", pk, "k", timed=True)):
            assert redact(f"/en/a/{token}/") == "/en/a/[redacted]/"


def test_addresses_and_secrets_anywhere_in_a_line_are_redacted():
    from eipvn.redaction import redact

    assert redact(f"Not Found: /en/updates/?email={ADDRESS}") == "Not Found: /en/updates/?email=[redacted]"
    assert redact(f"AXES: login failed for {ADDRESS} from 203.0.113.7") == (
        "AXES: login failed for [redacted] from 203.0.113.7"
    )
    assert redact("q=lan%40example.org&page=2") == "q=[redacted]&page=2"
    # What is not a token stays: slugs, dates, hashed static files, a UUID's short runs.
    for kept in ("/en/news/2026/eco-industrial-parks-da-nang/", "/static/css/site.3f2a1b4c5d6e.css", str(uuid.uuid4())):
        assert redact(kept) == kept


def english(function, *args, **kwargs):
    """``function`` in English, whatever language an earlier test left active in this thread."""
    with translation.override("en"):
        return function(*args, **kwargs)


# Django's request log: a bad link is a 404, logged as "Not Found: <path>" -------------


@pytest.mark.django_db
def test_django_logs_the_refused_link_without_its_token(client):
    subscriber = Subscriber.objects.create(email=ADDRESS, language="en", status="confirmed")
    token = links.subscriber_token(subscriber)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())  # the LOGGING setting's formatter
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get(english(reverse, "updates-manage", args=("0" + token,)))
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 404 and "This link does not work" in response.content.decode()
    (line,) = stream.getvalue().splitlines()
    entry = json.loads(line)
    assert_clean(line, token)
    assert entry["path"] == "/en/updates/preferences/[redacted]/" and entry["status"] == 404
    assert entry["message"] == "Not Found: /en/updates/preferences/[redacted]/"


def test_gunicorn_error_lines_are_redacted_too():
    import runpy

    from django.conf import settings
    from gunicorn.config import Config

    conf = runpy.run_path(str(settings.BASE_DIR / "eipvn" / "gunicorn.conf.py"))
    cfg = Config()
    cfg.set("logger_class", conf["logger_class"])
    log = cfg.logger_class(cfg)
    stream = io.StringIO()
    log.error_log.handlers = [logging.StreamHandler(stream)]
    token = tokens()[1]
    try:
        raise ValueError(f"/en/updates/confirm/{token}/ for {ADDRESS}")
    except ValueError:
        log.exception("Error handling request %s", f"/en/updates/confirm/{token}/?email={ADDRESS}")
    assert "Error handling request /en/updates/confirm/[redacted]/?email=[redacted]" in stream.getvalue()
    assert "ValueError: /en/updates/confirm/[redacted]/ for [redacted]" in stream.getvalue()
    assert_clean(stream.getvalue(), token)


SENTRY_PROBE = """
import json, logging, django
django.setup()
import sentry_sdk
sent = []
sentry_sdk.get_client().transport.capture_envelope = lambda envelope: sent.append(envelope.serialize())
path = "/en/updates/unsubscribe/{token}/"
logging.getLogger("django.request").warning("Not Found: %s", path)
try:
    raise ValueError(f"{{path}} for {address}")
except ValueError:
    sentry_sdk.capture_exception()
sentry_sdk.flush()
print(json.dumps([item.decode() for item in sent]))
"""


def test_sentry_gets_no_token_or_address():
    token = tokens()[0]
    env = {
        "DJANGO_SETTINGS_MODULE": "eipvn.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "example.org",
        "SENTRY_DSN": "https://public@sentry.example.invalid/1",
    }
    result = subprocess.run(
        [sys.executable, "-c", SENTRY_PROBE.format(token=token, address=ADDRESS)],
        env={**os.environ, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    (event,) = json.loads(result.stdout.strip().splitlines()[-1])
    assert "ValueError" in event and "/en/updates/unsubscribe/[redacted]/" in event  # the breadcrumb, the error
    assert_clean(event, token)


# One written form for a token ---------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("route", ["updates-confirm", "updates-manage", "updates-unsubscribe"])
def test_a_link_has_one_written_form(client, route):
    subscriber = Subscriber.objects.create(email=ADDRESS, language="en")
    token = links.confirm_token(subscriber) if route == "updates-confirm" else links.subscriber_token(subscriber)
    assert client.get(english(reverse, route, args=(token,))).status_code == 200
    pk, rest = token.split("-", 1)
    arabic_indic = "".join(chr(0x0660 + int(digit)) for digit in pk)  # "٣" is a digit to Python's int()
    for variant in ("0" + token, f"00{pk}-{rest}", f"{arabic_indic}-{rest}", f"{pk}\u00b2-{rest}", f"+{token}"):
        response = client.get(english(reverse, route, args=(variant,)))
        assert response.status_code == 404, variant
        assert "This link does not work" in response.content.decode()


# A real gunicorn, as `make serve` runs it: three workers, one trusted proxy --------------


@pytest.fixture(scope="module")
def served(seeded_site):
    """(base URL, site) of gunicorn with eipvn/gunicorn.conf.py (its JSON access log)
    and the production defaults for client addresses: one proxy, trusted when it
    connects from loopback's 127.0.0.1 (TRUSTED_PROXY_IPS unset)."""
    with seeded_site.server(workers=3, production_config=True, TRUSTED_PROXIES="1") as url:
        yield url, seeded_site


SUBSCRIBE = "/en/updates/"


def subscribe(browser, email, forwarded):
    if "csrftoken" not in browser.cookies:
        browser.request(SUBSCRIBE)
    fields = {"email": email, "language": "en", "topics": "news", "frequency": "immediate", "consent": "on"}
    return browser.request(SUBSCRIBE, fields, **{"X-Forwarded-For": forwarded})[0]


def test_reached_directly_gunicorn_ignores_a_forged_forwarded_header(served):
    url, _site = served
    # From 127.0.0.2: to the server, another machine on the network, not the proxy.
    direct = Browser(url, source="127.0.0.2")
    answers = [subscribe(direct, f"direct-{n}@example.org", f"198.51.100.{n}") for n in range(7)]
    assert answers == [200] * 5 + [429] * 2  # five an hour per address, whatever the header says
    # From 127.0.0.1, where nginx connects from: the address it appended is believed.
    proxy = Browser(url)
    answers = [subscribe(proxy, f"proxied-{n}@example.org", f"10.9.9.{n}, 203.0.113.{n}") for n in range(7)]
    assert answers == [200] * 7  # seven visitors behind the proxy, counted apart


def test_a_real_server_logs_no_token_or_address(served):
    url, site = served
    site.log.flush()
    start = Path(site.log.name).stat().st_size
    browser = Browser(url)
    assert subscribe(browser, ADDRESS, "192.0.2.60") == 200
    (message,) = [m for m in site.mails() if m["To"] == ADDRESS]
    text = message.get_body(preferencelist=("plain",)).get_content()
    paths = {urlsplit(link).path for link in re.findall(r"https?://[^\s\"<>]+", text)}
    token_paths = [path for path in paths if "/updates/" in path and path != SUBSCRIBE]
    assert len(token_paths) == 3  # confirm, preferences, unsubscribe
    tokens_seen = [path.rstrip("/").rsplit("/", 1)[1] for path in token_paths]
    for path in token_paths:
        assert fetch(url + path)[0] == 200, path
    fetch(url + token_paths[0].rstrip("/") + "x/")  # a mistyped link: a 404 Django logs
    # The footer's link, and a link made before it that carried the address in the URL.
    home = fetch(url + "/en/")[2]
    assert ADDRESS not in home and 'type="email"' not in home[home.index('<footer class="site-footer">') :]
    assert fetch(f"{url}{SUBSCRIBE}?email={ADDRESS.replace('@', '%40')}&topic=news")[0] == 200

    deadline = time.monotonic() + 10
    while True:
        site.log.flush()
        with open(site.log.name) as log:
            log.seek(start)
            written = log.read()
        if written.count('"method": "GET"') >= 8 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    for token in tokens_seen:
        assert_clean(written, token)
    access = [json.loads(line) for line in written.splitlines() if line.startswith('{"time"') and '"remote"' in line]
    shapes = {entry["path"] for entry in access}
    assert {"/en/updates/confirm/[redacted]/", "/en/updates/preferences/[redacted]/"} <= shapes
    assert "/en/updates/unsubscribe/[redacted]/" in shapes
    assert "email=[redacted]&topic=news" in {entry["query"] for entry in access}
    assert any(entry["remote"] == "192.0.2.60" for entry in access)
