"""What the shell itself brings, declared like every section (pages.sections):
its demo (locales, home, About, contact, notices), the snippets its footer
and About pages show, and the personal data it keeps and for how long (the
privacy notice): contact messages and sign-in records PERSONAL_DATA_MONTHS,
counters a day, mail the outbox could not send within a week; and where the
old website's project page (/project) leads."""

import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import FormSubmission

from pages.demo.registry import Seeder
from pages.models import OutgoingMail, Partner, RateLimitHit, RelatedAgency, StandardPage, TeamMember
from pages.old_addresses import OldAddress
from pages.operations.retention import Retained
from pages.sections import Section


def _older_than(model, field, months=False):
    """Rows of ``model`` whose ``field`` is older than PERSONAL_DATA_MONTHS, or a day."""

    def expired(months_ago, day_ago):
        return model.objects.filter(**{f"{field}__lt": months_ago if months else day_ago})

    return expired


def _never_sent(months_ago, day_ago):
    """The outbox gives a mail up after its retries (hours): one left a week means no sender ran."""
    return OutgoingMail.objects.filter(created_at__lt=day_ago - datetime.timedelta(days=6))


SECTION = Section(
    demo=(
        Seeder("pages.demo.seed_shell", order=0),
        Seeder("pages.demo.seed_contact", order=90),
        Seeder("pages.demo.seed_notices", order=95),
    ),
    shown_models=(Partner, RelatedAgency, TeamMember),
    personal_data=(
        Retained(
            "wagtailforms.FormSubmission",
            "contact messages",
            _older_than(FormSubmission, "submit_time", True),
            forget_mail=True,
        ),
        Retained("axes.AccessLog", "sign-in records", _older_than(AccessLog, "attempt_time", True)),
        Retained(
            "axes.AccessFailureLog", "sign-in failure records", _older_than(AccessFailureLog, "attempt_time", True)
        ),
        Retained("axes.AccessAttempt", "sign-in failure counters", _older_than(AccessAttempt, "attempt_time")),
        Retained("pages.RateLimitHit", "rate-limit entries", _older_than(RateLimitHit, "at")),
        Retained("pages.OutgoingMail", "mail never sent", _never_sent),
    ),
    # eip-vietnam.org/project, the project's page: About (the first standard page), which describes it.
    old_addresses=(OldAddress("about", r"project", StandardPage, _("This section describes the project.")),),
)
