"""Transactions on a PostgreSQL fact base.

Readers see one snapshot for a whole read (REPEATABLE READ, READ ONLY: such a transaction never
waits and never fails for others' writes). Writers take turns through one transaction-level
advisory lock, waiting at most `LOCK_TIMEOUT` for it before any work is done, as SQLite's
`BEGIN IMMEDIATE` with its busy timeout makes them: a fact's version check, the conflict re-check
of a key and the search index then always see every committed write, and no two curators' edits
of one fact can both pass the version check (a lost update). Write transactions are short (one
user action), so taking turns costs a team nothing it would notice.

Every statement sent to a server waits for its answer, so the number of waits is what a server's
transaction costs over SQLite's in-process calls (docs/PERFORMANCE.md, "PostgreSQL"). Statements
whose answers nobody reads travel with the next one that waits (psycopg's pipeline): BEGIN
with the transaction's settings and the writers' lock, sent with the transaction's first
statement (`with_first_statement`); a write whose answer nobody reads (`write_unanswered`) with
the statement after it; an operation's last writes (`only_writes_until_commit`) with NOTIFY and
COMMIT. psycopg would send its own BEGIN and wait for it before the first statement (even in a
pipeline), so the driver is left in autocommit for the transaction's length and the BEGIN is
ours: the server is then inside our transaction, and psycopg, seeing no idle connection,
neither begins another nor commits on its own. A transaction that sends nothing never begins
on the server. The benchmark's edit (a read, then the action) waited 9 times, now 5.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any, NoReturn

import psycopg
from psycopg.rows import dict_row

from sqlalchemy import Connection, Executable, Dialect, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from kzeu_desk.core.storage.postgresql.connecting import LOCK_TIMEOUT, WRITER_LOCK

CHANNEL = "kzeu_desk_changes"


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Connection]:
    # Plans made for the values at hand, every time: psycopg prepares a statement run five
    # times, and the server then switches to a generic plan when it estimates one no dearer,
    # which for a search word with a status filter it wrongly does (its count took 42 ms
    # instead of 10 ms at 100k facts). Planning a read costs well under a millisecond.
    with _transaction(engine, [("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", None),
                               ("SET LOCAL plan_cache_mode = force_custom_plan", None)]) as conn:
        yield conn


# How write transactions plan their statements (None: the server's own choice, five custom
# plans before a generic one). A write transaction is one user action whose statements look rows
# up by key (a fact, a key's facts, its evidence): a generic plan is the plan they would get, and
# the server no longer plans each of them for their values on an edit's first eleven runs.
# Measured before keeping it (docs/PERFORMANCE.md, "PostgreSQL", sixth pass): the bulk load (a copy
# onto the server) and the full conflict re-scan, which also run in write transactions.
WRITE_PLANS: str | None = "force_generic_plan"


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """BEGIN, the lock timeout, the plan setting and the writers' lock in one wait for the server;
    the operation's last writes (`only_writes_until_commit`), the announcement and COMMIT in one more."""
    plans = [] if WRITE_PLANS is None else [(f"SET LOCAL plan_cache_mode = {WRITE_PLANS}", None)]
    with _transaction(engine, [("BEGIN", None),  # read write or not as the session says (a read-only opening)
                               (f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'", None), *plans,
                               ("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))]) as conn:
        yield conn
        payload = conn.info.pop(_ANNOUNCEMENT, None)
        finish = [] if payload is None else [("SELECT pg_notify(%s, %s)", (CHANNEL, payload))]
        _in_one_round_trip(conn, [*finish, ("COMMIT", None)])


def begun(conn: Connection) -> None:
    """Send the transaction's beginning now, if it is still waiting for a first statement: before
    the driver's connection is used directly in a way that cannot take it along (COPY, a server
    cursor), which must run inside the transaction; with them, any unanswered writes."""
    driver = conn.connection.driver_connection
    if driver in _BEGINNINGS or driver in _QUEUED:
        _in_one_round_trip(conn, [])


def with_first_statement(cursor: Any, statement: str, parameters: Any, context: Any) -> bool:
    """The engine's `do_execute`: a statement is sent in one pipeline after what waits to be sent
    (the transaction's beginning: BEGIN, its settings, the writers' lock; `write_unanswered`'s
    writes), which then cost no wait of their own; the statement's answer is read from `cursor`
    once the pipeline is synced, as SQLAlchemy expects. An error of one of those (the writers'
    lock not had in time, a write refused) is raised for the statement."""
    driver = cursor.connection
    if driver in _QUEUEING:
        return False  # a write joining the open pipeline (`write_unanswered`)
    beginning = _BEGINNINGS.pop(driver, None)
    queued = _QUEUED.pop(driver, None)
    if beginning is None and queued is None:
        return False  # the driver runs it as usual
    with queued or ExitStack() as stack:
        if queued is None:
            stack.enter_context(driver.pipeline())
        _queue(driver, beginning or ())
        cursor.execute(statement, parameters)
    return True


def write_unanswered(conn: Connection, statement: Executable) -> None:
    """`StorageEngine.write_unanswered`: the write joins a pipeline left open (with the
    transaction's beginning, if not sent yet), synced by the next statement that needs an answer
    (`with_first_statement`, `read_in_one_round_trip`, the commit)."""
    driver = conn.connection.driver_connection
    assert driver is not None
    if _PIPELINE not in conn.info and driver not in _QUEUED:
        stack = ExitStack()
        stack.enter_context(driver.pipeline())
        _QUEUED[driver] = stack
        _queue(driver, _BEGINNINGS.pop(driver, ()))
    _QUEUEING.add(driver)
    try:
        conn.execute(statement)
    finally:
        _QUEUEING.discard(driver)


def begun_before_many(cursor: Any, statement: str, parameters: Any, context: Any) -> bool:
    """The engine's `do_executemany`: the beginning alone first, then the driver as usual."""
    _begin_alone(cursor.connection)
    return False


def begun_before_no_params(cursor: Any, statement: str, context: Any) -> bool:
    """The engine's `do_execute_no_params`: the beginning alone first, then the driver as usual."""
    _begin_alone(cursor.connection)
    return False


def _begin_alone(driver: psycopg.Connection) -> None:
    """What waits to be sent (the beginning, unanswered writes), sent alone."""
    if driver in _QUEUEING:
        return
    beginning = _BEGINNINGS.pop(driver, None)
    queued = _QUEUED.pop(driver, None)
    if beginning is None and queued is None:
        return
    with queued or ExitStack() as stack:
        if queued is None:
            stack.enter_context(driver.pipeline())
        _queue(driver, beginning or ())


def _queue(driver: psycopg.Connection, statements: Sequence[tuple[str, tuple | None]]) -> None:
    """Statements whose answers nobody reads, added to the driver's pipeline (sent at its sync)."""
    with driver.cursor() as cursor:
        for statement, arguments in statements:
            cursor.execute(statement, arguments)


def only_writes_until_commit(conn: Connection) -> None:
    """From here to its commit the write transaction only writes, and reads none of the answers
    (no RETURNING, no row counts): its statements are sent without waiting, and their answers
    arrive with COMMIT's. An error in one of them is raised at the commit, which then fails."""
    if _PIPELINE in conn.info:
        return
    driver = conn.connection.driver_connection
    assert driver is not None
    queued = _QUEUED.pop(driver, None)
    if queued is not None:  # unanswered writes waiting: the same pipeline carries on to the commit
        conn.info[_PIPELINE] = queued
        return
    stack = ExitStack()
    stack.enter_context(driver.pipeline())
    conn.info[_PIPELINE] = stack
    beginning = _BEGINNINGS.pop(driver, None)
    _queue(driver, beginning or ())  # nothing sent yet: the beginning goes first in the same pipeline


def announce(conn: Connection, operation_id: int | None) -> None:
    """NOTIFY is transactional: listeners hear of the operation only if and when it commits. It is
    sent with the COMMIT (`write_transaction`)."""
    conn.info[_ANNOUNCEMENT] = "" if operation_id is None else str(operation_id)


_ANNOUNCEMENT = "kzeu_announcement"
_PIPELINE = "kzeu_pipeline"
# Statements that begin a connection's transaction, not sent yet (by the driver's connection, as
# SQLAlchemy's execution hooks see it).
_BEGINNINGS: weakref.WeakKeyDictionary[Any, list[tuple[str, tuple | None]]] = weakref.WeakKeyDictionary()
# A pipeline holding `write_unanswered`'s writes, not synced yet (by the driver's connection).
_QUEUED: weakref.WeakKeyDictionary[Any, ExitStack] = weakref.WeakKeyDictionary()
# Drivers running a write into that pipeline right now (which the execution hooks leave alone).
_QUEUEING: weakref.WeakSet[Any] = weakref.WeakSet()


@contextmanager
def _transaction(engine: Engine, beginning: list[tuple[str, tuple | None]]) -> Iterator[Connection]:
    with engine.connect() as conn:
        driver = conn.connection.driver_connection
        assert driver is not None
        driver.autocommit = True  # the BEGIN is ours (module docstring); the connection is idle here
        try:
            with conn.begin():  # ends with the driver's commit or rollback, which see our transaction
                # Sent with the first statement (`with_first_statement`); a transaction that sends
                # none never begins on the server, and the driver, seeing it idle, sends no COMMIT.
                _BEGINNINGS[driver] = beginning
                try:
                    yield conn
                except BaseException as error:
                    _leave_pipeline(conn, error)  # before the rollback, never hiding the error
                    raise
        finally:
            conn.info.pop(_ANNOUNCEMENT, None)  # never left for the connection's next transaction
            _BEGINNINGS.pop(driver, None)
            _leave_pipeline(conn, None)
            if driver.closed or driver.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                conn.invalidate()  # not to be handed out again in an unknown state
            else:
                driver.autocommit = False  # as every other user of the pool expects it


def _leave_pipeline(conn: Connection, error: BaseException | None) -> None:
    stack = conn.info.pop(_PIPELINE, None) or _QUEUED.pop(conn.connection.driver_connection, None)
    if stack is not None:
        # Given the error that ends the transaction, psycopg logs a failure of its own rather than raising it.
        stack.__exit__(None if error is None else type(error), error, None)


def _in_one_round_trip(conn: Connection, statements: list[tuple[str, tuple | None]]) -> None:
    """Run statements whose results nobody reads, with those already waiting in the transaction's
    pipeline (`only_writes_until_commit`), in one wait for the server."""
    driver = conn.connection.driver_connection
    assert driver is not None
    waiting = conn.info.pop(_PIPELINE, None) or _QUEUED.pop(driver, None)
    statements = [*_BEGINNINGS.pop(driver, ()), *statements]
    try:
        with waiting or ExitStack() as stack:
            if waiting is None:
                stack.enter_context(driver.pipeline())
            with driver.cursor() as cursor:
                for statement, arguments in statements:
                    cursor.execute(statement, arguments)
    except psycopg.Error as error:
        _raise_as_sqlalchemy(conn, error, statements[-1])


def read_in_one_round_trip(conn: Connection, reads: Sequence[tuple[ClauseElement, Mapping[str, object]]]) -> list[list[dict]]:
    """`StorageEngine.read_together`: the reads sent in one pipeline, their answers fetched after
    its sync. SQLAlchemy cannot read a result inside psycopg's pipeline (a statement's columns are
    known only once its answer came), so the driver's cursors run them, each query compiled by
    SQLAlchemy for this connection with its parameters (expanding ones spelled out)."""
    driver = conn.connection.driver_connection
    assert driver is not None
    if _PIPELINE in conn.info:
        raise RuntimeError("read_together after only_writes_until_commit: that part of a transaction only writes")
    statements = []
    for query, params in reads:
        expanded = _compiled(query, conn.dialect).construct_expanded_state(dict(params))
        statements.append((expanded.statement, expanded.parameters))
    beginning = _BEGINNINGS.pop(driver, ())
    queued = _QUEUED.pop(driver, None)  # unanswered writes go first, in the same pipeline
    # Rows made dicts by the driver from its result's field names: asking `description` built a
    # column object for each of ~150 columns an edit reads (0.4 ms of an edit's ~2.6 ms CPU).
    cursors = [driver.cursor(row_factory=dict_row) for _ in statements]
    try:
        with queued or ExitStack() as stack:
            if queued is None:
                stack.enter_context(driver.pipeline())
            _queue(driver, beginning)
            for cursor, (statement, arguments) in zip(cursors, statements, strict=True):
                cursor.execute(statement, arguments)
        return [cursor.fetchall() for cursor in cursors]
    except psycopg.Error as error:
        _raise_as_sqlalchemy(conn, error, statements[-1])
    finally:
        for cursor in cursors:
            cursor.close()


def _compiled(query: ClauseElement, dialect: Dialect) -> SQLCompiler:
    """The query compiled for the dialect, once per query object (its module's constant): compiling
    a query costs ~0.1-0.3 ms, as much as a wait for the server, and an edit reads five of them."""
    known = _COMPILED.get(query)
    if known is not None and known[0] is dialect:
        return known[1]
    compiled = query.compile(dialect=dialect)
    assert isinstance(compiled, SQLCompiler)
    _COMPILED[query] = (dialect, compiled)
    return compiled


_COMPILED: weakref.WeakKeyDictionary[ClauseElement, tuple[Dialect, SQLCompiler]] = weakref.WeakKeyDictionary()


def _raise_as_sqlalchemy(conn: Connection, error: psycopg.Error, last: tuple[str, Any]) -> NoReturn:
    driver = conn.connection.driver_connection
    broken = driver is None or driver.broken
    if broken:
        conn.invalidate()  # the pool must not hand the dead connection out again
    # As if SQLAlchemy had run them: callers tell a busy fact base or a lost server by the wrapped error.
    raise DBAPIError.instance(last[0], last[1], error, psycopg.Error,
                              connection_invalidated=broken, dialect=conn.dialect) from None
