"""Registrations are visitors' personal data: Moderators only (pages.personal_data),
so Editors no longer view them or mark attendance. And the admin's log names
registrations by number: entries written before hold "<name> – <event>"."""

import importlib

from django.db import migrations

# The same renaming as for subscribers.
number_in_log = importlib.import_module("pages.migrations.0016_personal_data_permission").number_in_log


def editors_no_longer_see_registrations(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.remove(
            *Permission.objects.filter(content_type__app_label="events", content_type__model="registration")
        )


def number_registrations_in_log(apps, schema_editor):
    number_in_log(apps, "events", "registration", "Registration")


class Migration(migrations.Migration):
    dependencies = [("events", "0007_registration_confirmed_by_email"), ("pages", "0016_personal_data_permission")]
    operations = [
        migrations.RunPython(editors_no_longer_see_registrations, migrations.RunPython.noop),
        migrations.RunPython(number_registrations_in_log, migrations.RunPython.noop),
    ]
