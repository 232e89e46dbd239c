"""The visitor's address, the one place that decides it: the admin login's
lockout (django-axes), the contact form's limit, the page-password limit and
the logs all ask here.

``X-Forwarded-For`` is a list the client starts and each proxy extends with the
address it saw (nginx's ``$proxy_add_x_forwarded_for``). Only the entries our
own proxies appended can be believed: ``TRUSTED_PROXIES`` says how many proxies
stand in front of the app, so the visitor is the entry that many places from
the right; anything further left is whatever the client chose to send. With no
trusted proxy (``TRUSTED_PROXIES=0``), the header is ignored and the address is
the connection's own (``REMOTE_ADDR``). A header shorter than the number of
proxies did not come through all of them, so it is ignored too.
"""

import ipaddress

from django.conf import settings


def _valid(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def address_from(meta, trusted_proxies=None):
    """The client's address from a request's META (or a WSGI environ)."""
    if trusted_proxies is None:
        trusted_proxies = getattr(settings, "TRUSTED_PROXIES", 0)
    remote = meta.get("REMOTE_ADDR") or ""
    if trusted_proxies > 0:
        hops = [entry.strip() for entry in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [entry for entry in hops if entry]
        if len(hops) >= trusted_proxies:
            address = _valid(hops[-trusted_proxies])
            if address is not None:
                return address
    return _valid(remote) or remote


def client_address(request):
    """The address of the visitor who sent ``request`` (AXES_CLIENT_IP_CALLABLE)."""
    return address_from(request.META)
