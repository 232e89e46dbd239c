"""The visitor's address behind proxies (eipvn.client_address): only the entries
our own proxies (known by the address they connect from) appended to
X-Forwarded-For count; the rest is the client's say.
The login lockout and the contact limit built on it: test_security, test_contact."""

import datetime
import json
import logging
import subprocess

import pytest
from django.test import RequestFactory

from eipvn.client_address import address_from, client_address
from eipvn.json_logs import JsonFormatter, access_entry

LOOPBACK = ("127.0.0.1", "::1")  # the production default: nginx on the same machine
BALANCER = (*LOOPBACK, "10.2.0.0/16")  # and a load balancer in front of it


@pytest.mark.parametrize(
    ("remote", "forwarded", "proxies", "proxy_ips", "expected"),
    [
        ("203.0.113.7", "", 0, LOOPBACK, "203.0.113.7"),
        ("203.0.113.7", "10.0.0.1", 0, LOOPBACK, "203.0.113.7"),  # no proxy: the header is the client's own
        ("127.0.0.1", "203.0.113.7", 1, LOOPBACK, "203.0.113.7"),  # nginx appended it
        ("127.0.0.1", "10.0.0.1, 203.0.113.7", 1, LOOPBACK, "203.0.113.7"),  # the client's entry comes first
        ("127.0.0.1", "10.0.0.1,203.0.113.7", 1, LOOPBACK, "203.0.113.7"),
        ("127.0.0.1", "10.0.0.1, 203.0.113.7, 10.2.0.9", 2, BALANCER, "203.0.113.7"),  # balancer, then nginx
        # Reaching nginx without the balancer: nginx's entry is the visitor, the only one it vouches for.
        ("127.0.0.1", "203.0.113.7", 2, BALANCER, "203.0.113.7"),
        ("127.0.0.1", "10.0.0.1, 10.2.0.9", 1, BALANCER, "10.2.0.9"),  # no further than TRUSTED_PROXIES
        ("127.0.0.1", "", 1, LOOPBACK, "127.0.0.1"),
        ("127.0.0.1", "10.0.0.1, not-an-address", 1, LOOPBACK, "127.0.0.1"),
        ("::1", "2001:DB8::1", 1, LOOPBACK, "2001:db8::1"),
        ("::ffff:127.0.0.1", "203.0.113.7", 1, LOOPBACK, "203.0.113.7"),  # loopback on a dual-stack socket
        # gunicorn reached directly, not through a proxy: whatever the client writes is ignored.
        ("198.51.100.4", "203.0.113.7", 1, LOOPBACK, "198.51.100.4"),
        ("198.51.100.4", "127.0.0.1, 203.0.113.7", 2, LOOPBACK, "198.51.100.4"),
        ("10.2.0.9", "10.0.0.1, 203.0.113.7", 1, LOOPBACK, "10.2.0.9"),
    ],
)
def test_the_address_a_trusted_proxy_appended(remote, forwarded, proxies, proxy_ips, expected):
    meta = {"REMOTE_ADDR": remote, "HTTP_X_FORWARDED_FOR": forwarded}
    assert address_from(meta, proxies, proxy_ips) == expected


def test_a_mistyped_proxy_address_stops_the_start():
    from tests.test_scale import settings_with

    with pytest.raises(subprocess.CalledProcessError) as failure:
        settings_with(TRUSTED_PROXY_IPS="127.0.0.1, 10.0.0.1/8")  # host bits set: a typo
    assert "TRUSTED_PROXY_IPS" in failure.value.stderr


def test_the_setting_decides_how_many_proxies_are_trusted(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.7")
    settings.TRUSTED_PROXIES = 0
    assert client_address(request) == "127.0.0.1"
    settings.TRUSTED_PROXIES = 1
    assert client_address(request) == "203.0.113.7"
    settings.TRUSTED_PROXY_IPS = ["192.0.2.0/24"]  # the proxy is elsewhere: 127.0.0.1 is a client like any other
    assert client_address(request) == "127.0.0.1"


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
