from django.db import models
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractFormField, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.forms import fields_html
from pages.forms.contact import ContactFormBuilder, over_rate_limit, send_to_office
from pages.forms.honeypot import HONEYPOT, is_spam
from pages.models.base import BasePage


class ContactFormField(TranslatableMixin, AbstractFormField):
    """A field of the contact form. Labels and choices are translated; the
    field's name stays the same in both languages, so submissions line up."""

    page = ParentalKey("pages.ContactPage", on_delete=models.CASCADE, related_name="form_fields")
    # As in Wagtail's AbstractFormField, with a help text for editors.
    field_type = models.CharField(
        verbose_name=_("field type"),
        max_length=16,
        choices=FORM_FIELD_CHOICES,
        help_text=_("What kind of answer the field takes, e.g. a line of text, an e-mail address or a choice."),
    )
    field_type.required_on_save = True
    required = models.BooleanField(
        verbose_name=_("required"),
        default=True,
        help_text=_("Tick if visitors must fill in this field before they can send the form."),
    )
    help_text = models.CharField(
        verbose_name=_("help text"), max_length=255, blank=True, help_text=_("Shown under the field on the form.")
    )

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class ContactSubmissionsPanel(FormSubmissionsPanel):
    """How many messages came, linking to them: for those who may read them."""

    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        def is_shown(self):
            # Loaded when the editor asks: the admin's modules import the page models.
            from pages.personal_data import may_see

            return may_see(self.request.user) and super().is_shown()


class ContactPage(FormMixin, BasePage):
    """Contact us: the office's details and a form built in the admin."""

    office_address = models.TextField(
        _("office address"),
        blank=True,
        help_text=_("The project office's postal address, shown on this page; put each part on its own line."),
    )
    office_phone = models.CharField(
        _("office phone"),
        max_length=60,
        blank=True,
        help_text=_('With the country code, e.g. "+84 24 1234 5678"; visitors can tap it to call.'),
    )
    office_email = models.EmailField(
        _("office e-mail"),
        blank=True,
        help_text=_("Shown on this page as a link; it does not change where form messages are sent."),
    )
    thank_you_text = models.TextField(
        _("thank-you message"), blank=True, help_text=_("Shown after a message was sent.")
    )

    override_translatable_fields = [SynchronizedField("office_phone")]
    form_builder = ContactFormBuilder
    landing_page_template = "pages/contact_page_landing.html"

    content_panels = [
        *Page.content_panels,
        ContactSubmissionsPanel(),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("office_address"), FieldPanel("office_phone"), FieldPanel("office_email")],
            heading=_("Office"),
        ),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
    ]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")

    def get_submissions_list_view_class(self):
        # Admin views import the page models, so they are loaded when the admin
        # asks, as Wagtail's FormMixin loads its own.
        from pages.forms.submissions import ContactSubmissionsListView

        return ContactSubmissionsListView

    def _render_form(self, request, form=None, status=200, notice=None):
        """The page with ``form`` (a visitor's), or with the blank form when None:
        its fields are kept as HTML, the form built only when they are not."""
        context = self.get_context(request)

        def blank():
            return self.get_form(page=self, user=request.user)

        fields = fields_html(form if form is not None else blank, f"blank-form:{self.pk}")
        context.update({"form": form, "notice": notice, "form_fields": fields})
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        # The form carries a CSRF token: this page is never stored by a cache.
        add_never_cache_headers(response)
        return response

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return self._render_form(request)
        form = self.get_form(request.POST, page=self, user=request.user)
        if over_rate_limit(request):
            notice = _("You have sent several messages in a short time. Please wait an hour and try again.")
            return self._render_form(request, form, status=429, notice=notice)
        if is_spam(form):
            notice = _("Your message could not be accepted. If you are a person, please leave the last field empty.")
            return self._render_form(request, form, notice=notice)
        if not form.is_valid():
            return self._render_form(request, form)
        submission = self.process_form_submission(form)
        send_to_office(self, form, submission)
        response = self.render_landing_page(request, submission, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def process_form_submission(self, form):
        data = {key: value for key, value in form.cleaned_data.items() if key != HONEYPOT}
        return self.get_submission_class().objects.create(form_data=data, page=self)
