"""The visitor's address, the one place that decides it: the admin login's
lockout (django-axes), the rate limits (contact, subscribe, registration, API,
page passwords) and the logs all ask here.

``X-Forwarded-For`` is a list the client starts and each proxy extends with the
address it saw (nginx's ``$proxy_add_x_forwarded_for``). Only entries appended
by our own proxies can be believed, and a proxy is known by the address it
connects from, never by what a request says: ``TRUSTED_PROXY_IPS`` lists those
addresses (or networks). Walking from the connection (``REMOTE_ADDR``) leftwards
through the header, each hop that is a trusted proxy vouches for the entry to
its left, and the first hop that is not a proxy is the visitor. So a client that
reaches gunicorn directly, from anywhere else, is known by its own connection
whatever header it sends. ``TRUSTED_PROXIES`` caps how many proxies are walked
through (0: the header is never read), so a client inside a trusted network
cannot push the walk further left with entries of its own.
"""

import functools
import ipaddress

from django.conf import settings


def _valid(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


@functools.lru_cache(maxsize=8)
def proxy_networks(entries):
    """``entries`` (a tuple of addresses or networks) as ip_network objects; a
    ValueError names a bad entry (settings check them at start-up)."""
    return tuple(ipaddress.ip_network(entry.strip()) for entry in entries if entry.strip())


def _is_proxy(address, networks):
    address = ipaddress.ip_address(address)
    if address.version == 6 and address.ipv4_mapped:  # ::ffff:127.0.0.1 from a dual-stack socket
        address = address.ipv4_mapped
    return any(address in network for network in networks)


def address_from(meta, trusted_proxies=None, proxy_ips=None):
    """The client's address from a request's META (or a WSGI environ)."""
    if trusted_proxies is None:
        trusted_proxies = getattr(settings, "TRUSTED_PROXIES", 0)
    if proxy_ips is None:
        proxy_ips = getattr(settings, "TRUSTED_PROXY_IPS", ())
    remote = meta.get("REMOTE_ADDR") or ""
    hop = _valid(remote)
    if hop is None:
        return remote
    networks = proxy_networks(tuple(proxy_ips))
    entries = [entry for entry in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    for _ in range(trusted_proxies):
        if not entries or not _is_proxy(hop, networks):
            break
        vouched = _valid(entries.pop())
        if vouched is None:  # not an address: no proxy of ours wrote it
            break
        hop = vouched
    return hop


def client_address(request):
    """The address of the visitor who sent ``request`` (AXES_CLIENT_IP_CALLABLE)."""
    return address_from(request.META)
