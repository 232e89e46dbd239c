"""Who may see visitors' personal data in the admin (pages.personal_data)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonalData(models.Model):
    """Holds one permission only: no table (managed = False)."""

    class Meta:
        managed = False
        default_permissions = ()
        verbose_name = _("visitors' personal data")
        permissions = [("view_personal_data", "Can see, export, change and delete visitors' personal data")]

    def __str__(self):
        return str(self._meta.verbose_name)
