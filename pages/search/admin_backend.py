"""The admin's search backend: Wagtail's database backend, with SQLite's
ranking done once per search instead of once per match.

Wagtail's database backend (modelsearch) orders SQLite results by relevance
through a correlated subquery: for every matching object it runs the
full-text match again to find that object's score. A common word over a few
thousand pages made that quadratic (the admin's page search for "industrial":
45 ms on the demo, 9.6 s at 100× its content). Here the matches are scored and
sorted in one query on the full-text table, and only the shown slice is
loaded; counts and facets need no score at all. PostgreSQL's backend ranks
in its own query already and is used as it is. (The site's own search, for
visitors, has an index of its own: pages/search/index.py.)
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend's module
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:  # set by the call above
        from pages.search.sqlite_ranked import RankedSQLiteSearchBackend  # its models exist on SQLite only

        return RankedSQLiteSearchBackend(params)
    return backend
