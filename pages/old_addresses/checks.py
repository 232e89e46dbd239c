"""Start-up checks of the old websites' names: none may be this site's own."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.http.request import validate_host

from pages import old_addresses


@checks.register()
def old_hosts_are_not_this_site(app_configs, **kwargs):
    errors = []
    hosts = old_addresses.old_hosts()
    base = (urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "").lower()
    if base in hosts:
        errors.append(
            checks.Error(
                f"WAGTAILADMIN_BASE_URL ({settings.WAGTAILADMIN_BASE_URL}) is one of the old websites' names: "
                "their requests would be sent back to it for ever.",
                hint="Remove it from OLD_HOSTS / OLD_VIETNAMESE_HOSTS, or set WAGTAILADMIN_BASE_URL to the new "
                "address.",
                id="old_addresses.E001",
            )
        )
    named = [pattern for pattern in settings.ALLOWED_HOSTS if pattern != "*"]  # "*" names nobody in particular
    for host in sorted(hosts):
        if validate_host(host, named):
            errors.append(
                checks.Error(
                    f"{host} is both an old website's name and in ALLOWED_HOSTS: every request for it is "
                    "redirected, so the site is never served there.",
                    hint="If this site is served under that name, remove it from OLD_HOSTS / OLD_VIETNAMESE_HOSTS; "
                    "otherwise remove it from ALLOWED_HOSTS (old names need not be there).",
                    id="old_addresses.E002",
                )
            )
    return errors
