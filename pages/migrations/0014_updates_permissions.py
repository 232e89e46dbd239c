"""Who sees the e-mail updates' subscribers (visitors' e-mail addresses):
Moderators view them, correct their preferences, suppress and delete them;
Editors and Translators do not see them (their work needs no address)."""

from django.db import migrations

ROLES = {"Moderators": ["view", "change", "delete", "suppress"]}
NAMES = {"suppress": "Can suppress a subscriber's address"}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="pages", model="subscriber")
    for name, actions in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_subscriber",
                defaults={"name": NAMES.get(action, f"Can {action} subscriber")},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("pages", "0013_updates"), ("pages", "0007_editorial_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
