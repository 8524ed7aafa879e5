"""Transactions on a PostgreSQL fact base.

Readers see one snapshot for a whole read (REPEATABLE READ, READ ONLY: such a transaction never
waits and never fails for others' writes). Writers take turns through one transaction-level
advisory lock, waiting at most `LOCK_TIMEOUT` for it before any work is done, as SQLite's
`BEGIN IMMEDIATE` with its busy timeout makes them: a fact's version check, the conflict re-check
of a key and the search index then always see every committed write, and no two curators' edits
of one fact can both pass the version check (a lost update). Write transactions are short (one
user action), so taking turns costs a team nothing it would notice.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from kzeu_desk.core.storage.postgresql.connecting import LOCK_TIMEOUT, WRITER_LOCK

CHANNEL = "kzeu_desk_changes"


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn:
        conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        with conn.begin():
            # Plans made for the values at hand, every time: psycopg prepares a statement run five
            # times, and the server then switches to a generic plan when it estimates one no
            # dearer, which for a search word with a status filter it wrongly does (its count took
            # 42 ms instead of 10 ms at 100k facts). Planning a read costs well under a
            # millisecond; sent with BEGIN, the setting costs no round trip.
            _in_one_round_trip(conn, [("SET LOCAL plan_cache_mode = force_custom_plan", None)])
            yield conn


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """Every statement to a server waits for its answer, and an edit is a couple of dozen of them
    (docs/PERFORMANCE.md, "PostgreSQL"): the statements that need no answer before the next one
    travel together (psycopg's pipeline). BEGIN, the lock timeout and the writers' lock go in one
    round trip instead of three, the announcement and COMMIT in one instead of two."""
    with engine.connect() as conn:
        try:
            with conn.begin():
                _in_one_round_trip(conn, [(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'", None),
                                          ("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))])
                yield conn
                payload = conn.info.pop(_ANNOUNCEMENT, None)
                if payload is not None:
                    _in_one_round_trip(conn, [("SELECT pg_notify(%s, %s)", (CHANNEL, payload))], commit=True)
        finally:
            conn.info.pop(_ANNOUNCEMENT, None)  # never left for the connection's next transaction


def announce(conn: Connection, operation_id: int | None) -> None:
    """NOTIFY is transactional: listeners hear of the operation only if and when it commits. It is
    sent with the COMMIT (`write_transaction`)."""
    conn.info[_ANNOUNCEMENT] = "" if operation_id is None else str(operation_id)


_ANNOUNCEMENT = "kzeu_announcement"


def _in_one_round_trip(conn: Connection, statements: list[tuple[str, tuple | None]], *, commit: bool = False) -> None:
    """Run statements whose results nobody reads (then COMMIT, if asked) with one wait for the server."""
    driver = conn.connection.driver_connection
    assert driver is not None
    try:
        with driver.pipeline():
            with driver.cursor() as cursor:
                for statement, arguments in statements:
                    cursor.execute(statement, arguments)
            if commit:
                driver.commit()
    except psycopg.Error as error:
        broken = driver.broken
        if broken:
            conn.invalidate()  # the pool must not hand the dead connection out again
        # As if SQLAlchemy had run them: callers tell a busy fact base or a lost server by the wrapped error.
        raise DBAPIError.instance(statements[-1][0], statements[-1][1], error, psycopg.Error,
                                  connection_invalidated=broken, dialect=conn.dialect) from None
