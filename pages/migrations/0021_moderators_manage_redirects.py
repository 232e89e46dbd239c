"""Moderators manage the redirects (Settings → Redirects): the old websites'
addresses and where each now leads (pages.old_addresses). Superusers could
before; nobody else."""

from django.db import migrations

CODENAMES = {
    "add_redirect": "Can add redirect",
    "change_redirect": "Can change redirect",
    "delete_redirect": "Can delete redirect",
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailredirects", model="redirect")
    moderators = Group.objects.get_or_create(name="Moderators")[0]
    for codename, name in CODENAMES.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        moderators.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        moderators.permissions.remove(
            *Permission.objects.filter(content_type__app_label="wagtailredirects", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0020_roles_by_language"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
