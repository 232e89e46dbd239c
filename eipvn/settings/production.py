"""Production: secrets from the environment, start-up fails when one is missing."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_required, env_str

SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must be set.")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Behind a TLS-terminating proxy, name the header it sets (X-Forwarded-Proto):
# trusting it without such a proxy would let any client claim https.
_proxy_header = env_str("SECURE_PROXY_SSL_HEADER", "").strip()
if _proxy_header:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_header.upper().replace("-", "_"), "https")
# One proxy (the nginx site in eipvn/deploy/, gunicorn bound to loopback) unless
# TRUSTED_PROXIES says otherwise: 0 when gunicorn faces visitors directly. Its
# X-Forwarded-For is believed only from TRUSTED_PROXY_IPS (base.py: loopback), so
# a client that reaches gunicorn from elsewhere cannot choose its address.
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 1 if env_bool("USE_X_FORWARDED_FOR", True) else 0)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading commits the whole domain to HTTPS in browsers for good: the operator opts in.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Errors to Sentry only when SENTRY_DSN is set; no personal data is sent, and
# URLs, messages and breadcrumbs lose tokens and addresses (eipvn.redaction).
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk  # only where errors are reported to Sentry

    from eipvn.redaction import sentry_before_send

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(env_str("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
        before_send=sentry_before_send,
        before_send_transaction=sentry_before_send,
        before_breadcrumb=sentry_before_send,
    )
