"""PostgreSQL: the tokens a connection has read, kept current by notifications.

Reading the generations is one query on every request, cache hits included;
on PostgreSQL over TCP that query was most of what a cached page cost beyond
the static file. So each connection LISTENs on one channel, every change of
tokens is announced on it with NOTIFY in the change's own transaction (so at
its commit, never before, never if it rolls back), and a connection keeps the
tokens it has read until an announcement names them.

Why a kept token is never stale: PostgreSQL signals every listening session
when a transaction with a NOTIFY commits, before that commit is reported to
the committer, and a session sends the announcements it was signalled about
before it reports itself ready for the next query. So a round trip begun after
a change committed (for instance after the editor's admin page came back) is
answered only after that change's announcement, which psycopg hands to
``Known.forget`` as it reads the answer. Each request makes one such round
trip (``generations._read``: the read of tokens it does not know, else an
empty query, ``round_trip``, which is also the connection's health check); the tokens it
knows and no announcement named are current. Inside a transaction nothing is
announced until it ends, so there the table is read as before.
"""

import weakref

import psycopg
from django.conf import settings
from psycopg import pq

CHANNEL = "eipvn_generations"
EVERYTHING = "*"
# Announcements carry the names that changed; a longer list than this (the
# protocol allows 8,000 bytes) announces everything instead.
MAX_PAYLOAD = 7_000
# Tokens a connection keeps at most (one per language, one per URL path that
# changed, the fragments'): past it they are forgotten and read again.
MAX_KNOWN = 20_000


def enabled(connection):
    """Whether ``connection`` keeps tokens between requests: PostgreSQL 14 or
    newer (which sends what it was signalled about before ReadyForQuery), unless
    GENERATIONS_LISTEN is off (behind a transaction-pooling proxy, where the
    LISTEN and the next query may reach different server sessions)."""
    return connection.vendor == "postgresql" and connection.pg_version >= 140000 and settings.GENERATIONS_LISTEN


class Known:
    """The tokens one connection has read and no announcement has named since."""

    def __init__(self):
        self.tokens = {}
        self.announcements = 0  # counted, so a reader can tell one came during its round trip

    def forget(self, notify):
        """psycopg's handler for the announcements the connection receives."""
        if notify.channel != CHANNEL:
            return
        names = notify.payload.split()
        if EVERYTHING in names:
            self.tokens.clear()
        else:
            for name in names:
                self.tokens.pop(name, None)
        self.announcements += 1

    def keep(self, values):
        if len(self.tokens) + len(values) > MAX_KNOWN:
            self.tokens.clear()
        self.tokens.update(values)


_known = weakref.WeakKeyDictionary()  # psycopg connection -> Known

# An empty query (a comment): the server parses nothing and answers at once.
ROUND_TRIP = "-- announcements heard"
_ROUND_TRIP = ROUND_TRIP.encode()


def known(driver_connection):
    """The ``Known`` of a psycopg connection, which listens from its first call
    (made outside a transaction: LISTEN takes effect at commit)."""
    state = _known.get(driver_connection)
    if state is None:
        driver_connection.execute(f"LISTEN {CHANNEL}")
        state = Known()
        driver_connection.add_notify_handler(state.forget)
        _known[driver_connection] = state
    return state


def round_trip(driver_connection):
    """One bare round trip, through libpq directly (outside a transaction: it
    changes no state psycopg keeps): psycopg's cursor machinery was half of
    its cost. The announcements that come back with it go to the connection's
    handlers, as psycopg hands them over after its own queries."""
    pgconn = driver_connection.pgconn
    result = pgconn.exec_(_ROUND_TRIP)
    if result.status != pq.ExecStatus.EMPTY_QUERY:
        raise psycopg.OperationalError(pgconn.error_message.decode(errors="replace") or "no answer")
    while (notify := pgconn.notifies()) is not None:
        pgconn.notify_handler(notify)


def announce(cursor, names):
    """Announce, in the cursor's transaction, that ``names`` have new tokens."""
    payload = " ".join(sorted(names))
    if len(payload) > MAX_PAYLOAD:
        payload = EVERYTHING
    cursor.execute("SELECT pg_notify(%s, %s)", [CHANNEL, payload])
