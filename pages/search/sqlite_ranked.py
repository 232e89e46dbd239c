"""SQLite's full-text search ranked once per search (see pages.search.admin_backend);
imported only where the database is SQLite (its models exist only there)."""

from django.db.models import BigIntegerField, Case, IntegerField, Value, When
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


def _numeric_key(model):
    key = model._meta.pk
    key = key.target_field if key.is_relation else key  # a page type's key is its Page's
    return key.get_internal_type() in {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField"}


class _RankedOnce:
    """For a query compiler: ``search()`` with relevance ordering returns the
    matches unordered (for counts and facets); ``ranked_ids()`` gives the
    ids of a slice in order of relevance, from one query."""

    def _ranks(self):
        """None when Wagtail's own way applies (no relevance order, a
        negated or match-all query, a key that is not a number)."""
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, (MatchAll, Not)) or not _numeric_key(self.queryset.model):
            return None
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=self.config)
        )
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
            .annotate(
                score=self._build_rank_expression(self.get_search_vectors(), self.config),
                object_pk=Cast("index_entry__object_id", BigIntegerField()),
            )
            .filter(object_pk__in=self.queryset.values("pk"))
            .order_by("score", "-object_pk")  # as Wagtail's: best first (bm25 is lower), then newest
            .values_list("object_pk", flat=True)
        )

    def search(self, config, start, stop, score_field=None):
        self.config = config
        ranks = self._ranks() if score_field is None else None
        if ranks is None:
            return super().search(config, start, stop, score_field)
        return self.queryset.filter(pk__in=ranks).order_by()[start:stop]

    def ranked_ids(self, config, start, stop):
        self.config = config
        ranks = self._ranks()
        return None if ranks is None else list(ranks[start:stop])


class RankedSearchCompiler(_RankedOnce, SQLiteSearchQueryCompiler):
    pass


class RankedAutocompleteCompiler(_RankedOnce, SQLiteAutocompleteQueryCompiler):
    pass


class RankedResults(SQLiteSearchResults):
    def _do_search(self):
        compiler = self.query_compiler
        ids = None
        if self._score_field is None and isinstance(compiler, _RankedOnce):
            ids = compiler.ranked_ids(compiler.get_config(self.backend), self.start, self.stop)
        if ids is None:
            return super()._do_search()
        order = Case(*(When(pk=pk, then=Value(n)) for n, pk in enumerate(ids)), output_field=IntegerField())
        return list(compiler.queryset.filter(pk__in=ids).order_by(order)) if ids else []


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSearchCompiler
    autocomplete_query_compiler_class = RankedAutocompleteCompiler
    results_class = RankedResults
