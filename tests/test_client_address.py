"""The visitor's address behind proxies (eipvn.client_address): only the entries
our own proxies appended to X-Forwarded-For count; the rest is the client's say.
The login lockout and the contact limit built on it: test_security, test_contact."""

import datetime
import json
import logging

import pytest
from django.test import RequestFactory

from eipvn.client_address import address_from, client_address
from eipvn.json_logs import JsonFormatter, access_entry


@pytest.mark.parametrize(
    ("remote", "forwarded", "proxies", "expected"),
    [
        ("203.0.113.7", "", 0, "203.0.113.7"),
        ("203.0.113.7", "10.0.0.1", 0, "203.0.113.7"),  # no proxy: the header is the client's own
        ("127.0.0.1", "203.0.113.7", 1, "203.0.113.7"),  # nginx appended it
        ("127.0.0.1", "10.0.0.1, 203.0.113.7", 1, "203.0.113.7"),  # the client's entry comes first
        ("127.0.0.1", "10.0.0.1,203.0.113.7", 1, "203.0.113.7"),
        ("10.1.0.5", "10.0.0.1, 203.0.113.7, 10.2.0.9", 2, "203.0.113.7"),  # load balancer, then nginx
        ("127.0.0.1", "203.0.113.7", 2, "127.0.0.1"),  # shorter than the proxies: not through them all
        ("127.0.0.1", "", 1, "127.0.0.1"),
        ("127.0.0.1", "10.0.0.1, not-an-address", 1, "127.0.0.1"),
        ("::1", "2001:DB8::1", 1, "2001:db8::1"),
    ],
)
def test_the_address_a_trusted_proxy_appended(remote, forwarded, proxies, expected):
    meta = {"REMOTE_ADDR": remote, "HTTP_X_FORWARDED_FOR": forwarded}
    assert address_from(meta, proxies) == expected


def test_the_setting_decides_how_many_proxies_are_trusted(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.7")
    settings.TRUSTED_PROXIES = 0
    assert client_address(request) == "127.0.0.1"
    settings.TRUSTED_PROXIES = 1
    assert client_address(request) == "203.0.113.7"


def test_axes_asks_the_same_module(settings):
    from axes.helpers import get_client_ip_address

    settings.TRUSTED_PROXIES = 1
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.7")
    assert get_client_ip_address(request) == "203.0.113.7"


def test_error_logs_name_the_visitor_not_the_proxy(settings):
    settings.TRUSTED_PROXIES = 1
    request = RequestFactory().get("/en/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.7")
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Boom", (), None)
    record.request = request
    assert json.loads(JsonFormatter().format(record))["client"] == "203.0.113.7"


def test_the_access_log_names_the_visitor_not_the_proxy(settings):
    settings.TRUSTED_PROXIES = 1
    environ = {
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_X_FORWARDED_FOR": "10.0.0.1, 203.0.113.7",
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/en/",
    }
    assert access_entry(environ, "200 OK", 0, datetime.timedelta(0))["remote"] == "203.0.113.7"
