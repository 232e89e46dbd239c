"""The admin login's lockout (django-axes, AXES_HANDLER): failures are counted
per username and address (AXES_FAILURE_LIMIT, 5), and also per address across
every username (LOGIN_FAILURE_LIMIT_PER_ADDRESS, 20), so one address cannot try
five passwords on each of many usernames.

django-axes compares one count with one limit (the largest of its
AXES_LOCKOUT_PARAMETERS groups' counts), so the address's count is scaled to the
per-pair limit here. Its parameters stay ``[["username", "ip_address"]]``: with
``"ip_address"`` among them, a successful sign-in would clear every username's
failures from that address, and an attacker with one account of their own could
reset the address's count by signing in to it.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class LockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        pair = super().get_failures(request, credentials)
        attempts = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
        )
        address = attempts.aggregate(failures=Sum("failures_since_start"))["failures"] or 0
        # address >= per-address limit  <=>  this scaled count >= AXES_FAILURE_LIMIT
        return max(pair, address * settings.AXES_FAILURE_LIMIT // settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS)
