"""The site is bilingual from its first migration: a Vietnamese locale kept in
sync with English by wagtail-localize."""

from django.db import migrations


def add_vietnamese(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    english, _ = Locale.objects.get_or_create(language_code="en")
    vietnamese, _ = Locale.objects.get_or_create(language_code="vi")
    LocaleSynchronization.objects.get_or_create(locale=vietnamese, defaults={"sync_from": english})


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("wagtailcore", "0001_initial"),
        ("wagtail_localize", "0012_localesynchronization"),
    ]

    operations = [migrations.RunPython(add_vietnamese, migrations.RunPython.noop)]
