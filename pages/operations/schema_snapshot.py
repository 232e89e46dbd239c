"""A snapshot of the migrated SQLite schema, so a fresh SQLite database is ready
in a second instead of half a minute.

Replaying Django's and Wagtail's ~250 migrations costs about 30 s of CPU on a
2-core machine, nearly all of it Django re-rendering model states between
operations. A fresh SQLite database (the demo of `make run`, the test database,
each seeded test server) instead runs the SQL that those migrations produced,
kept in ``schema_snapshot.sql``. The file names the migrations it was made from
(a hash of every migration file and of Django's version): when they differ, or
the database is not empty, or it is PostgreSQL, Django's ``migrate`` does the
work as usual. ``manage.py schema_snapshot`` writes the file anew by replaying
the migrations; a test fails while the committed file is out of date.
"""

import hashlib
import sys
import uuid
from pathlib import Path

import django
from django.apps import apps
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

SNAPSHOT = Path(__file__).with_name("schema_snapshot.sql")
HEADER = "-- migrations "


def project_migrations():
    """{(app, name): migration} on disk, but a test-only app's (tests/…, in the
    test settings only): the snapshot is the project's; those apply after it."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    test_only = {config.label for config in apps.get_app_configs() if config.name.startswith("tests.")}
    return {key: migration for key, migration in loader.disk_migrations.items() if key[0] not in test_only}


def fingerprint():
    """A hash of every migration on disk (its name and its file) and of Django's version."""
    migrations = project_migrations()
    digest = hashlib.sha256(django.get_version().encode())
    for key in sorted(migrations):
        source = Path(sys.modules[migrations[key].__module__].__file__).read_bytes()
        digest.update(f"{key[0]}.{key[1]}\n".encode())
        digest.update(hashlib.sha256(source).digest())
    return digest.hexdigest()


def _quoted(name):
    return '"' + name.replace('"', '""') + '"'


def normalise(raw):
    """Fix the values that differ on every run of the migrations (when each was
    applied, the root pages' random translation keys) in a throwaway database,
    so that two runs dump the same text."""
    raw.execute("UPDATE django_migrations SET applied = '2000-01-01 00:00:00'")
    raw.execute("UPDATE wagtailcore_page SET translation_key = printf('%032x', id)")
    raw.commit()


def dump(raw):
    """The schema and rows of the SQLite connection ``raw`` as SQL, in a stable order.

    Virtual tables (Wagtail's full-text index) are written as their CREATE
    statement alone: SQLite makes their shadow tables itself.
    """
    entries = raw.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, name"
    ).fetchall()
    virtual = [name for kind, name, sql in entries if kind == "table" and sql.upper().startswith("CREATE VIRTUAL")]
    shadow = tuple(f"{name}_" for name in virtual)
    entries = [(kind, name, sql) for kind, name, sql in entries if not (kind == "table" and name.startswith(shadow))]
    statements = [f"{sql};" for _, _, sql in entries]
    tables = [name for kind, name, _ in entries if kind == "table" and name not in virtual]
    rows = []
    for name in tables:
        columns = [row[1] for row in raw.execute(f"PRAGMA table_info({_quoted(name)})")]
        values = " || ',' || ".join(f"quote({_quoted(column)})" for column in columns)
        select = f"SELECT 'INSERT INTO {_quoted(name)} VALUES(' || {values} || ');' FROM {_quoted(name)} ORDER BY 1"  # noqa: S608 - names from sqlite_master
        rows.extend(row[0] for row in raw.execute(select))
    if raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
        # The inserts above move the counters to the highest id; the migrations may have left them higher.
        rows.append("DELETE FROM sqlite_sequence;")
        select = "SELECT 'INSERT INTO sqlite_sequence VALUES(' || quote(name) || ',' || seq || ');'"
        rows.extend(row[0] for row in raw.execute(f"{select} FROM sqlite_sequence ORDER BY name"))
    # Tables, then rows, then indexes and triggers (so inserting fires no trigger).
    first = [s for s in statements if s.upper().startswith("CREATE TABLE") or s.upper().startswith("CREATE VIRTUAL")]
    rest = [s for s in statements if s not in first]
    return "\n".join([*first, *rows, *rest]) + "\n"


def snapshot_fingerprint(path=SNAPSHOT):
    """The fingerprint the snapshot file was made with, or None."""
    if not path.exists():
        return None
    with path.open() as file:
        first = file.readline()
    return first[len(HEADER) :].strip() if first.startswith(HEADER) else None


def write(raw, path=SNAPSHOT):
    """Write the migrated SQLite database ``raw`` (a throwaway) as the snapshot."""
    normalise(raw)
    path.write_text(f"{HEADER}{fingerprint()}\n{dump(raw)}")


def load_if_fresh(connection, path=SNAPSHOT):
    """Load the snapshot into ``connection`` if it is an empty SQLite database and
    the snapshot was made from today's migrations. True if it did."""
    if connection.vendor != "sqlite":
        return False
    connection.ensure_connection()
    if connection.introspection.table_names() or snapshot_fingerprint(path) != fingerprint():
        return False
    # executescript commits what is pending and runs outside Django's transaction
    # handling; BEGIN/COMMIT make the whole schema appear at once or not at all.
    connection.connection.executescript("BEGIN;\n" + path.read_text() + "COMMIT;")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE django_migrations SET applied = %s", [timezone.now()])
        # Each database gets root pages with translation keys of its own, as the migrations would give it.
        cursor.execute("SELECT id FROM wagtailcore_page")
        for (pk,) in cursor.fetchall():
            cursor.execute("UPDATE wagtailcore_page SET translation_key = %s WHERE id = %s", [uuid.uuid4().hex, pk])
    return True
