"""The SQLite implementation of the storage seam: a fact base is one file (WAL while a writer has
it open, rollback-journal mode at rest, so reviewers and copies see one complete file)."""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection, Executable, Engine, TextClause, text
from sqlalchemy.exc import DBAPIError

from kzeu_desk.core.errors import UserError
from kzeu_desk.core.progress import Progress
from kzeu_desk.core.leftovers import private_folder
from kzeu_desk.core.storage.interface import (
    ChangeFeed,
    Location,
    OpenedStorage,
    SqlExpressions,
    StorageEngine,
    StorageProblem,
    TextDamageCounter,
)
from kzeu_desk.core.storage.rows import FastRows
from kzeu_desk.core.storage.sqlite import engine as setup
from kzeu_desk.core.storage.sqlite import restoring
from kzeu_desk.core.storage.sqlite.search import Fts5SearchIndex

# A bulk load's page cache: the index B-trees of a large load outgrow SQLite's default 2 MB, and
# every insert then waits on pages read back from disk (docs/PERFORMANCE.md section 4).
_BULK_CACHE_KIB = 256 * 1024
# The triggers `add_key_summary` puts on the fact table, by the end of their names.
_KEY_SUMMARY_EVENTS = ("insert", "delete", "update", "moved")


class SqliteExpressions(SqlExpressions):
    def is_iso_date(self, column: str) -> str:
        # Non-ASCII digits, which Python's date parsing would accept, are refused: callers use
        # false only to mean "look closer in Python".
        # A bare year, by far the most common point in time, is tested first and with the fewest
        # calls: the conflict re-scan evaluates this for each of 1M facts (0.74 -> 0.58 s of CPU for
        # its key filter with the length() CASE before).
        year_not_zero = f"substr({column}, 1, 4) <> '0000'"
        return (f"(CASE WHEN {column} GLOB '[0-9][0-9][0-9][0-9]' THEN {column} <> '0000'"
                f" WHEN length({column}) = 7 THEN {column} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'"
                f" AND substr({column}, 6, 2) BETWEEN '01' AND '12' AND {year_not_zero}"
                # A modifier makes date() normalise (1996-02-30 becomes 1996-03-01): only a real day comes back as it was.
                f" WHEN length({column}) = 10 THEN date({column}, '+0 days') IS {column} AND {year_not_zero}"
                " ELSE 0 END)")

    def has_iso_date_shape(self, column: str) -> str:
        return (f"({column} GLOB '[0-9][0-9][0-9][0-9]' OR {column} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'"
                f" OR {column} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')")

    def joined(self, expression: str, separator: str) -> str:
        return f"group_concat({expression}, {separator})"

    def json_field(self, column: str, key: str) -> str:
        return f"json_extract({column}, '$.{key}')"

    def join_in_this_order(self) -> str:
        return "CROSS JOIN"  # SQLite never reorders around a CROSS JOIN

    def minus_infinity(self) -> str:
        return "-9e999"  # overflows to -Inf

    def json_integer(self, column: str, key: str) -> str:
        return f"json_extract({column}, '$.{key}')"

    def quoted(self, expression: str) -> str:
        return f"quote({expression})"


