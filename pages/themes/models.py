"""One bilingual list of themes shared by every section, and the mixin that
puts them on a page type.

A page's themes are a synchronised field (wagtail-localize copies the source's
choice to its translations, so they point at the source language's rows); a
theme is therefore always matched across languages by its translation key and
shown in the reader's language (pages.navigation.localized).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework.fields import Field
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.models import BasePage
from pages.search.folding import transliterate_slug


class Theme(TranslatableMixin, models.Model):
    """A theme with a name in each language ("Water" / "Nước")."""

    name = models.CharField(
        _("name"), max_length=80, help_text=_('As shown on pages, in filters and on its theme page, e.g. "Water".')
    )
    slug = models.SlugField(
        _("slug"), max_length=80, blank=True, help_text=_("Its address, made from the name if left empty.")
    )
    description = models.TextField(
        _("description"), blank=True, max_length=600, help_text=_("One or two sentences shown on the theme's page.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [TranslatableField("name"), TranslatableField("slug"), TranslatableField("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Vietnamese names give ASCII slugs ("Nước" → "nuoc"), "đ" kept as "d".
        self.slug = transliterate_slug(self.slug or self.name)
        super().save(*args, **kwargs)


class _ThemesOfItsLanguage:
    """Offers the themes of the item's language (and any it already has), not
    both languages' rows side by side."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("themes")
        locale_id = getattr(self.instance, "locale_id", None)
        if field is not None and locale_id:
            chosen = self.instance.themes.all() if self.instance.pk else Theme.objects.none()
            field.queryset = Theme.objects.filter(
                models.Q(locale_id=locale_id) | models.Q(pk__in=[theme.pk for theme in chosen])
            )


class ThemedPageForm(_ThemesOfItsLanguage, WagtailAdminPageForm):
    pass


class ThemedSnippetForm(_ThemesOfItsLanguage, WagtailAdminModelForm):
    """For a translatable snippet with themes (a company result)."""


class ThemesAPIField(Field):
    """A page's themes in the API: each theme's slug and name in the page's
    language (its source's where not translated), and its theme page's address."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        from pages.themes.lookups import page_themes

        request = self.context.get("request")
        absolute = request.build_absolute_uri if request is not None else str
        return [
            {"slug": t["slug"], "name": t["name"], "html_url": absolute(t["url"]) if t["url"] else None}
            for t in page_themes(page)
        ]


class ThemedPage(models.Model):
    """Mixin for a page type that has themes (news, events, publications, case
    studies): the theme pages, every listing's theme filter, the datasets, the
    API and e-mail updates find its pages through it, with no section named."""

    themes = ParentalManyToManyField(
        "themes.Theme",
        blank=True,
        related_name="+",
        verbose_name=_("themes"),
        help_text=_("What the page is about; readers find it on each theme's page and by the theme filter."),
    )

    override_translatable_fields = [SynchronizedField("themes")]
    api_fields = [APIField("themes", serializer=ThemesAPIField(read_only=True))]
    base_form_class = ThemedPageForm
    # (key, label) of its section on a theme's page and in its filter, e.g. ("news", _("News")).
    theme_section = None
    # The date a theme's page orders and filters its pages by.
    theme_date_field = "first_published_at"

    class Meta:
        abstract = True

    def theme_date(self):
        return getattr(self, self.theme_date_field)

    @staticmethod
    def themes_panel():
        from django import forms

        return FieldPanel("themes", widget=forms.CheckboxSelectMultiple, heading=_("Themes"))


class ThemesPage(RoutablePageMixin, BasePage):
    """ "Themes": every theme, and at ``<slug>/`` a theme's page listing what
    every section has on it (pages.themes.views). A routed sub-view rather
    than a page per theme: one tree page per language to publish, translate and
    put in the menu, while the themes stay one list of snippets; its answers
    are whole pages the page cache keeps like any listing's."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("themes page")

    def get_context(self, request, *args, for_theme=False, **kwargs):
        from pages.themes import views

        context = super().get_context(request, *args, **kwargs)
        if not for_theme:
            context.update(views.overview_context(request, self))
        return context

    @path("<str:slug>/", name="theme")
    def theme(self, request, slug):
        from pages.themes import views

        return views.theme_view(request, self, slug)
