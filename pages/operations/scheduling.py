"""Scheduled publishing without a cron job.

Wagtail publishes pages whose go-live date has passed (and unpublishes expired
ones) when `manage.py publish_scheduled` runs. This middleware runs it about
once a minute in each worker (across servers when they share Redis), on
whatever request comes first, so a scheduled article appears on time without
anyone acting; what it publishes reaches every worker at once (pages.cache).
Once a day it also deletes personal data past its time (`purge_personal_data`).
A cron job or timer calling the commands works as well; then
PUBLISH_SCHEDULED_ON_REQUEST=false turns the middleware off."""

import io
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command

from pages.cache.generations import UNSCOPED_PREFIX

logger = logging.getLogger(__name__)
# Not tied to content: a publish must not let another worker start a second run.
LOCK_KEY = f"{UNSCOPED_PREFIX}publish-scheduled"
INTERVAL = 60  # seconds
PURGE_LOCK_KEY = f"{UNSCOPED_PREFIX}purge-personal-data"
PURGE_INTERVAL = 24 * 60 * 60


def _at_most_every(lock_key, interval, command, failure):
    try:
        if not cache.add(lock_key, True, timeout=interval):
            return
        call_command(command, stdout=io.StringIO())
    except Exception:  # never let housekeeping break a visitor's request
        logger.exception(failure)


def publish_due_pages():
    _at_most_every(LOCK_KEY, INTERVAL, "publish_scheduled", "Scheduled publishing failed")


def purge_personal_data():
    _at_most_every(PURGE_LOCK_KEY, PURGE_INTERVAL, "purge_personal_data", "Deleting old personal data failed")


class ScheduledPublishingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PUBLISH_SCHEDULED_ON_REQUEST:
            publish_due_pages()
            purge_personal_data()
        return self.get_response(request)
