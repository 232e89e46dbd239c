"""Settings shared by every environment. Safe for production by default:
no debug, no default secret, secure cookies are switched on in production.py."""

import datetime
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail.embeds import oembed_providers

from eipvn.client_address import proxy_networks

from .env import env_bool, env_int, env_list, env_required, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "pages",
    "pages.updates",
    "pages.opendata",
    "pages.importer",
    "pages.themes",
    "parks",
    "events",
    "publications",
    "news",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # The old websites' names: a 301 to the same address here, before anything
    # reads the host (pages.old_addresses; OLD_HOSTS below).
    "pages.old_addresses.middleware.OldHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "eipvn.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Generations read once per request, previews kept out of the fragments.
    "pages.cache.middleware.CacheScopeMiddleware",
    "pages.cache.page_cache.PageCacheMiddleware",
    # Inside the page cache, which keeps gzipped and plain answers apart; Django
    # pads gzipped pages with random bytes against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "eipvn.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # An old-style address (/article/60) that no redirect below knows: to its
    # section's page with a note (pages.old_addresses).
    "pages.old_addresses.middleware.FallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the login view's outcome (lockout after repeated failures).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "eipvn.urls"
WSGI_APPLICATION = "eipvn.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # The ``date`` filter is Django's, remembered per value, format and language.
            "builtins": ["pages.templatetags.remembered_dates"],
        },
    },
]

# Persistent connections, checked before reuse: after a database restart the
# next request reconnects by itself (no app server restart).
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # Writers take the lock when their transaction begins, so two requests
        # never both read and then fail to write (events.registration counts
        # places so); a write-ahead log, committed without waiting for the disk
        # on every transaction (a power cut may lose the last ones, never the
        # file), makes migrate and seed_demo several times quicker.
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# What each worker may keep is proven current on every request against
# generations in the database (pages.cache.generations), so the caches below
# are storage only: a worker's own memory on one machine, or Redis (REDIS_URL)
# shared by every worker and server. Three caches: fragments and routes
# (``default``), whole pages, and pages' filtered or paginated variants, kept
# apart so that no visitor walking through variants can evict the pages.
# Redis down is not an outage: reads miss, writes are dropped, and the site
# renders from the database, slower; coherence never depended on it.
REDIS_URL = env_str("REDIS_URL")


def cache_settings(redis_url):
    """CACHES for Redis at ``redis_url``, or for each worker's own memory."""
    rooms = {"default": 10_000, "pages": 3_000, "page_variants": 2_000}
    if redis_url:
        shared = {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,  # one Redis; the key names keep the three apart
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "eipvn"),  # several sites can share one Redis
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
        caches = {alias: dict(shared) for alias in rooms}
    else:
        # Each its own room; the least recently used go first (older generations' entries, say).
        caches = {
            alias: {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": alias,
                "OPTIONS": {"MAX_ENTRIES": room},
            }
            for alias, room in rooms.items()
        }
    # Everything in ``default`` belongs to the current fragments generation, what
    # Wagtail keeps there included (renditions, the Sites' root paths).
    caches["default"]["KEY_FUNCTION"] = "pages.cache.generations.scoped_key"
    return caches


CACHES = cache_settings(REDIS_URL)
if REDIS_URL:
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "eipvn.cache"

