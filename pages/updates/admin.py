"""Subscribers in the admin (menu "E-mail updates"): counts of confirmed
subscribers per language and topic at the top, filters, search, CSV/XLSX export
(formula-safe) and "Suppress": the address is deleted and never mailed again.
Moderators see, change, suppress and delete; Editors and Translators see nothing
(pages.personal_data)."""

import django_filters
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.widgets import ListingButton

from pages.personal_data import PersonalDataViewSet
from pages.spreadsheets import SafeSpreadsheetExportMixin
from pages.updates import subscriptions, topics
from pages.updates.models.records import Subscriber, SuppressedAddress

SUPPRESS_PERMISSION = "updates.suppress_subscriber"


class SubscriberFilterSet(WagtailFilterSet):
    topic = django_filters.ChoiceFilter(label=_("Section"), field_name="topics__topic", choices=topics.choices)

    class Meta:
        model = Subscriber
        fields = ["status", "language", "frequency"]


def counts():
    """Confirmed subscribers per language and topic, and the totals."""
    confirmed = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
    by_cell = {
        (row["language"], row["topics__topic"]): row["n"]
        for row in confirmed.values("language", "topics__topic").annotate(n=Count("pk", distinct=True))
    }
    by_language = dict(confirmed.values_list("language").annotate(n=Count("pk")))
    return {
        "languages": [name for _code, name in settings.LANGUAGES],
        "rows": [
            {"label": label, "cells": [by_cell.get((code, key), 0) for code, _name in settings.LANGUAGES]}
            for key, label in topics.choices()
        ],
        "totals": [by_language.get(code, 0) for code, _name in settings.LANGUAGES],
        "pending": Subscriber.objects.filter(status=Subscriber.Status.PENDING).count(),
        "suppressed": SuppressedAddress.objects.count(),
    }


class SubscriberIndexView(SafeSpreadsheetExportMixin, IndexView):
    template_name = "updates/admin/subscribers_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = counts()
        return context

    def get_add_url(self):
        return None  # no add view (SubscriberViewSet.get_urlpatterns)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm(SUPPRESS_PERMISSION):
            url = reverse("subscribers:suppress", args=(instance.pk,))
            buttons.append(ListingButton(_("Suppress"), url=url, icon_name="cross", priority=25))
        return buttons


def suppress_view(request, pk):
    if not request.user.has_perm(SUPPRESS_PERMISSION):
        raise PermissionDenied
    subscriber = get_object_or_404(Subscriber, pk=pk)
    if request.method == "POST":
        subscriptions.suppress(subscriber)
        messages.success(request, _("The address is deleted and will never be sent an update again."))
        return redirect("subscribers:index")
    return TemplateResponse(request, "updates/admin/subscriber_suppress.html", {"subscriber": subscriber})


class SubscriberViewSet(PersonalDataViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("E-mail updates")
    add_to_admin_menu = True
    menu_order = 265
    index_view_class = SubscriberIndexView
    filterset_class = SubscriberFilterSet
    list_display = ["email", "language", "topic_keys", "frequency", "status", "created_at"]
    search_fields = ["email"]
    list_export = ["email", "language", "topic_keys", "frequency", "status", "created_at", "confirmed_at"]
    export_filename = "subscribers"
    # Staff may correct the preferences; the address itself is the subscriber's.
    form_fields = ["language", "frequency"]
    inspect_view_enabled = True

    def get_view_urlpatterns(self):
        # No "add": people subscribe themselves (double opt-in), even into a superuser's list.
        patterns = [pattern for pattern in super().get_view_urlpatterns() if pattern.name != "add"]
        return [*patterns, path("suppress/<int:pk>/", suppress_view, name="suppress")]
