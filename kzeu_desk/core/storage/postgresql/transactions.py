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

from sqlalchemy import Connection, Engine, text

from kzeu_desk.core.storage.postgresql.connecting import LOCK_TIMEOUT, WRITER_LOCK

CHANNEL = "kzeu_desk_changes"


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn:
        conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        with conn.begin():
            yield conn


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn, conn.begin():
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
        yield conn


def announce(conn: Connection, operation_id: int | None) -> None:
    """NOTIFY is transactional: listeners hear of the operation only if and when it commits."""
    conn.execute(text("SELECT pg_notify(:channel, :payload)"),
                 {"channel": CHANNEL, "payload": "" if operation_id is None else str(operation_id)})
