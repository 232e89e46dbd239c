"""The contact form's behaviour: limits, spam checks and mail.

A submission is stored first; the e-mail to the project office is queued in
the outbox (pages.mail.outbox) beside it and sent outside the request, so a
slow or broken mail server never troubles the visitor. Mail goes only to
CONTACT_EMAIL (never to the address a visitor typed), so the form cannot be
used to send mail to others; the office reads it as a visitor's message.
"""

import django.forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from eipvn.client_address import client_address
from pages.forms.honeypot import HONEYPOT, honeypot_field
from pages.mail import outbox
from pages.operations import rate_limit

RATE_LIMIT = 5  # submissions per address
RATE_WINDOW = 60 * 60  # seconds
MAX_LENGTHS = {"singleline": 200, "email": 254, "multiline": 5000}


class ContactFormBuilder(FormBuilder):
    """Every text field has a length limit; the message at most 5,000 characters."""

    def create_singleline_field(self, field, options):
        options["max_length"] = MAX_LENGTHS["singleline"]
        return django.forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = MAX_LENGTHS["multiline"]
        options.setdefault("widget", django.forms.Textarea(attrs={"rows": 8}))
        return django.forms.CharField(**options)

    def create_email_field(self, field, options):
        options["max_length"] = MAX_LENGTHS["email"]
        options["error_messages"] = {"invalid": _("Enter a valid e-mail address, such as name@example.org.")}
        return django.forms.EmailField(**options)

    def get_form_class(self):
        fields = dict(self.formfields)
        fields[HONEYPOT] = honeypot_field()
        return type("ContactForm", (BaseForm,), fields)


def over_rate_limit(request):
    """Count this attempt; True once an address has sent more than RATE_LIMIT in the window."""
    return rate_limit.over_limit("contact", client_address(request), RATE_LIMIT, RATE_WINDOW)


def _one_line(value):
    return " ".join(str(value).split())


def send_to_office(page, form, submission):
    """Queue the e-mail to the project office; False when no office address is set."""
    recipient = settings.CONTACT_EMAIL
    if not recipient:
        return False
    data = form.cleaned_data
    lines = [f"{field.label}: {data.get(field.name, '')}" for field in form if field.name != HONEYPOT]
    lines.append(f"Language: {page.locale.language_code}")
    subject_choice = data.get("subject", "")
    message = EmailMessage(
        subject=_one_line(f"[EIP Viet Nam] {page.title}: {subject_choice}")[:200],
        body="\n".join(lines),
        to=[recipient],
        reply_to=[data["email"]] if data.get("email") else None,
    )
    return outbox.queue(message, "contact", outbox.about(submission)) is not None
