"""Signed tokens for links in e-mails (a registration's cancel link, a
subscriber's confirm and unsubscribe links).

A token names a row by its id and carries an HMAC of it made with the site's
secret, so it cannot be guessed or changed. ``secrets`` (e.g. a random key
stored on the row) bind it to the row's current state: change the key and every
old link stops working. A timed token also carries when it was made and expires.
Tokens are letters, digits and "-" only, which Wagtail routes in page addresses.

A token has one form, the one ``make`` writes: ``03-…`` or ``٣-…`` (the id
written otherwise) is refused like a forged one, so no two addresses open the
same link. Their signature, a run of hex digits, is what keeps them out of the
logs (eipvn.redaction).
"""

import re
import secrets
import time

from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import base36_to_int, int_to_base36


def new_key():
    """A row's own random key (a model field's default): part of what its
    tokens sign, so a new key voids every link made before."""
    return secrets.token_hex(16)


class Expired(Exception):
    """The token was made here, but longer ago than it may be used."""


def _signature(salt, *parts):
    return salted_hmac(salt, ":".join(str(part) for part in parts), algorithm="sha256").hexdigest()[:32]


def make(salt, pk, *secrets, timed=False):
    if timed:
        issued = int_to_base36(int(time.time()))
        return f"{pk}-{issued}-{_signature(salt, pk, issued, *secrets)}"
    return f"{pk}-{_signature(salt, pk, *secrets)}"


_PK = re.compile(r"[1-9][0-9]{0,17}")  # as str(int) writes it: ASCII, no leading zero


def pk_of(token):
    """The id a token names (not yet checked), or None."""
    pk = token.partition("-")[0]
    return int(pk) if _PK.fullmatch(pk) else None


def check(salt, token, *secrets, max_age=None):
    """True for a token made here for these secrets; raises Expired for a timed
    one older than ``max_age`` seconds; False for anything else."""
    pk = pk_of(token)
    if pk is None:
        return False
    rest = token.partition("-")[2]
    if max_age is None:
        return constant_time_compare(rest, _signature(salt, pk, *secrets))
    issued, _, signature = rest.partition("-")
    try:
        made = base36_to_int(issued)
    except ValueError:
        return False
    if not constant_time_compare(signature, _signature(salt, pk, issued, *secrets)):
        return False
    if time.time() - made > max_age:
        raise Expired
    return True
