"""Visitors' personal data (contact messages, registrations, subscribers) is for
Moderators only (pages.personal_data): one permission, pages.view_personal_data,
that every admin view of such data asks. And the admin's log names subscribers
by number: entries written before keep the address as their label."""

from django.db import migrations, models


def grant_to_moderators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="pages", model="personaldata")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_personal_data",
        defaults={"name": "Can see, export, change and delete visitors' personal data"},
    )
    Group.objects.get_or_create(name="Moderators")[0].permissions.add(permission)


def number_subscribers_in_log(apps, schema_editor):
    number_in_log(apps, "pages", "subscriber", "Subscriber")


def number_in_log(apps, app_label, model, word):
    """Log entries of these records are labelled "<word> <number>", with no data
    (events' migration 0007 does the same for registrations)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
    if content_type is None:  # a new database: nothing logged yet
        return
    entries = ModelLogEntry.objects.filter(content_type=content_type)
    for entry in entries.exclude(label__regex=rf"^{word} [0-9]+$").only("pk", "object_id"):
        ModelLogEntry.objects.filter(pk=entry.pk).update(label=f"{word} {entry.object_id}", data={})


class Migration(migrations.Migration):
    dependencies = [("pages", "0015_outgoingmail")]

    operations = [
        migrations.CreateModel(
            name="PersonalData",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
            ],
            options={
                "verbose_name": "visitors' personal data",
                "permissions": [
                    ("view_personal_data", "Can see, export, change and delete visitors' personal data")
                ],
                "managed": False,
                "default_permissions": (),
            },
        ),
        migrations.RunPython(grant_to_moderators, migrations.RunPython.noop),
        migrations.RunPython(number_subscribers_in_log, migrations.RunPython.noop),
    ]
