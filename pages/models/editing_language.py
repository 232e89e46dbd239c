"""Which languages a user may change content in.

Wagtail's page and snippet permissions know nothing of locales, so a translator
who may edit the Vietnamese tree could also edit its English twin. One
permission per site language closes that: a group holds ``edit_en``,
``edit_vi`` or both, and pages.editorial.languages checks it everywhere an
object is created, changed, published or translated.
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
            ("edit_en", "Can create and change English content"),
            ("edit_vi", "Can create and change Vietnamese content"),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)
