"""The search's text index (pages.search.text_index): made by the migrations on
both databases, kept in step with every change to the entries, and what a
search reads its matches through."""

import pytest
from django.db import connection
from wagtail.models import Locale

from news.models import NewsPage
from pages.models import SearchEntry
from pages.search import text_index
from pages.search.index import rebuild
from pages.search.views import _matches_query, match_values
from pages.visibility import restricted_paths

from .factories import build
from .fixtures import get_page
from .test_search_seo import result_titles

pytestmark = pytest.mark.django_db

SQLITE = connection.vendor == "sqlite"


def found(client, word, language="en"):
    return result_titles(get_page(client, f"/{language}/search/?q={word}"))


def fts_rows(word):
    """SQLite: the entries the FTS table lists for ``word``; after checking that
    its index agrees with the entries' table row for row (FTS5's own check)."""
    with connection.cursor() as cursor:
        table = text_index.FTS_TABLE
        cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")  # noqa: S608
        cursor.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [text_index.words_query([word])])  # noqa: S608
        return {row[0] for row in cursor.fetchall()}


def test_the_migrations_make_the_index():
    with connection.cursor() as cursor:
        if SQLITE:
            cursor.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'pages_searchentry' AND type = 'trigger'")
            assert {row[0] for row in cursor.fetchall()} == {f"{text_index.FTS_TABLE}_{n}" for n in ("ai", "ad", "au")}
            assert text_index.narrows()
        else:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'pages_searchentry'")
            assert set(text_index.TRIGRAM_INDEXES) <= {row[0] for row in cursor.fetchall()}
            assert not text_index.narrows(), "PostgreSQL's indexes serve the query as it is"


def test_the_index_follows_every_change_to_a_page(client):
    """Published, renamed, unpublished, deleted, rebuilt: the search and (on
    SQLite) the FTS table answer what the entries hold, in both languages."""
    page = build(NewsPage, title="Vireonel bridge", vietnamese="translated", vi={"title": "Cầu vireonel"})
    twin = page.get_translation(Locale.objects.get(language_code="vi"))
    assert found(client, "vireonel") == ["Vireonel bridge"]
    assert found(client, "vireonel", "vi") == ["Cầu vireonel"]

    page.title = "Quillomar bridge"
    page.save_revision().publish()
    assert found(client, "vireonel") == []
    assert found(client, "quillomar") == ["Quillomar bridge"]
    if SQLITE:
        assert fts_rows("vireonel") == {twin.pk} and fts_rows("quillomar") == {page.pk}

    page.unpublish()
    assert found(client, "quillomar") == []
    twin.delete()
    assert found(client, "vireonel", "vi") == []
    if SQLITE:
        assert fts_rows("quillomar") == fts_rows("vireonel") == set()

    page.save_revision().publish()
    SearchEntry.objects.all().delete()
    assert found(client, "quillomar") == []
    rebuild()
    assert found(client, "quillomar") == ["Quillomar bridge"]
    if SQLITE:
        assert fts_rows("quillomar") == {page.pk}


def test_a_search_reads_its_matches_through_the_index():
    """SQLite: the plan of a search's query starts from the FTS table, not from
    every entry of the language. PostgreSQL: the trigram indexes serve the
    match's LIKE (which the planner takes once the table is large enough:
    measured in `make bench`; here it is not, so a sequential scan is
    switched off to show the index can)."""
    words = ["industrial", "park"]
    narrowed = text_index.narrows()
    prepared = _matches_query(len(words), tuple(restricted_paths()), narrowed)
    params = prepared.params(match_values(Locale.objects.get(language_code="en").pk, words, narrowed))
    with connection.cursor() as cursor:
        if SQLITE:
            cursor.execute(f"EXPLAIN QUERY PLAN {prepared.sql}", params)
            plan = " | ".join(row[-1] for row in cursor.fetchall())
            assert f"{text_index.FTS_TABLE} VIRTUAL TABLE INDEX" in plan, plan
            assert "SCAN pages_searchentry " not in f"{plan} ", plan
        else:
            cursor.execute("SET LOCAL enable_seqscan = off")
            for column in text_index.COLUMNS:
                cursor.execute(f"EXPLAIN SELECT page_id FROM pages_searchentry WHERE {column} LIKE %s", ["% park %"])  # noqa: S608
                plan = " | ".join(row[0] for row in cursor.fetchall())
                assert f"pages_searchentry_{column}_trgm" in plan, plan
