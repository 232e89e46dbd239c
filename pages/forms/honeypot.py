"""A field people never see or fill in; bots that fill every input do. The
contact, registration and subscribe forms share it."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website"


def honeypot_field():
    return forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


def is_spam(form):
    return bool(form.data.get(HONEYPOT, "").strip())


class HoneypotMixin:
    """Adds the honeypot to a Django form; ``is_spam()`` says whether it was filled."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT] = honeypot_field()

    def is_spam(self):
        return is_spam(self)
