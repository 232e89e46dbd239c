"""The registration form: name, e-mail and consent always; the other questions
as the editor chose them on the event page.

The name is greeted in e-mails once its owner has confirmed, so it is one plain
line: spaces folded, no link, no address, no markup, at most NAME_LENGTH
characters."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from pages.forms.honeypot import HONEYPOT, HoneypotMixin

from .models import Registration

OPTIONAL = {
    "organisation": "ask_organisation",
    "position": "ask_position",
    "phone": "ask_phone",
    "preferred_language": "ask_language",
    "needs": "ask_needs",
}


NAME_LENGTH = 100
NOT_A_NAME = re.compile(r"://|www\.|@|[<>\[\]{}]|\w\.(?:com|net|org|info|io|ly|vn)\b", re.IGNORECASE)


def plain_name(value):
    """The name as one line, or a ValidationError in the visitor's language."""
    name = " ".join(value.split())
    if len(name) > NAME_LENGTH or NOT_A_NAME.search(name) or any(not char.isprintable() for char in name):
        raise forms.ValidationError(
            _("Please give just your name, in at most %(length)s characters, with no link or address.")
            % {"length": NAME_LENGTH}
        )
    return name


class RegistrationForm(HoneypotMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree that the organisers keep these details to run the event"),
        error_messages={"required": _("Please agree, so that we may keep your registration.")},
    )

    class Meta:
        model = Registration
        fields = ["name", "email", *OPTIONAL]
        widgets = {"needs": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        for name, switch in OPTIONAL.items():
            if not getattr(event, switch):
                del self.fields[name]
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        if "organisation" in self.fields:
            self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        if "phone" in self.fields:
            self.fields["phone"].widget = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})

    def clean_name(self):
        return plain_name(self.cleaned_data["name"])

    def details(self):
        """What register() stores: the answered questions only."""
        return {name: value for name, value in self.cleaned_data.items() if name not in ("consent", HONEYPOT)}
