"""PostgreSQL: a connection keeps the generation tokens it has read until a
change is announced (pages.cache.listening). Changes are made by another
connection (another thread, as another worker would), committed or rolled
back; the reading connection must see every committed change at its next
request, and make only a bare round trip when nothing changed. The servers'
view of the same (three workers, two servers, changes through the admin) is
tests/test_coherence.py, which runs on PostgreSQL in CI.
"""

import threading

import pytest
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from pages.cache import generations, listening

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="announcements are PostgreSQL's"),
]

NAMES = ["pages:en", "path:listening-test", generations.FRAGMENTS]


def request_reads(names=NAMES):
    """What one request reads: ({name: token}, the SQL of its round trip)."""
    with generations.RequestScope(), CaptureQueriesContext(connection) as queries:
        tokens = dict(zip(names, generations.current(names), strict=True))
    return tokens, [query["sql"] for query in queries]


def elsewhere(work):
    """Run ``work`` on another connection (another thread), committed when it returns."""
    errors = []

    def run():
        try:
            work()
        except Exception as error:  # noqa: BLE001 - handed to the test
            errors.append(error)
        finally:
            from django.db import connection as own

            own.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive()
    return errors


def in_table(names=NAMES):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, value FROM {generations.TABLE}")  # noqa: S608
        rows = dict(cursor.fetchall())
    return {name: rows.get(name, generations.INITIAL) for name in names}


def test_known_tokens_cost_a_bare_round_trip_and_a_change_elsewhere_is_seen_at_once():
    first, _sql = request_reads()
    again, sql = request_reads()
    assert again == first == in_table()
    assert sql == [listening.ROUND_TRIP], "nothing changed: the known tokens are kept, one bare round trip"

    assert elsewhere(lambda: generations.bump(["path:listening-test"])) == []
    after, sql = request_reads()
    assert after == in_table(), "the change committed elsewhere is read at the next request"
    assert after["path:listening-test"] != first["path:listening-test"]
    assert after["pages:en"] == first["pages:en"]
    assert any("IN (" in query for query in sql), "the changed name is read from the table"
    assert request_reads() == (after, [listening.ROUND_TRIP])

    # A rolled-back change announces nothing.
    before = after

    def rolled_back():
        with pytest.raises(RuntimeError), transaction.atomic():
            generations.bump(["pages:en"])
            raise RuntimeError("the change fails")

    assert elsewhere(rolled_back) == []
    assert request_reads() == (before, [listening.ROUND_TRIP])
    assert in_table() == before


def test_many_names_at_once_or_a_restore_make_every_connection_forget_all_and_a_transaction_reads_the_table():
    before, _sql = request_reads()
    many = [f"path:{'x' * 40}{number}" for number in range(400)]  # longer than one announcement holds
    assert elsewhere(lambda: generations.bump(many)) == []
    after, sql = request_reads()
    assert after == before == in_table(), "none of ours changed, yet all are read again"
    assert sql != [listening.ROUND_TRIP]

    assert elsewhere(generations.announce_everything) == []
    _tokens, sql = request_reads()
    assert sql != [listening.ROUND_TRIP], "after a restore every token is read from the table again"

    request_reads()
    with transaction.atomic():
        _tokens, sql = request_reads()
    assert sql != [listening.ROUND_TRIP], "announcements wait for a transaction's end: inside one the table decides"


def test_a_connection_keeps_a_bounded_number_of_tokens_and_none_when_told_not_to(monkeypatch):
    monkeypatch.setattr(listening, "MAX_KNOWN", 5)
    names = [f"path:bounded-{number}" for number in range(4)]
    request_reads(names)
    request_reads([f"path:bounded-more-{number}" for number in range(4)])
    known = listening.known(connection.connection)
    assert len(known.tokens) <= 5

    # Behind a transaction-pooling proxy (GENERATIONS_LISTEN off) every request reads the table.
    with override_settings(GENERATIONS_LISTEN=False):
        request_reads()
        assert request_reads()[1] != [listening.ROUND_TRIP]