class SqliteStorage(StorageEngine):
    dialect_name = "sqlite"
    search = Fts5SearchIndex()
    sql = SqliteExpressions()

    def handles(self, location: Location) -> bool:
        return "://" not in str(location)

    def open(self, location: Location, *, read_only: bool, read_only_reason: str | None = None,
             password: str | None = None) -> OpenedStorage:
        from kzeu_desk.core.storage.sqlite.opening import open_storage

        return open_storage(Path(location), read_only=read_only, read_only_reason=read_only_reason)

    def close(self, location: Location, opened: OpenedStorage) -> None:
        from kzeu_desk.core.storage.sqlite.opening import close_storage

        close_storage(Path(location), opened)

    def shown_name(self, location: Location) -> str:
        return Path(location).name

    def companion_files(self, location: Location) -> list[Path]:
        location = Path(location)
        return [location, setup.journal_file(location), setup.wal_file(location), setup.shm_file(location)]

    def describe_failure(self, error: BaseException, location: Location | None) -> UserError | None:
        from kzeu_desk.core.storage.sqlite.opening import explain_failure

        return explain_failure(error, None if location is None else Path(location))

    def watched_files(self, location: Location) -> list[Path]:
        return [Path(location), setup.wal_file(Path(location))]

    def change_feed(self, location: Location, opened: OpenedStorage) -> ChangeFeed | None:
        return None  # the files tell: watched_files

    def announce(self, conn: Connection, operation_id: int | None) -> None:
        pass  # other programs see the file change

    def grant_access(self, location: Location, role: str, access: Literal["curator", "reviewer"], *,
                     password: str | None = None, new_role_password: str | None = None) -> str:
        raise UserError("A fact base file has no database roles: who may change it is decided by the file's "
                        "permissions. Team roles are for a fact base on a PostgreSQL server (docs/TEAM.md).")

    def actor(self, opened: OpenedStorage) -> str | None:
        return None

    def read_transaction(self, engine: Engine) -> AbstractContextManager[Connection]:
        return setup.read_transaction(engine)

    def write_transaction(self, engine: Engine) -> AbstractContextManager[Connection]:
        return setup.write_transaction(engine)

    def bulk_writing(self, conn: Connection) -> AbstractContextManager[None]:
        return setup.larger_page_cache(conn, _BULK_CACHE_KIB)

    def indexes_deferred(self, conn: Connection, table_names: Sequence[str]) -> AbstractContextManager[None]:
        return setup.indexes_deferred(conn, table_names)

    def write_unanswered(self, conn: Connection, statement: Executable) -> None:
        conn.execute(statement)  # in-process calls: no waiting for answers to save

    def only_writes_until_commit(self, conn: Connection) -> None:
        pass  # in-process calls: no waiting for answers to save

    def settle_after_copy(self, engine: Engine) -> None:
        pass  # SQLite keeps no statistics the app relies on (its queries fix their own join order)

    def defer_foreign_keys(self, conn: Connection) -> None:
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")

    def add_meta_watch(self, conn: Connection, name: str, key: str, watched: Mapping[str, Sequence[str] | None]) -> None:
        # SQLite's triggers fire for each row. Deleting an absent row by its primary key costs
        # ~0.25 us a row written: 1M evidence rows inserted in 1.76-1.81 s with the trigger,
        # 1.48-1.60 s without (by hand, sqlite3 3.40, in memory), beside a bulk load's ~170 s.
        forget = f"DELETE FROM app_meta WHERE key = {_literal(key)};"
        for table_name, columns in watched.items():
            update = "UPDATE" if columns is None else f"UPDATE OF {', '.join(columns)}"
            for event, when in (("insert", "INSERT"), ("delete", "DELETE"), ("update", update)):
                conn.exec_driver_sql(f'CREATE TRIGGER "{name}_{table_name}_{event}" AFTER {when} ON "{table_name}" '
                                     f"BEGIN {forget} END")

    def drop_meta_watch(self, conn: Connection, name: str, tables: Sequence[str]) -> None:
        for table_name in tables:
            for event in ("insert", "delete", "update"):
                conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}_{table_name}_{event}"')

    def meta_watch_in_place(self, conn: Connection, name: str, tables: Sequence[str]) -> bool:
        wanted = {(f"{name}_{table_name}_{event}", table_name) for table_name in tables
                  for event in ("insert", "delete", "update")}
        found = {(row[0], row[1]) for row in conn.execute(text("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'"))}
        return wanted <= found

    def add_key_summary(self, conn: Connection, name: str, summary: str, rows: str, read: Sequence[str]) -> None:
        # SQLite's triggers fire for each row, after it is written and before the next one is: each
        # counts again the one key its row joined (and, when the row moved, the one it left) from
        # the facts as they are then, through ix_fact_key_values (a key holds ~3 facts at 1M).
        def recount(row: str) -> str:
            of_key = rows.replace("{keys}", f"f.subject_id = {row}.subject_id AND f.property_id = {row}.property_id")
            return (f'DELETE FROM "{summary}" WHERE subject_id = {row}.subject_id AND property_id = {row}.property_id; '
                    f'INSERT INTO "{summary}" {of_key};')
        columns = ", ".join(read)
        changed = " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in read)
        moved = "OLD.subject_id IS NOT NEW.subject_id OR OLD.property_id IS NOT NEW.property_id"
        for event, when, row in (("insert", "INSERT", "NEW"), ("delete", "DELETE", "OLD"),
                                 ("update", f"UPDATE OF {columns}", "NEW"),
                                 ("moved", "UPDATE OF subject_id, property_id", "OLD")):
            condition = {"update": f" WHEN {changed}", "moved": f" WHEN {moved}"}.get(event, "")
            conn.execute(text(f'CREATE TRIGGER "{name}_{event}" AFTER {when} ON fact{condition} '
                              f"BEGIN {recount(row)} END"))

    def drop_key_summary(self, conn: Connection, name: str) -> None:
        for event in _KEY_SUMMARY_EVENTS:
            conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}_{event}"')

    def key_summary_in_place(self, conn: Connection, name: str) -> bool:
        found = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'fact'")).scalars())
        return {f"{name}_{event}" for event in _KEY_SUMMARY_EVENTS} <= found

    def reserve_ids(self, conn: Connection, table_name: str, highest: int) -> None:
        # AUTOINCREMENT keeps each table's highest id handed out in sqlite_sequence.
        changed = conn.execute(
            text("UPDATE sqlite_sequence SET seq = :highest WHERE name = :table AND seq < :highest"),
            {"table": table_name, "highest": highest},
        ).rowcount
        if changed:
            return
        exists = conn.execute(text("SELECT 1 FROM sqlite_sequence WHERE name = :table"), {"table": table_name}).first()
        if exists is None and highest > 0:
            conn.execute(text("INSERT INTO sqlite_sequence (name, seq) VALUES (:table, :highest)"),
                         {"table": table_name, "highest": highest})

    def highest_reserved_id(self, conn: Connection, table_name: str) -> int | None:
        return conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = :table"), {"table": table_name}).scalar()

    def problem(self, error: BaseException) -> StorageProblem:
        message = str(error.orig if isinstance(error, DBAPIError) else error)
        if "locked" in message or "busy" in message:
            return StorageProblem.BUSY
        if "full" in message:
            return StorageProblem.DISK_FULL
        if "disk I/O" in message or "readonly" in message:
            return StorageProblem.NOT_WRITABLE
        return StorageProblem.OTHER

    def fast_rows(self, conn: Connection, query: TextClause | str,
                  params: Mapping[str, object] | None = None) -> FastRows:
        return FastRows(conn, query, params)

    def structural_problems(self, conn: Connection) -> list[tuple[str, str]]:
        return ([("quick_check", p) for p in setup.quick_check(conn)]
                + [("foreign_key_check", p) for p in setup.foreign_key_problems(conn)])

    def snapshot_into(self, location: Location, target: Path, progress: Progress | None = None) -> None:
        location = Path(location)
        if setup.readable_in_place(location):
            setup.snapshot_into(location, target, progress)
            return
        # A WAL file left without its -wal (maybe in a read-only folder): copied privately first.
        folder = private_folder("snapshot")
        try:
            setup.snapshot_into(setup.snapshot_for_reading(location, folder), target, progress)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def copy_problems(self, copy: Path) -> list[str]:
        return setup.copy_problems(copy)

    def restorable_copy(self, backup: Path, folder: Path, progress: Progress | None = None) -> Path:
        return restoring.restorable_copy(backup, folder, progress)

    def restore_target(self, location: Location) -> Literal["missing", "fact base", "damaged"]:
        return restoring.restore_target(Path(location))

    def set_aside(self, location: Location, target: Path) -> None:
        restoring.set_aside(Path(location), target)

    def text_damage(self, conn: Connection) -> list[str]:
        return setup.undecodable_text(conn)

    def tolerant_text(self, conn: Connection) -> AbstractContextManager[TextDamageCounter]:
        return setup.tolerant_text(conn)

    def restore(self, location: Location, backup: Path, progress: Progress | None = None) -> None:
        setup.restore_from_copy(Path(location), backup, progress)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


SQLITE = SqliteStorage()

__all__ = ["SQLITE", "SqliteStorage"]
