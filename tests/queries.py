"""The one query-budget helper of the suite: what a page costs with its caches
warm (the visit that follows a first one) and cold (right after every cache is
emptied, as after a publish), so an N+1 shows whether or not a cache hides it."""

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext


def _counted(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in queries]


def warm_sql(client, url, **params):
    """The SQL of a second visit of ``url``."""
    client.get(url, params)
    return _counted(client, url, **params)


def warm_queries(client, url, **params):
    """How many queries a second visit of ``url`` costs."""
    return len(warm_sql(client, url, **params))


def cold_queries(client, url, **params):
    """How many queries ``url`` costs right after every cache is emptied. It is
    visited once before, so what a first visit ever stores for good (image
    renditions) is not counted."""
    client.get(url, params)
    for store in caches.all():
        store.clear()
    return len(_counted(client, url, **params))


def cold_and_warm(client, url, **params):
    return cold_queries(client, url, **params), warm_queries(client, url, **params)
