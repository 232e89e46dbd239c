"""The subscribe form and the preferences form."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from pages.forms.honeypot import HoneypotMixin
from pages.updates import topics
from pages.updates.models.records import Subscriber


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one topic.")},
    )
    frequency = forms.ChoiceField(
        label=_("How often"), choices=Subscriber.Frequency.choices, widget=forms.RadioSelect, initial="immediate"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = topics.choices()


class SubscribeForm(HoneypotMixin, PreferencesForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        error_messages={"invalid": _("Enter a valid e-mail address, such as name@example.org.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the project keeps my address to send me these updates"),
        error_messages={"required": _("Please agree, so that we may keep your address.")},
    )
    field_order = ["email", "language", "topics", "frequency", "consent"]
