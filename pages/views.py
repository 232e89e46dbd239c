import sys
import uuid

from django.core.cache import caches
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found as django_page_not_found
from wagtail import views as wagtail_views

from eipvn.client_address import client_address
from pages.operations import jobs, rate_limit

# What a lost or refused database connection raises (not a bad query).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        connection.close_if_unusable_or_obsolete()
        return False


def _cache_answers():
    # A round trip with a fresh value: a cache that swallows its errors
    # (Redis down with IGNORE_EXCEPTIONS) answers None. The page cache's store:
    # its keys need no database, unlike ``default``'s (generations).
    store, key, token = caches["pages"], "eipvn:healthz", uuid.uuid4().hex
    try:
        store.set(key, token, timeout=10)
        return store.get(key) == token
    except Exception:  # any cache failure means "not reachable"
        return False


def _jobs():
    """Whether a periodic job is "late" (no success for three of its intervals),
    and each job's last run. For monitoring only: every server reads the same
    table, so a late job taken as a failed health check would take every server
    out of the load balancer at once, for work that visitors' pages do not need."""
    try:
        runs = jobs.status()
    except DatabaseError:
        connection.close_if_unusable_or_obsolete()
        return "unavailable", {}
    details = {
        run["name"]: {
            "last_started": run["started_at"],
            "last_finished": run["finished_at"],
            "last_succeeded": run["succeeded_at"],
            "outcome": run["outcome"],
            "late": run["late"],
        }
        for run in runs
    }
    return ("late" if any(run["late"] for run in runs) else "ok"), details


@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 when the database and the cache
    answer, 503 naming the one that does not; ``jobs`` says whether periodic
    work is late, whatever the status (``job_runs`` says which)."""
    checks = {"database": _database_answers(), "cache": _cache_answers()}
    body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    body["jobs"], body["job_runs"] = _jobs() if checks["database"] else ("unavailable", {})
    return JsonResponse(body, status=200 if all(checks.values()) else 503)


def page_not_found(request, exception):
    # LocaleMiddleware has already activated the language of the URL prefix.
    return django_page_not_found(request, exception, template_name="404.html")


def server_error(request):
    """Static pages, rendered without context processors or the database:
    503 with Retry-After while the database is unreachable, else 500."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        response = HttpResponseServerError(loader.get_template("500.html").render())
    add_never_cache_headers(response)  # no proxy or page cache may keep an error
    return response


# Wagtail's page passwords (a view restriction of kind "password"): guesses are
# counted per visitor's address, every worker and server together.
PAGE_PASSWORD_LIMIT = 10  # tries per address
PAGE_PASSWORD_WINDOW = 15 * 60  # seconds


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page-password form, refused with a 429 after too many tries."""
    if request.method == "POST" and rate_limit.over_limit(
        "page-password", client_address(request), PAGE_PASSWORD_LIMIT, PAGE_PASSWORD_WINDOW
    ):
        minutes = PAGE_PASSWORD_WINDOW // 60
        response = render(request, "page_password_limited.html", {"minutes": minutes}, status=429)
        response["Retry-After"] = str(PAGE_PASSWORD_WINDOW)
        add_never_cache_headers(response)
        return response
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
