"""A fresh SQLite database is made from the schema snapshot, and the snapshot
is what replaying every migration makes (pages/operations/schema_snapshot.py)."""

import copy
import os
import sqlite3
import subprocess
import sys

import pytest
from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper

from pages.management.commands.schema_snapshot import migrated_database
from pages.operations import schema_snapshot
from tests.servers import ROOT

pytestmark = pytest.mark.django_db


def sqlite_at(path):
    """A Django connection of its own to an SQLite file, with the project's options."""
    settings = copy.deepcopy(connection.settings_dict)
    if settings["ENGINE"] != "django.db.backends.sqlite3":
        settings.update(ENGINE="django.db.backends.sqlite3", OPTIONS={})
    settings["NAME"] = str(path)
    return DatabaseWrapper(settings, alias="snapshot-test")


def tables(path):
    with sqlite3.connect(path) as raw:
        return {name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_the_committed_snapshot_is_made_from_todays_migrations():
    assert schema_snapshot.snapshot_fingerprint() == schema_snapshot.fingerprint(), (
        "A migration changed: run `python manage.py schema_snapshot` and commit pages/operations/schema_snapshot.sql"
    )


def test_an_empty_sqlite_database_gets_every_migration_from_the_snapshot(tmp_path):
    database = sqlite_at(tmp_path / "fresh.sqlite3")
    try:
        assert schema_snapshot.load_if_fresh(database)
        with database.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = set(cursor.fetchall())
            cursor.execute("SELECT translation_key FROM wagtailcore_page")
            keys = [key for (key,) in cursor.fetchall()]
    finally:
        database.close()
    assert applied == set(schema_snapshot.project_migrations())
    # The root pages get random translation keys, not the fixed ones of the file.
    assert len(keys) == len(set(keys)) == 2 and not any(key.startswith("0000000") for key in keys)


def test_the_snapshot_is_not_used_on_a_database_with_tables_or_when_migrations_changed(tmp_path):
    stale = tmp_path / "stale.sql"
    header = schema_snapshot.HEADER
    stale.write_text(schema_snapshot.SNAPSHOT.read_text().replace(header, f"{header}0", 1))
    database = sqlite_at(tmp_path / "fresh.sqlite3")
    try:
        assert not schema_snapshot.load_if_fresh(database, path=stale)
        assert database.introspection.table_names() == []
        with database.cursor() as cursor:
            cursor.execute("CREATE TABLE someone_elses (id integer)")
        assert not schema_snapshot.load_if_fresh(database)
        assert database.introspection.table_names() == ["someone_elses"]
    finally:
        database.close()


def test_migrate_from_the_snapshot_gives_the_database_the_migrations_give(tmp_path):
    """Both ways, dumped the same way: the same tables, indexes, triggers and rows
    (content types, permissions, the editorial groups, the locales, the workflow)."""
    replayed = migrated_database(tmp_path)
    quick = tmp_path / "quick.sqlite3"
    run = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput"],
        env={**os.environ, "DATABASE_URL": f"sqlite:///{quick}", "TEST_SECTIONS": "false"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Loaded the schema snapshot" in run.stdout
    assert "No migrations to apply." in run.stdout
    assert "wagtailsearch_indexentry_fts" in tables(quick)
    dumps = []
    for path in (replayed, quick):
        with sqlite3.connect(path) as raw:
            schema_snapshot.normalise(raw)
            dumps.append(schema_snapshot.dump(raw))
    assert dumps[0] == dumps[1]
    committed = schema_snapshot.SNAPSHOT.read_text()
    assert committed == f"{schema_snapshot.HEADER}{schema_snapshot.fingerprint()}\n{dumps[0]}"
