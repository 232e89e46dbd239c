"""Which languages a user may write and translate into.

Wagtail's page and snippet permissions know nothing of locales, so a translator
who may edit the Vietnamese tree could also edit its English twin. Two
permissions per site language close that, checked by pages.editorial.languages
everywhere an object is created, changed, published or translated:

- ``edit_<lang>``: write originals in that language (create pages and snippets,
  change the objects that are their translation key's source, pages.origin);
- ``translate_<lang>``: change translations into that language.

Two, not one, because a person may hold two roles (a Vietnamese editor who also
translates into English): with one permission per language the union would
let them write English originals.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EditingLanguage(models.Model):
    """Holds permissions only: no table (managed = False)."""

    class Meta:
        managed = False
        default_permissions = ()
        verbose_name = _("editing language")
        permissions = [
            ("edit_en", "Can write English originals"),
            ("edit_vi", "Can write Vietnamese originals"),
            ("translate_en", "Can translate content into English"),
            ("translate_vi", "Can translate content into Vietnamese"),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)