# Whole pages for anonymous visitors (pages.cache.page_cache): how long the app keeps
# them, how long browsers may reuse one, and how long a CDN may serve a stale
# copy while it fetches a fresh one.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
# PostgreSQL: each connection keeps the cache generations it has read until a
# change is announced (pages.cache.listening); off behind a transaction-pooling proxy.
GENERATIONS_LISTEN = env_bool("GENERATIONS_LISTEN", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_BROWSER_SECONDS = env_int("PAGE_CACHE_BROWSER_SECONDS", 60)
PAGE_CACHE_STALE_SECONDS = env_int("PAGE_CACHE_STALE_SECONDS", 60)
# Contact messages are deleted this many months after they came (the privacy
# notice says so): `manage.py purge_personal_data`, run daily by `run_jobs`.
PERSONAL_DATA_MONTHS = env_int("PERSONAL_DATA_MONTHS", 12)
# Event registrations one client address may make in an hour (events.registration).
REGISTRATION_RATE_LIMIT = env_int("REGISTRATION_RATE_LIMIT", 10)
# Render a page and its parent once after it is published, so that its image
# renditions exist before the first visitor comes (pages.operations.renditions).
PREPARE_RENDITIONS_ON_PUBLISH = True

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out username and address first
    "django.contrib.auth.backends.ModelBackend",
]
# Brute force on the admin login: 5 failures for one username from one address
# lock that pair out for 30 minutes, and 20 from one address across usernames
# lock the address out (eipvn.lockout); a successful login clears its own
# username's count. Failures are counted in the database, which every worker
# and server shares.
AXES_HANDLER = "eipvn.lockout.LockoutHandler"
AXES_FAILURE_LIMIT = 5
LOGIN_FAILURE_LIMIT_PER_ADDRESS = 20
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "eipvn.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "eipvn.client_address.client_address"  # honours TRUSTED_PROXY_IPS
AXES_VERBOSE = False
# Staff sessions end after 8 hours, or sooner when the browser closes.
# Two-step verification (eipvn/two_factor.py): each staff member may turn it on;
# TWO_FACTOR_REQUIRED makes it compulsory for everyone who signs in to the admin.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
OTP_TOTP_ISSUER = "EIP Viet Nam"
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source locale, Vietnamese its synchronised twin.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("vi", "Tiếng Việt")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# locale/ holds the site's own strings (make messages); locale/admin/ a
# supplementary Vietnamese catalogue for Wagtail's admin, whose own is sparse.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "admin"]
LANGUAGE_COOKIE_NAME = "django_language"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Ho_Chi_Minh"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the site's root (/favicon.ico, /apple-touch-icon.png),
# served by WhiteNoise so that they are never a 404.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Where `manage.py backup` (daily from `run_jobs`) writes, one folder per backup.
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(VAR_DIR / "backups")))
# Files an import names by path (manage.py import_content; pages.importer.files) are read from here only.
IMPORT_ROOT = Path(env_str("IMPORT_ROOT", str(VAR_DIR / "import")))
# The daily backup then deletes those older than this: what the purge deletes
# (personal data past its time) does not outlive it in backups for long.
BACKUP_KEEP_DAYS = env_int("BACKUP_KEEP_DAYS", 30)
# Only dev and test serve uploads from Django; production puts a web server or
# object storage in front of MEDIA_ROOT (SERVE_MEDIA=true for a one-machine demo,
# as `make lighthouse` runs).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Several app servers share uploads through S3-compatible object storage.
# Documents still go through Django (serve_view), so private collections hold:
# only images/, original_images/ and videos/ need to be publicly readable.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
MEDIA_ORIGIN = ""  # where browsers fetch uploads from when it is not this site (for the CSP)
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME")
    AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN")
    AWS_QUERYSTRING_AUTH = False  # stable URLs that cached pages can keep
    AWS_DEFAULT_ACL = None  # the bucket's policy decides who reads what
    AWS_S3_FILE_OVERWRITE = False
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_ORIGIN = f"https://{AWS_S3_CUSTOM_DOMAIN}"
    elif AWS_S3_ENDPOINT_URL:
        MEDIA_ORIGIN = AWS_S3_ENDPOINT_URL.rstrip("/")
    else:
        MEDIA_ORIGIN = f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"

# Content-Security-Policy (django-csp): a static header, no nonces, so that a
# cached page keeps a valid policy. Templates have no inline script or style;
# embedded players come only from the video sites listed here.
CSP_FRAME_ORIGINS = env_list(
    "CSP_FRAME_ORIGINS",
    ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
)
_media = [MEDIA_ORIGIN] if MEDIA_ORIGIN else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_media],
        "media-src": ["'self'", *_media],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": CSP_FRAME_ORIGINS or ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Wagtail's admin has inline scripts and styles, and frames its own previews.
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *_media],
    "frame-src": ["'self'", *CSP_FRAME_ORIGINS],
    "frame-ancestors": ["'self'"],
}
# Embeds (EmbedBlock, a video page's player) come from these oEmbed providers
# only, the sites frame-src allows: the HTML an oEmbed endpoint returns is put
# into the page as it is, so no other endpoint may be asked (pages.embeds).
EMBED_PROVIDERS = {"YouTube": oembed_providers.youtube, "Vimeo": oembed_providers.vimeo}
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed", "providers": list(EMBED_PROVIDERS.values())}]
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), magnetometer=(), gyroscope=()"
# The admin calls no third party (privacy, and the CSP): no Gravatar avatars, no
# check for new Wagtail releases (upgrades go through requirements.txt anyway).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# A CDN or caching proxy purged on publish (wagtail.contrib.frontend_cache), for
# the page's URLs in both languages (pages.cache.purge).
WAGTAILFRONTENDCACHE = {}
if env_str("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_URL"),
    }
if env_str("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_required("FRONTEND_CACHE_CLOUDFLARE_TOKEN"),
        "ZONEID": env_str("FRONTEND_CACHE_CLOUDFLARE_ZONEID"),
    }
if env_str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env_str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"),
    }
if WAGTAILFRONTENDCACHE:
    # Before "pages", whose ready() disconnects its purge on publish: the
    # publish pipeline purges after the commit instead (pages.publishing).
    INSTALLED_APPS.insert(0, "wagtail.contrib.frontend_cache")
