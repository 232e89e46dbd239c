"""Limits on how often one visitor may do a thing (send the contact form),
counted in the database so that every worker and every server count together.

The visitor's address is stored only as a keyed hash, and rows older than the
window are deleted as new ones arrive.
"""

import datetime
import hashlib
import hmac

from django.apps import apps
from django.conf import settings
from django.utils import timezone


def _client_hash(scope, address):
    message = f"{scope}:{address}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def over_limit(scope, address, limit, window_seconds):
    """Count this attempt; True once ``address`` made more than ``limit`` in the window."""
    hits = apps.get_model("pages", "RateLimitHit").objects
    now = timezone.now()
    since = now - datetime.timedelta(seconds=window_seconds)
    hits.filter(scope=scope, at__lt=since).delete()
    client = _client_hash(scope, address)
    hits.create(scope=scope, client=client, at=now)
    return hits.filter(scope=scope, client=client, at__gte=since).count() > limit
