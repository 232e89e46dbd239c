"""The subscribe form and the preferences form."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from pages.forms.honeypot import HoneypotMixin
from pages.navigation.localized import active_locale
from pages.themes.lookups import theme_rows
from pages.updates import topics
from pages.updates.models.records import Subscriber


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)
    # The sections (news, events, publications): "topics" in the code, "Sections" to readers.
    topics = forms.MultipleChoiceField(label=_("Sections"), widget=forms.CheckboxSelectMultiple, required=False)
    # Items on a theme from any section (pages.themes), as well as or instead of whole sections.
    themes = forms.MultipleChoiceField(label=_("Themes"), widget=forms.CheckboxSelectMultiple, required=False)
    frequency = forms.ChoiceField(
        label=_("How often"), choices=Subscriber.Frequency.choices, widget=forms.RadioSelect, initial="immediate"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = topics.choices()
        self.fields["themes"].choices = [
            (str(row["translation_key"]), row["title"]) for row in theme_rows(active_locale())
        ]
        if not self.fields["themes"].choices:
            del self.fields["themes"]

    def clean(self):
        data = super().clean()
        if not data.get("topics") and not data.get("themes"):
            self.add_error("topics", _("Choose at least one section or theme."))
        return data


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
    field_order = ["email", "language", "topics", "themes", "frequency", "consent"]
