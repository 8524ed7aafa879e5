"""Reaching a PostgreSQL server: what a fact base URL names, connections made by libpq itself (so
`~/.pgpass`, `PGPASSFILE`, `PGSERVICE` and every other libpq setting apply as they do for psql),
and the server's refusals put in one sentence.

A password the user typed is passed to libpq in memory and never written anywhere; URLs are
shown and remembered without one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

from kzeu_desk.core import locations
from kzeu_desk.core.errors import NotAFactBase, PasswordNeeded, UserError

CONNECT_TIMEOUT_S = 10
# Writers wait this long for another's write transaction, as SQLite's busy timeout does.
LOCK_TIMEOUT = "10s"
# Every write transaction takes this transaction-level advisory lock first: writers take turns,
# as SQLite's BEGIN IMMEDIATE makes them, while readers go on reading their snapshots. A fact's
# version check, the conflict re-check and id reservations then see every committed write.
WRITER_LOCK = 0x6B7A6575  # "kzeu"
# psycopg prepares a statement on the server after this many runs on one connection (its default
# is 5). An edit sends ~15 statements, each once: with the default, a workspace's first five edits
# had each statement parsed and planned again, and (with the generic plans of write transactions,
# transactions.py) the next ones too. Prepared at the second run, an edit from the third on skips
# both (docs/PERFORMANCE.md, "PostgreSQL", sixth pass: the benchmark's edit ~1.7x -> ~1.2x of SQLite).
PREPARE_THRESHOLD: int | None = 1


def without_password(url: str) -> str:
    return str(locations.without_password(url))


def settings(url: str) -> dict[str, Any]:
    """What libpq reads from the URL (database, host, user, ...), without the environment's defaults."""
    try:
        return conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        # libpq's reason may end in a line break (a bracket never closed): the sentence stays one line.
        reason = " ".join(str(error).split())
        raise NotAFactBase(f"“{without_password(url)}” is not a database address kzeu_desk can read ({reason}).") from None


def shown_name(url: str) -> str:
    """“facts on db.example.org” (database and host as libpq will resolve them)."""
    given = settings(url)
    service = given.get("service")
    database = given.get("dbname") or (None if service else _default_user(given))
    host = given.get("host") or ("" if service else "this computer")
    if host.startswith("/"):
        host = "this computer"
    if database and host:
        return f"{database} on {host}"
    return database or f"service {service}"


def _default_user(given: dict[str, Any]) -> str | None:
    user = given.get("user")
    if user:
        return str(user)
    import getpass

    try:
        return getpass.getuser()
    except Exception:
        return None


def make_engine(url: str, *, read_only: bool, password: str | None) -> Engine:
    """A pooled engine whose connections libpq makes from the URL (plus the typed password)."""
    options: dict[str, Any] = {"application_name": "kzeu_desk", "connect_timeout": CONNECT_TIMEOUT_S}
    if read_only:
        # The server refuses every write of this session, whatever the role may do: a curator
        # who opened read-only is as safe as a reviewer.
        options["options"] = "-c default_transaction_read_only=on"
    if password is not None:
        options["password"] = password

    def connect() -> psycopg.Connection:
        connection = psycopg.connect(url, **options)
        connection.prepare_threshold = PREPARE_THRESHOLD
        return connection

    engine = create_engine("postgresql+psycopg://", creator=connect, pool_size=4, max_overflow=8)
    _ping_after_rest(engine)
    _begin_with_first_statement(engine)
    return engine


def _begin_with_first_statement(engine: Engine) -> None:
    """A transaction's BEGIN travels with its first statement (transactions.py's docstring)."""
    from sqlalchemy import event

    from kzeu_desk.core.storage.postgresql import transactions

    event.listen(engine, "do_execute", transactions.with_first_statement)
    event.listen(engine, "do_executemany", transactions.begun_before_many)
    event.listen(engine, "do_execute_no_params", transactions.begun_before_no_params)


# A pooled connection that rested this long is tried before it is handed out.
_REST_BEFORE_PING_S = 1.0


def _ping_after_rest(engine: Engine) -> None:
    """Try a pooled connection before use when it rested in the pool (where a server restart or a
    dropped network may have killed it): a dead one is replaced unnoticed, as SQLAlchemy's
    pre-ping does. Unlike pre-ping, a connection handed back within a second is used as it is:
    the ping is a round trip of its own, and an edit checks out a connection twice (its read,
    then its write). A connection that dies within that second fails its next statement, which
    the user is told of in one sentence, and the pool replaces it."""
    from sqlalchemy import event
    from sqlalchemy.exc import DisconnectionError

    @event.listens_for(engine, "checkin")
    def rested_since(_dbapi_connection: Any, record: Any) -> None:
        record.info["kzeu_checked_in"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def alive(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        checked_in = record.info.get("kzeu_checked_in")
        if checked_in is None or time.monotonic() - checked_in < _REST_BEFORE_PING_S:
            return
        try:
            answer = dbapi_connection.pgconn.exec_(b"")  # an empty query: one round trip, no transaction
            if answer.status != psycopg.pq.ExecStatus.EMPTY_QUERY:
                raise DisconnectionError("the server connection was lost")
        except psycopg.Error as error:
            raise DisconnectionError(str(error)) from None


def connection_problem(url: str, error: BaseException) -> UserError:
    """One sentence for a connection the server (or the network) refused."""
    original = error.orig if isinstance(error, DBAPIError) else error
    message = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    sqlstate = getattr(original, "sqlstate", None)
    name = shown_name(url)
    given = settings(url)
    lowered = message.lower()
    if "no password supplied" in lowered or sqlstate == "28P01" or "password authentication failed" in lowered:
        wrong = "no password supplied" not in lowered
        return PasswordNeeded(
            f"The server holding {name} {'did not accept that password' if wrong else 'asks for a password'}"
            f" for the role “{given.get('user') or _default_user(given)}”.", wrong=wrong)
    if sqlstate == "3D000" or ("database" in lowered and "does not exist" in lowered):
        database = given.get("dbname") or name
        return NotAFactBase(f"There is no database “{database}” on that server; ask its administrator to create it "
                            "(docs/TEAM.md says how).")
    if sqlstate == "28000" or ("role" in lowered and "does not exist" in lowered):
        return UserError(f"The server holding {name} does not let this role in: {message}.")
    if sqlstate == "42501":
        return UserError(f"Your role may not connect to {name}; ask the administrator for access ({message}).")
    return UserError(f"The database server of {name} could not be reached ({message.rstrip('.')}); check the "
                     "address and that the server is running.")


@contextmanager
def connected(engine: Engine, url: str) -> Iterator[Connection]:
    """A first connection, its refusal put in one sentence."""
    try:
        conn = engine.connect()
    except DBAPIError as error:
        engine.dispose()
        raise connection_problem(url, error) from None
    with conn:
        yield conn


def server_facts(conn: Connection) -> dict[str, Any]:
    return dict(conn.execute(text(
        "SELECT session_user AS role, current_database() AS database,"
        " has_schema_privilege(current_schema(), 'CREATE') AS may_create"
    )).mappings().one())
