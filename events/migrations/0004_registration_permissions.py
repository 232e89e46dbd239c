"""Who sees registrations (names and e-mail addresses of visitors): Moderators
view them, mark attendance and delete them; Editors view them and mark
attendance; Translators do not see them."""

from django.db import migrations

ROLES = {"Moderators": ["view", "change", "delete"], "Editors": ["view", "change"]}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="events", model="registration")
    for name, actions in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_registration",
                defaults={"name": f"Can {action} registration"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("events", "0003_registration"), ("pages", "0007_editorial_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