# Wagtail would rewrite /en/about/ into /vi/about/, but Vietnamese slugs differ:
# pages.cache.purge adds each translation's own URL instead.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Outgoing mail from EMAIL_URL (e.g. smtp+tls://user:password@smtp.example.org:587);
# without it, mail is printed to the console.
_email_url = env_str("EMAIL_URL")
if _email_url:
    _email = dj_email_url.parse(_email_url)
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email["EMAIL_HOST"]
    EMAIL_PORT = _email["EMAIL_PORT"]
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
    EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
    EMAIL_TIMEOUT = _email.get("EMAIL_TIMEOUT") or 10
    if _email.get("EMAIL_FILE_PATH"):  # file:////var/mail/eipvn: one file per message (tests)
        EMAIL_FILE_PATH = _email["EMAIL_FILE_PATH"]
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "EIP Viet Nam <no-reply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The contact form's recipient; mail never goes to an address a visitor typed.
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "contact@example.org")
# The visitor's address, for the login lockout, the rate limits and the logs
# (eipvn.client_address): X-Forwarded-For is believed only as far as it was
# written by proxies that connect from TRUSTED_PROXY_IPS (addresses or networks),
# through at most TRUSTED_PROXIES of them. 0: no proxy; the header is ignored and
# the connection's address used. production.py defaults to 1, the nginx site in
# eipvn/deploy/ on the same machine. The former USE_X_FORWARDED_FOR=true means one proxy.
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 1 if env_bool("USE_X_FORWARDED_FOR", False) else 0)
if TRUSTED_PROXIES < 0:
    raise ImproperlyConfigured("TRUSTED_PROXIES must be 0 or more.")
TRUSTED_PROXY_IPS = env_list("TRUSTED_PROXY_IPS", ["127.0.0.1", "::1"])
try:
    proxy_networks(tuple(TRUSTED_PROXY_IPS))
except ValueError as error:
    raise ImproperlyConfigured(f"TRUSTED_PROXY_IPS: {error}") from None

WAGTAIL_SITE_NAME = "EIP Viet Nam"
# The site's public address: admin notifications, and where the old websites' names lead.
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The websites this one replaces (docs/operations.md, "Old addresses"): a request for
# one of these names gets a 301 to the same path and query at WAGTAILADMIN_BASE_URL,
# the Vietnamese website's under /vi/ (pages.old_addresses). Keep them out of
# ALLOWED_HOSTS: nothing else is served on them. Empty: none.
OLD_HOSTS = env_list("OLD_HOSTS", ["eip-vietnam.org", "www.eip-vietnam.org"])
OLD_VIETNAMESE_HOSTS = env_list(
    "OLD_VIETNAMESE_HOSTS", ["khucongnghiepsinhthai-vietnam.vn", "www.khucongnghiepsinhthai-vietnam.vn"]
)
# ASCII slugs everywhere; Vietnamese ones are transliterated (pages.search.folding).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The read-only API (pages.opendata.api): at most this many items per answer.
WAGTAILAPI_LIMIT_MAX = 50
# Addresses per sitemap file (pages.seo; the protocol allows 50,000): small
# enough that each file is built in the same short time whatever the site's size.
SITEMAP_URLS_PER_FILE = 10_000
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "zip"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "publications.forms.DocumentForm"
# Every download carries a readable file name (Content-Disposition: attachment).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # so downloads are counted and private collections checked
DOCUMENT_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
VIDEO_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
IMPORT_UPLOAD_MAX_SIZE = 10 * 1024 * 1024  # a spreadsheet for Settings → Import content (pages.importer.views)
WAGTAILIMAGES_EXTENSIONS = ["png", "jpg", "jpeg", "webp", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Wagtail's database backend, ranked in one query on SQLite (see the module).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "pages.search.admin_backend"}}

# The admin in English or Vietnamese, as each user chooses in their account.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES


def machine_translator(backend):
    """The translation editor's "Translate with…" button.

    "" (off), "dummy" (wagtail-localize's test translator), or "libretranslate"
    for a self-hosted LibreTranslate at LIBRETRANSLATE_URL.
    """
    if not backend:
        return None
    if backend == "dummy":
        return {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
    if backend == "libretranslate":
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": env_required("LIBRETRANSLATE_URL"),
                "API_KEY": env_str("LIBRETRANSLATE_API_KEY", ""),
            },
        }
    raise ImproperlyConfigured(f"MACHINE_TRANSLATOR must be empty, 'dummy' or 'libretranslate', not {backend!r}.")


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(env_str("MACHINE_TRANSLATOR", ""))

# One JSON object a line on stderr; errors carry the request's method, path and
# status (eipvn.json_logs) for whatever collects the app servers' logs.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "eipvn.json_logs.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Background tasks run inline; their per-task lines are noise.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

SITE_NAME = _("Eco-Industrial Park Initiative in Viet Nam")
FORMAT_MODULE_PATH = ["eipvn.formats"]
