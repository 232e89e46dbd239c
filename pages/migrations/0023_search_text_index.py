"""The search entries' text index (pages.search.text_index): an FTS5 table and
its triggers on SQLite, pg_trgm's GIN indexes on PostgreSQL."""

from django.db import migrations

from pages.search import text_index


def create(apps, schema_editor):
    text_index.create(schema_editor)


def drop(apps, schema_editor):
    text_index.drop(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("pages", "0022_content_changes_and_corrections")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
