"""The PostgreSQL implementation of the storage seam: a team's fact base on a database server,
named by a `postgresql://` URL and reached through psycopg 3 (libpq).

What differs from a file (docs/ARCHITECTURE.md, "The storage seam"): credentials come from libpq's
usual places or a prompt; who may write is the server's grants (a reviewer's role opens read-only);
writers take turns through an advisory lock (transactions.py); other curators' commits arrive
by LISTEN/NOTIFY (feed.py); search is a tsvector index (search.py); snapshots, backups and a
curator's copy to take home are SQLite files written by the row copier (storage/transfer.py).
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any, Literal

import psycopg

from sqlalchemy import Connection, Executable, Engine, TextClause, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import ClauseElement

from kzeu_desk.core.errors import FactBaseLocked, ReadOnlyFactBase, UserError
from kzeu_desk.core.progress import Progress
from kzeu_desk.core.storage.interface import (
    ChangeFeed,
    Location,
    OpenedStorage,
    SqlExpressions,
    StorageEngine,
    StorageFailure,
    StorageProblem,
    TextDamageCounter,
)
from kzeu_desk.core.storage.postgresql import connecting, transactions
from kzeu_desk.core.storage.postgresql.search import TsvectorSearchIndex
from kzeu_desk.core.storage.rows import FastRows

# Passwords the user typed this session, by URL (without password): kept in memory only, so that
# exports, snapshots and the change feed reconnect without asking again. Never written anywhere.
_typed_passwords: dict[str, str] = {}

_cursor_names = itertools.count(1)
# The triggers (and their functions) `add_key_summary` puts on the fact table, by the end of their names.
_KEY_SUMMARY_EVENTS = ("insert", "delete", "update", "truncate")

# SQLSTATEs (PostgreSQL's appendix A) and what they mean to a curator.
_PROBLEMS = {
    "55P03": StorageProblem.BUSY,  # lock_not_available: another writer held on past lock_timeout
    "40001": StorageProblem.BUSY,  # serialization_failure
    "40P01": StorageProblem.BUSY,  # deadlock_detected
    "57014": StorageProblem.BUSY,  # query_canceled (a statement timeout)
    "53100": StorageProblem.DISK_FULL,
    "53200": StorageProblem.DISK_FULL,  # out of memory
    "25006": StorageProblem.NOT_PERMITTED,  # read_only_sql_transaction
    "42501": StorageProblem.NOT_PERMITTED,  # insufficient_privilege
    "57P01": StorageProblem.UNREACHABLE,  # admin_shutdown
    "08006": StorageProblem.UNREACHABLE,  # connection_failure
    "08003": StorageProblem.UNREACHABLE,
    "08000": StorageProblem.UNREACHABLE,
}


class PostgresExpressions(SqlExpressions):
    def is_iso_date(self, column: str) -> str:
        # CASE fixes the order: the casts run only on strings already known to be digits.
        year = f"CAST(substr({column}, 1, 4) AS integer)"
        month = f"substr({column}, 6, 2)"
        day = f"CAST(substr({column}, 9, 2) AS integer)"
        leap = f"({year} % 4 = 0 AND ({year} % 100 <> 0 OR {year} % 400 = 0))"
        days = (f"CASE WHEN {month} IN ('04', '06', '09', '11') THEN 30 "
                f"WHEN {month} = '02' THEN CASE WHEN {leap} THEN 29 ELSE 28 END ELSE 31 END")
        return (f"(CASE WHEN {column} ~ '^[0-9]{{4}}$' THEN {column} <> '0000'"
                f" WHEN {column} ~ '^[0-9]{{4}}-(0[1-9]|1[0-2])$' THEN substr({column}, 1, 4) <> '0000'"
                f" WHEN {column} ~ '^[0-9]{{4}}-(0[1-9]|1[0-2])-[0-3][0-9]$'"
                f" THEN substr({column}, 1, 4) <> '0000' AND {day} BETWEEN 1 AND ({days})"
                f" ELSE false END)")

    def has_iso_date_shape(self, column: str) -> str:
        return f"({column} ~ '^[0-9]{{4}}(-[01][0-9](-[0-3][0-9])?)?$')"

    def joined(self, expression: str, separator: str) -> str:
        return f"string_agg(CAST({expression} AS text), {separator})"

    def json_field(self, column: str, key: str) -> str:
        return f"(CAST({column} AS jsonb) ->> '{key}')"

    def join_in_this_order(self) -> str:
        return "JOIN"  # the planner's statistics pick the order; CROSS JOIN takes no ON here

    def minus_infinity(self) -> str:
        return "CAST('-Infinity' AS double precision)"  # a literal like -9e999 is refused as out of range

    def json_integer(self, column: str, key: str) -> str:
        return f"CAST(CAST({column} AS jsonb) ->> '{key}' AS bigint)"

    def quoted(self, expression: str) -> str:
        return f"quote_nullable({expression})"


class PostgresStorage(StorageEngine):
    dialect_name = "postgresql"
    search = TsvectorSearchIndex()
    sql = PostgresExpressions()

    # -- locations -------------------------------------------------------------------------------

    def handles(self, location: Location) -> bool:
        from kzeu_desk.core.storage import is_server_url

        return is_server_url(location)

    def open(self, location: Location, *, read_only: bool, read_only_reason: str | None = None,
             password: str | None = None) -> OpenedStorage:
        from kzeu_desk.core.storage.postgresql.opening import open_storage

        url = _url(location)
        key = connecting.without_password(url)
        opened = open_storage(url, read_only=read_only, password=password or _typed_passwords.get(key))
        if read_only and read_only_reason and opened.read_only_reason is None:
            opened = dataclasses.replace(opened, read_only_reason=read_only_reason)
        if password:
            _typed_passwords[key] = password
        return opened

    def close(self, location: Location, opened: OpenedStorage) -> None:
        opened.engine.dispose()

    def shown_name(self, location: Location) -> str:
        return connecting.shown_name(_url(location))

    def companion_files(self, location: Location) -> list[Path]:
        return []  # the server keeps everything

    def describe_failure(self, error: BaseException, location: Location | None) -> UserError | None:
        name = connecting.shown_name(_url(location)) if location is not None else "the fact base"
        original = error.orig if isinstance(error, DBAPIError) else error
        if isinstance(original, UserError):
            return original
        if not isinstance(original, psycopg.Error | StorageFailure):
            return None
        problem = self.problem(error)
        if problem is StorageProblem.BUSY:
            return FactBaseLocked(f"{name} is busy with another curator's change; try again in a moment.")
        if problem is StorageProblem.NOT_PERMITTED:
            return ReadOnlyFactBase(f"The server does not let your database role change {name}; nothing was "
                                    "changed.")
        if problem is StorageProblem.DISK_FULL:
            return UserError(f"The server holding {name} is out of disk space or memory, so the work was not "
                             "kept; tell its administrator.")
        if problem is StorageProblem.UNREACHABLE or isinstance(original, psycopg.OperationalError):
            return UserError(f"The connection to {name} was lost, so the work was not kept; try again once the "
                             "server can be reached.")
        return None

    def watched_files(self, location: Location) -> list[Path]:
        return []

    def change_feed(self, location: Location, opened: OpenedStorage) -> ChangeFeed:
        from kzeu_desk.core.storage.postgresql.feed import ListenFeed

        url = _url(location)
        password = _typed_passwords.get(connecting.without_password(url))

        def connect():  # type: ignore[no-untyped-def]
            import psycopg

            extra: dict[str, Any] = {"password": password} if password else {}
            return psycopg.connect(url, application_name="kzeu_desk change feed",
                                   connect_timeout=connecting.CONNECT_TIMEOUT_S, **extra)

        return ListenFeed(connect)

    def announce(self, conn: Connection, operation_id: int | None) -> None:
        transactions.announce(conn, operation_id)

    def grant_access(self, location: Location, role: str, access: Literal["curator", "reviewer"], *,
                     password: str | None = None, new_role_password: str | None = None) -> str:
        from kzeu_desk.core.storage.postgresql import roles

        url = _url(location)
        return roles.grant(url, role, access, new_role_password=new_role_password,
                           password=password or _typed_passwords.get(connecting.without_password(url)))

    def actor(self, opened: OpenedStorage) -> str | None:
        return opened.actor

    # -- transactions ----------------------------------------------------------------------------

    def read_transaction(self, engine: Engine) -> AbstractContextManager[Connection]:
        return transactions.read_transaction(engine)

    def write_transaction(self, engine: Engine) -> AbstractContextManager[Connection]:
        return transactions.write_transaction(engine)

    def bulk_writing(self, conn: Connection) -> AbstractContextManager[None]:
        return _more_memory(conn)

    def indexes_deferred(self, conn: Connection, table_names: Sequence[str]) -> AbstractContextManager[None]:
        return _indexes_deferred(conn, table_names)

    def insert_rows(self, conn: Connection, table_name: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        # COPY FROM STDIN: one statement for the batch instead of one per row (the copy of a 100k
        # base onto the server took 112 s through executemany).
        transactions.begun(conn)  # COPY cannot travel in a pipeline
        driver: Any = conn.connection.driver_connection
        names = ", ".join(f'"{name}"' for name in columns)
        with driver.cursor() as cursor, cursor.copy(f'COPY "{table_name}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)

    def write_unanswered(self, conn: Connection, statement: Executable) -> None:
        transactions.write_unanswered(conn, statement)

    def only_writes_until_commit(self, conn: Connection) -> None:
        transactions.only_writes_until_commit(conn)

    def settle_after_copy(self, engine: Engine) -> None:
        # A copy arrives as fresh heap pages in one transaction: no planner statistics, no
        # visibility map (index-only scans read the heap for every row) and no hint bits (the
        # first readers set them, writing). Autovacuum gets there within a minute or so; until
        # then a curator's first searches ran on the server's default estimates while the
        # vacuum competed for the machine: on a 100k base just copied, the search + status
        # filter took 3.0-5.5x SQLite's time and a deep page 2.0-5.0x; settled, 0.9-1.2x and
        # 1.0-1.3x (docs/PERFORMANCE.md, "PostgreSQL"). VACUUM of the 100k base takes a few
        # seconds beside the copy's minute. It cannot run inside a transaction: its own connection.
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM (ANALYZE)")

    def defer_foreign_keys(self, conn: Connection) -> None:
        # Foreign keys are always enforced here, so there are no dangling rows for a repair to step
        # around; deferrable constraints (none today) would wait for the commit.
        conn.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")

    def add_meta_watch(self, conn: Connection, name: str, key: str, watched: Mapping[str, Sequence[str] | None]) -> None:
        # One trigger per table and statement, not per row: a load's million rows cost one delete.
        conn.exec_driver_sql(
            f"CREATE FUNCTION {_identifier(name)}() RETURNS trigger LANGUAGE plpgsql AS $watch$ "
            f"BEGIN DELETE FROM app_meta WHERE key = {_literal(key)}; RETURN NULL; END $watch$")
        for table_name, columns in watched.items():
            update = "UPDATE" if columns is None else f"UPDATE OF {', '.join(_identifier(c) for c in columns)}"
            conn.exec_driver_sql(f"CREATE TRIGGER {_identifier(name)} AFTER INSERT OR DELETE OR {update} OR TRUNCATE "
                                 f"ON {_identifier(table_name)} FOR EACH STATEMENT EXECUTE FUNCTION {_identifier(name)}()")

    def drop_meta_watch(self, conn: Connection, name: str, tables: Sequence[str]) -> None:
        for table_name in tables:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_identifier(name)} ON {_identifier(table_name)}")
        if not conn.execute(text("SELECT 1 FROM pg_catalog.pg_trigger WHERE tgname = :name"), {"name": name}).first():
            conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {_identifier(name)}()")

    def meta_watch_in_place(self, conn: Connection, name: str, tables: Sequence[str]) -> bool:
        found = set(conn.execute(text(
            "SELECT c.relname FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = :name AND t.tgenabled <> 'D' AND c.relnamespace = to_regnamespace(current_schema())"),
            {"name": name}).scalars())
        return set(tables) <= found

    def add_key_summary(self, conn: Connection, name: str, summary: str, rows: str, read: Sequence[str]) -> None:
        # One trigger per event that runs once per statement, with the statement's rows as
        # transition tables: a load's or a copy's batch of facts is counted again set-based, by
        # key. Transition tables refuse a column list, so the update's keys are those of rows
        # whose read columns changed.
        changed = " OR ".join(f"o.{_identifier(c)} IS DISTINCT FROM n.{_identifier(c)}" for c in read)
        moved = f"FROM old_facts o JOIN new_facts n ON n.id = o.id WHERE {changed}"
        keys = {
            "insert": ("INSERT", "REFERENCING NEW TABLE AS new_facts", "SELECT subject_id, property_id FROM new_facts"),
            "delete": ("DELETE", "REFERENCING OLD TABLE AS old_facts", "SELECT subject_id, property_id FROM old_facts"),
            "update": ("UPDATE", "REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts",
                       f"SELECT o.subject_id, o.property_id {moved} UNION SELECT n.subject_id, n.property_id {moved}"),
        }
        table = _identifier(summary)
        for event, (when, referencing, of) in keys.items():
            function = _identifier(f"{name}_{event}")
            counted = rows.replace("{keys}", f"(f.subject_id, f.property_id) IN ({of})")
            conn.execute(text(
                f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $summary$ BEGIN "
                f"DELETE FROM {table} s USING ({of}) k WHERE s.subject_id = k.subject_id AND s.property_id = k.property_id; "
                f"INSERT INTO {table} {counted}; RETURN NULL; END $summary$"))
            conn.exec_driver_sql(f"CREATE TRIGGER {function} AFTER {when} ON fact {referencing} "
                                 f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()")
        function = _identifier(f"{name}_truncate")
        conn.exec_driver_sql(f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $summary$ BEGIN "
                             f"DELETE FROM {table}; RETURN NULL; END $summary$")
        conn.exec_driver_sql(f"CREATE TRIGGER {function} AFTER TRUNCATE ON fact FOR EACH STATEMENT EXECUTE FUNCTION {function}()")

    def drop_key_summary(self, conn: Connection, name: str) -> None:
        for event in _KEY_SUMMARY_EVENTS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {_identifier(f'{name}_{event}')} ON fact")
            conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {_identifier(f'{name}_{event}')}()")

    def key_summary_in_place(self, conn: Connection, name: str) -> bool:
        found = set(conn.execute(text(
            "SELECT t.tgname FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid "
            "WHERE c.relname = 'fact' AND t.tgenabled <> 'D' AND c.relnamespace = to_regnamespace(current_schema())")).scalars())
        return {f"{name}_{event}" for event in _KEY_SUMMARY_EVENTS} <= found

    def reserve_ids(self, conn: Connection, table_name: str, highest: int) -> None:
        current = self.highest_reserved_id(conn, table_name) or 0
        if highest > current:
            conn.execute(text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :highest)"),
                         {"table": table_name, "highest": highest})

    def highest_reserved_id(self, conn: Connection, table_name: str) -> int | None:
        # pg_sequences says NULL (rather than refusing) where the sequence was never used or this
        # role may not read it.
        return conn.execute(text(
            "SELECT last_value FROM pg_catalog.pg_sequences "
            "WHERE format('%I.%I', schemaname, sequencename) = pg_get_serial_sequence(:table, 'id')"
        ), {"table": table_name}).scalar()

    def problem(self, error: BaseException) -> StorageProblem:
        original = error.orig if isinstance(error, DBAPIError) else error
        found = _PROBLEMS.get(getattr(original, "sqlstate", None) or "")
        if found is not None:
            return found
        if isinstance(error, DBAPIError) and error.connection_invalidated:
            return StorageProblem.UNREACHABLE
        return StorageProblem.OTHER

    # -- reading ---------------------------------------------------------------------------------

    def fast_rows(self, conn: Connection, query: TextClause | str,
                  params: Mapping[str, object] | None = None) -> FastRows:
        from kzeu_desk.core.storage.postgresql.rows import ServerRows

        transactions.begun(conn)  # a server cursor lives in the transaction
        return ServerRows(conn, query, params)

    def read_together(self, conn: Connection,
                      reads: Sequence[tuple[ClauseElement, Mapping[str, object]]]) -> list[list[dict]]:
        # Each read alone would be one wait for the server; an edit's conflict re-check makes five.
        if len(reads) < 2:
            return super().read_together(conn, reads)
        return transactions.read_in_one_round_trip(conn, reads)

    def every_nth_row(self, conn: Connection, columns: str, source: str, order_by: str,
                      params: Mapping[str, object], n: int) -> list[tuple]:
        # Skipped on the server, so only every n-th row crosses the connection: streaming all of
        # them cost ~250 ms at 100k facts sorted by value (each row decoded in Python). A cursor
        # that MOVEs past n - 1 rows and FETCHes one, many pairs to a pipeline, measured ~25%
        # faster than numbering the rows with row_number() (126-144 ms against 165-189 ms at
        # 100k by value, under load), which buffers and numbers every row first.
        from kzeu_desk.core.storage.rows import for_driver

        statement, arguments = for_driver(conn, text(f"SELECT {columns} {source} ORDER BY {order_by}"), params)
        transactions.begun(conn)
        driver: Any = conn.connection.driver_connection
        name = f"kzeu_every_{next(_cursor_names)}"  # closed with the transaction
        found: list[tuple] = []
        pairs = 64  # doubled each round: ~400 rows at 100k take 3 rounds, ~4,000 at 1M take 6
        with driver.cursor() as declare:
            declare.execute(f"DECLARE {name} NO SCROLL CURSOR FOR {statement}", arguments)
        while True:
            fetches = []
            with driver.pipeline():
                for _ in range(pairs):
                    skip = driver.cursor()
                    skip.execute(f"MOVE FORWARD {n - 1} IN {name}")
                    fetch = driver.cursor()
                    fetch.execute(f"FETCH 1 FROM {name}")
                    fetches.append((skip, fetch))
            rows = []
            for skip, fetch in fetches:
                rows.append(fetch.fetchone())
                skip.close()
                fetch.close()
            found.extend(tuple(row) for row in rows if row is not None)
            if None in rows:
                return found
            pairs *= 2

    # -- checks and copies -----------------------------------------------------------------------

    def structural_problems(self, conn: Connection) -> list[tuple[str, str]]:
        # The server enforces every foreign key and keeps its own structures sound (checksums,
        # WAL); nothing the app could check here would find more.
        return []

    def snapshot_into(self, location: Location, target: Path, progress: Progress | None = None) -> None:
        """A standalone SQLite copy: the server's rows, read in one snapshot, copied into a new
        file beside the target, then compacted, checked and renamed into place by SQLite's own
        snapshot (VACUUM INTO)."""
        from kzeu_desk.core.storage import transfer
        from kzeu_desk.core.storage.sqlite import SQLITE

        source = self.open(location, read_only=True)
        target = target.resolve()
        folder = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        staging = folder / "staging.sqlite"
        try:
            copy = SQLITE.open(staging, read_only=False)
            try:
                with (self.read_transaction(source.engine) as reader,
                      SQLITE.write_transaction(copy.engine) as writer):
                    # The rows go to a private staging file: stopping between tables leaves only it.
                    transfer.copy_rows(reader, writer, None if progress is None else progress.update)
            finally:
                SQLITE.close(staging, copy)
            SQLITE.snapshot_into(staging, target, progress)
        except DBAPIError as error:
            raise StorageFailure(str(error.orig).strip().splitlines()[0]) from None
        finally:
            self.close(location, source)
            shutil.rmtree(folder, ignore_errors=True)

    def copy_problems(self, copy: Path) -> list[str]:
        from kzeu_desk.core.storage.sqlite import SQLITE

        return SQLITE.copy_problems(copy)

    def restorable_copy(self, backup: Path, folder: Path, progress: Progress | None = None) -> Path:
        from kzeu_desk.core.storage.sqlite import SQLITE

        return SQLITE.restorable_copy(backup, folder, progress)  # backups are SQLite files whatever the engine

    def restore_target(self, location: Location) -> Literal["missing", "fact base", "damaged"]:
        return "fact base"  # the server keeps its own storage sound; opening refuses what is no fact base

    def set_aside(self, location: Location, target: Path) -> None:
        raise StorageFailure("a fact base on a server is never set aside as a file")

    def text_damage(self, conn: Connection) -> list[str]:
        return []  # the server refuses text that is not valid UTF-8 on the way in

    def tolerant_text(self, conn: Connection) -> AbstractContextManager[TextDamageCounter]:
        return nullcontext(_NoDamage())

    def restore(self, location: Location, backup: Path, progress: Progress | None = None) -> None:
        """The copy's rows replace the fact base's in one transaction: anyone reading sees the old
        content until it commits, then the restored one; every open workspace is told. A stop asked
        of `progress` between two batches of rows rolls the transaction back."""
        from kzeu_desk.core import conflicts
        from kzeu_desk.core.storage import transfer
        from kzeu_desk.core.storage.sqlite import SQLITE

        copy = SQLITE.open(backup, read_only=True)
        server = self.open(location, read_only=False)
        try:
            if server.read_only:
                raise StorageFailure(server.read_only_reason or "the fact base is open read-only")
            with (SQLITE.read_transaction(copy.engine) as reader,
                  self.write_transaction(server.engine) as writer,
                  conflicts.key_summary_deferred(writer)):  # counted once, after the copy's rows: not for the deleted
                transfer.delete_every_row(writer)
                transfer.copy_rows(reader, writer, None if progress is None else progress.update)
                self.announce(writer, None)
        except DBAPIError as error:
            raise StorageFailure(str(error.orig).strip().splitlines()[0]) from None
        finally:
            SQLITE.close(backup, copy)
            self.close(location, server)


@dataclasses.dataclass
class _NoDamage:
    count: int = 0


def _url(location: Location) -> str:
    return os.fspath(location) if not isinstance(location, str) else location.strip()


@contextmanager
def _more_memory(conn: Connection) -> Iterator[None]:
    # Sorting and index building of a large load in memory rather than in temporary files.
    conn.exec_driver_sql("SET LOCAL work_mem = '64MB'")
    conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    yield


@contextmanager
def _indexes_deferred(conn: Connection, table_names: Sequence[str]) -> Iterator[None]:
    # Only indexes the role may drop (its own tables'): a curator loading into a team's database
    # keeps them, which costs time, not correctness. Constraints' indexes are unique or keys: kept.
    indexes = conn.execute(text("""
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = to_regnamespace(i.schemaname)
        JOIN pg_index x ON x.indexrelid = c.oid
        WHERE i.schemaname = current_schema() AND i.tablename = ANY(:tables)
          AND NOT x.indisunique AND NOT x.indisprimary AND pg_has_role(c.relowner, 'USAGE')
        ORDER BY i.indexname
    """), {"tables": list(table_names)}).all()
    for name, _definition in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, definition in indexes:
        conn.exec_driver_sql(definition)


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


POSTGRESQL = PostgresStorage()

__all__ = ["POSTGRESQL", "PostgresStorage"]
