"""An index of the search entries' folded words, so that a search reads the
entries holding its words instead of every entry of a language.

The match is the one in pages.search.views (each word, padded with spaces,
contained in the folded title or text), and the results are the same with the
index or without it (tests/test_prepared.py compares them, rows and order):
- PostgreSQL: trigram GIN indexes (pg_trgm, a trusted extension since
  PostgreSQL 13: a database owner may create it) serve that LIKE as it is.
- SQLite: an FTS5 table of the same two columns (external content: it holds
  only the index), kept by triggers on every insert, update and delete
  however a row changes (a save, a queryset delete, a page's cascade). A
  search asks it instead of the LIKE: the folded text holds only letters,
  digits and single spaces, so FTS5's tokens are exactly its words; it also
  answers "the phrase is in the text" for the ranking.
Where neither can be made (pg_trgm not installed, SQLite without FTS5) the
migration says so and search reads every entry, as before.

A migration that rebuilds the entries' table on SQLite (Django copies the
table, drops the old one and its triggers with it) must call ``create``
again: tests/test_search_index.py fails until it does.
"""

import functools

from django.db import DatabaseError, connections, transaction
from django.db.models import BooleanField, Func

FTS_TABLE = "pages_searchentry_words"
TABLE = "pages_searchentry"
COLUMNS = ("title_folded", "folded")
TRIGRAM_INDEXES = {f"pages_searchentry_{column}_trgm": column for column in COLUMNS}

_SQLITE_TRIGGERS = {
    # Each keeps the FTS table's copy of a row's words in step with the row.
    "ai": "AFTER INSERT ON {table} BEGIN {insert}; END",
    "ad": "AFTER DELETE ON {table} BEGIN {delete}; END",
    "au": "AFTER UPDATE OF title_folded, folded ON {table} BEGIN {delete}; {insert}; END",
}


def _sqlite_statements():
    columns = ", ".join(COLUMNS)
    # Every name below is a constant of this module.
    insert = f"INSERT INTO {FTS_TABLE}(rowid, {columns}) VALUES (new.page_id, new.title_folded, new.folded)"  # noqa: S608
    delete = (
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {columns}) "  # noqa: S608
        "VALUES ('delete', old.page_id, old.title_folded, old.folded)"
    )
    yield f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({columns}, content='{TABLE}', content_rowid='page_id')"
    for name, body in _SQLITE_TRIGGERS.items():
        yield f"CREATE TRIGGER {FTS_TABLE}_{name} " + body.format(table=TABLE, insert=insert, delete=delete)
    yield f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"  # noqa: S608 - the rows already there


def create(schema_editor):
    """Make the index on this database (a migration's forward step); says why
    when it cannot, and search then works without it."""
    connection = schema_editor.connection
    try:
        with transaction.atomic(using=connection.alias):  # a savepoint: PostgreSQL aborts a failed transaction
            if connection.vendor == "sqlite":
                for statement in _sqlite_statements():
                    schema_editor.execute(statement)
            elif connection.vendor == "postgresql":
                schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                for name, column in TRIGRAM_INDEXES.items():
                    schema_editor.execute(f"CREATE INDEX {name} ON {TABLE} USING gin ({column} gin_trgm_ops)")
    except DatabaseError as error:
        print(f"\n  The search's text index could not be made ({error}); search works without it, more slowly.")
    _sqlite_fts.cache_clear()


def drop(schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        for name in _SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{name}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif connection.vendor == "postgresql":
        for name in TRIGRAM_INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    _sqlite_fts.cache_clear()


@functools.cache
def _sqlite_fts(alias):
    connection = connections[alias]
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE])
        return cursor.fetchone() is not None


def narrows(alias="default"):
    """Whether a search narrows its entries with ``HoldsWords`` on this database
    (SQLite with the FTS table; PostgreSQL's indexes need nothing in the query)."""
    return _sqlite_fts(alias)


def words_query(words):
    """FTS5's query for rows holding every one of ``words`` (folded: letters and
    digits only), each as a whole word, in either column."""
    return " AND ".join(f'"{word}"' for word in words)


def phrase_in_text_query(words):
    """FTS5's query for rows whose text (not title) holds ``words`` as a phrase."""
    return f'folded : "{" ".join(words)}"'


class HoldsWords(Func):
    """True for an entry whose ``key`` (an expression) the FTS table lists for
    ``query`` (``words_query``'s or ``phrase_in_text_query``'s: a value, or a
    pages.prepared.Slot)."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, key, query):
        super().__init__(key)
        self.query = query

    def as_sql(self, compiler, connection, **extra):
        key, params = compiler.compile(self.source_expressions[0])
        match, match_params = compiler.compile(self.query) if hasattr(self.query, "as_sql") else ("%s", [self.query])
        sql = f"{key} IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH {match})"  # noqa: S608 - a constant name
        return sql, [*params, *match_params]
