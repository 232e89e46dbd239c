"""What is current, kept where every process sees it: the database.

Every cached thing has a *generation*, a random token in the ``Generation``
table: each language's whole pages (``pages:en``), one URL path's pages
(``path:<hash>``) and the shell's fragments and routes (``fragments``). Cache
keys carry the tokens they were made under. A change writes new tokens in the
same database transaction as the change itself, so from the moment it commits
no process can reach anything cached before it, wherever that copy lives (a
worker's own memory or Redis) and whoever made the change (an admin view, a
management command, a restore). A rolled-back change leaves the tokens as they
were.

A request reads the tokens it needs once, in one query, and keeps them for its
own duration (``CacheScopeMiddleware``), so it sees one consistent set. On
PostgreSQL a connection keeps the tokens it has read until a change is
announced (pages.cache.listening), so a request reads only those it does not
know, or makes a bare round trip. When the database does not answer, nothing
can be proven current and nothing cached is served: the request fails with the
site's 503 page like any other.
"""

import time
import uuid
from contextvars import ContextVar

from django.db import InterfaceError, OperationalError, connection, transaction

from pages.cache import listening

TABLE = "pages_generation"  # the pages.Generation model's table
FRAGMENTS = "fragments"
UNSCOPED_PREFIX = "eipvn:lock:"  # keys of ``default`` that belong to no generation
INITIAL = "0"  # a name never bumped (its row does not exist)
_request_tokens = ContextVar("generation_tokens", default=None)


def _new_token():
    return uuid.uuid4().hex


# Plain SQL (SQLite and PostgreSQL alike) on the driver's own connection: this
# runs on every request, cache hits included, where Django's cursor machinery
# would cost twice the query. Errors still become Django's (a lost database is
# the 503 page), the connection is health-checked as Django does, and the query
# is logged when Django logs queries (DEBUG, tests).


def _read(names):
    # This round trip is the request's health check: Django's own (CONN_HEALTH_CHECKS)
    # would be one more ("SELECT 1") on every cache hit. A connection that died
    # since the last request fails here; outside a transaction it is reopened
    # and asked once more, as Django's check would have done.
    for attempt in (1, 2):
        connection.ensure_connection()
        started = time.monotonic()
        try:
            with connection.wrap_database_errors:
                values, sql = _read_on(connection.connection, names)
        except (OperationalError, InterfaceError):
            if attempt == 2 or connection.in_atomic_block:
                raise
            connection.close()
            continue
        connection.health_check_done = True  # usable: Django need not ask again in this request
        if connection.queries_logged:
            connection.queries_log.append({"sql": sql, "time": f"{time.monotonic() - started:.3f}"})
        return values


def _select(driver_connection, names):
    placeholder = "?" if connection.vendor == "sqlite" else "%s"
    sql = f"SELECT name, value FROM {TABLE} WHERE name IN ({', '.join([placeholder] * len(names))})"  # noqa: S608
    return dict(driver_connection.execute(sql, names).fetchall()), sql


def _read_on(driver_connection, names):
    """({name: token} for ``names``, the SQL run). On PostgreSQL outside a
    transaction, the tokens this connection knows and no announcement has
    named are current once a round trip has come back (pages.cache.listening):
    only the others are read, and with none to read the round trip is an empty query."""
    if connection.in_atomic_block or not listening.enabled(connection):
        return _select(driver_connection, names)
    known = listening.known(driver_connection)
    for _attempt in range(3):
        announcements = known.announcements
        missing = [name for name in names if name not in known.tokens]
        if missing:
            found, sql = _select(driver_connection, missing)
        else:
            found, sql = {}, listening.ROUND_TRIP
            listening.round_trip(driver_connection)
        if known.announcements == announcements:  # none came back with the answer
            values = {name: known.tokens[name] for name in names if name in known.tokens}
            fresh = {name: found.get(name, INITIAL) for name in missing}
            known.keep(fresh)
            return {**values, **fresh}, sql
    # Announcements came back with every answer: read them all, for this request only.
    return _select(driver_connection, names)


def _write(values):
    rows = ", ".join(["(%s, %s)"] * len(values))
    params = [item for pair in values.items() for item in pair]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (name, value) VALUES {rows} "  # noqa: S608
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            params,
        )
        if connection.vendor == "postgresql":
            listening.announce(cursor, values)  # heard at the same commit as the tokens, never before


def announce_everything():
    """Every connection forgets the tokens it knows (a restore wrote the table)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            listening.announce(cursor, [listening.EVERYTHING])


def current(names):
    """The current token of each name, in order; read once per request."""
    memo = _request_tokens.get()
    if memo is not None and all(name in memo for name in names):
        return [memo[name] for name in names]
    missing = [name for name in names if memo is None or name not in memo]
    if missing:
        found = _read(missing)
        values = {name: found.get(name, INITIAL) for name in missing}
        if memo is None:
            return [values[name] for name in names]
        memo.update(values)
    return [memo[name] for name in names]


def bump(names):
    """Give each name a new token, in the caller's transaction: what was cached
    under the old ones becomes unreachable for every process once it commits."""
    # Always in the same order, so that two transactions bumping the same rows
    # wait for each other instead of deadlocking.
    values = {name: _new_token() for name in sorted(set(names))}
    if not values:
        return
    _write(values)
    memo = _request_tokens.get()
    if memo is not None:
        memo.update(values)  # the request that made the change sees it from now on


def scoped_key(key, key_prefix, version):
    """Django's ``default`` cache makes every key with this (its KEY_FUNCTION):
    each key belongs to the current fragments generation. That covers what the
    site keeps there (pages.cache.fragments) and what Wagtail keeps there on
    its own (image renditions, the Sites' root paths), which Wagtail clears
    only in the worker that made the change. Locks (``UNSCOPED_PREFIX``) are
    about time, not content, and stay put when content changes."""
    if key.startswith(UNSCOPED_PREFIX):
        return f"{key_prefix}:{version}:{key}"
    memo = _request_tokens.get()
    generation = memo.get(FRAGMENTS) if memo else None  # the common case, kept quick
    return f"{key_prefix}:{version}:{generation or current([FRAGMENTS])[0]}:{key}"


class RequestScope:
    """Within: tokens are read at most once (``with RequestScope(): …``)."""

    def __enter__(self):
        self._token = _request_tokens.set({})
        return self

    def __exit__(self, *exc_info):
        _request_tokens.reset(self._token)
