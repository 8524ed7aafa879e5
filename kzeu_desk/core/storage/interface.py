"""What the core asks of a database engine: the one seam between kzeu_desk and SQLite (today) or
PostgreSQL (a team's server).

Everything else in the core speaks portable SQL through SQLAlchemy. Whatever one engine does
differently (opening a location, transactions that take the write lock up front, full-text
search, consistent copies, structural checks, a handful of SQL expressions, and reading many
rows without SQLAlchemy's per-row cost) is a method here, implemented once per engine in
`storage/<engine>/`. docs/ARCHITECTURE.md describes the seam.
"""

from __future__ import annotations

import enum
import itertools
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NamedTuple, Protocol

from sqlalchemy import Connection, Executable, Engine, TextClause, text
from sqlalchemy.sql import ClauseElement

from kzeu_desk.core.errors import UserError
from kzeu_desk.core.progress import Progress
from kzeu_desk.core.storage.rows import FastRows

# Where a fact base is: an SQLite file's path, or a database server's URL (kept as a string: a
# Path would fold the URL's "//"). core/locations.py reads one from what a user typed.
Location = Path | str


class StorageFailure(Exception):
    """The engine failed or refused (a damaged copy, a write lock held elsewhere, a full disk).

    Raised by the storage layer in place of the driver's own exceptions, so no code above it
    names an engine's exception types. `str()` is the engine's reason, to be put in a sentence."""


class TextDamageCounter(Protocol):
    count: int


class StorageProblem(enum.Enum):
    """What kind of trouble a failed statement ran into, whatever the engine said."""

    BUSY = "busy"  # another writer holds the lock past the wait (SQLite "database is locked", PG lock timeout)
    DISK_FULL = "disk full"
    NOT_WRITABLE = "not writable"  # the file or folder refuses writes, or an I/O error
    NOT_PERMITTED = "not permitted"  # the server refuses this role the write (a reviewer's grants)
    UNREACHABLE = "unreachable"  # the connection to the server broke or could not be made
    OTHER = "other"


@dataclass(frozen=True)
class OpenedStorage:
    """A fact base location opened by one engine."""

    engine: Engine
    read_only: bool
    read_only_reason: str | None  # why it opened read-only when the user did not ask
    backup_path: Path | None  # snapshot taken before a migration, if one ran
    snapshot_path: Path | None = None  # private copy being read when the original can't be read in place
    actor: str | None = None  # who the server says is connected (its database role), None for a file


class SearchDocument(NamedTuple):
    """What the full-text index holds for one fact (built by core/search_documents.py). A tuple in
    the index's column order, so an engine can hand a batch to its driver as it is (a load makes
    one per fact: a frozen dataclass cost ~1 us more each, and a tuple made again for the driver)."""

    fact_id: int
    subject: str  # the subject's name and aliases
    property: str
    value: str  # the value as the app shows it
    quotes: str  # the quotes of its evidence
    notes: str  # the curator's note on the fact


class SearchIndex(ABC):
    """Full-text search over facts. Every write keeps the index holding exactly the existing facts,
    so counts come from the index alone; ids it returns are still joined to `fact`.

    An *expression* is what `expression()` made of the words a user searched for
    (`search_documents.search_words`), each to match as a prefix, in the engine's query syntax."""

    @abstractmethod
    def create(self, conn: Connection) -> None:
        """Create the index (in the first migration)."""

    @abstractmethod
    def add_notes_field(self, conn: Connection) -> None:
        """Migration 0010: an index made before it gains each fact's note, read from `fact.note`,
        keeping everything else it holds (nothing else is read or worked out again)."""

    @abstractmethod
    def drop(self, conn: Connection) -> None: ...

    @abstractmethod
    def clear(self, conn: Connection) -> None:
        """Remove every document (before a rebuild)."""

    @abstractmethod
    def replace_documents(self, conn: Connection, documents: Sequence[SearchDocument]) -> None: ...

    @abstractmethod
    def delete_documents(self, conn: Connection, fact_ids: Iterable[int]) -> None: ...

    def add_documents(self, conn: Connection, documents: Sequence[SearchDocument]) -> None:
        """Documents of facts that have none yet (inserted in this transaction); by default as
        `replace_documents`, which an engine may skip the look for an old document of."""
        self.replace_documents(conn, documents)

    @abstractmethod
    def expression(self, words: Sequence[str]) -> str | None:
        """The expression matching facts that hold every word as a prefix; None for no words.
        A word is plain text, never query syntax (quotes, '*', '-', ':', NEAR are searched as such)."""

    @abstractmethod
    def match_clause(self, column: str = "fact.id") -> str:
        """SQL restricting `column` to the ids of facts matching the bound parameter :search."""

    @abstractmethod
    def count_matches(self, conn: Connection, expression: str, *, id_below: int | None = None,
                      id_above: int | None = None, at_most: int | None = None) -> int:
        """How many facts match, counted in the index: with `id_below`/`id_above` only those with a
        smaller/larger id; with `at_most`, counting stops there."""

    @abstractmethod
    def matching_fact_ids(self, conn: Connection, expression: str, *, after_id: int | None = None,
                          descending: bool = False, limit: int) -> list[int]:
        """Up to `limit` ids of existing matching facts in id order, starting just after `after_id`."""

    @abstractmethod
    def every_nth_matching_fact_id(self, conn: Connection, expression: str, n: int, *,
                                   descending: bool = False) -> list[int]:
        """Ids of the n-th, 2n-th, ... existing matching facts, in id order."""

    @abstractmethod
    def fact_matches(self, conn: Connection, expression: str, fact_id: int) -> bool: ...

    @abstractmethod
    def coverage_problems(self, conn: Connection) -> list[str]:
        """Facts missing from the index and entries for facts that do not exist, one sentence each."""


class SqlExpressions(ABC):
    """The few SQL expressions whose spelling differs between engines, as fragments to put into
    a query. Arguments are SQL expressions (column names), never user input."""

    @abstractmethod
    def is_iso_date(self, column: str) -> str:
        """True only where `column` holds a real ISO date truncated to year, month or day
        ("1996", "1996-02", "1996-02-29" of a leap year); false or NULL otherwise."""

    @abstractmethod
    def has_iso_date_shape(self, column: str) -> str:
        """True where `column` looks like YYYY, YYYY-MM or YYYY-MM-DD (digits in place, month 0x/1x,
        day 0x-3x), whether or not the day exists."""

    @abstractmethod
    def joined(self, expression: str, separator: str) -> str:
        """An aggregate joining the group's non-NULL values of `expression` with `separator`
        (a string literal), in no particular order."""

    @abstractmethod
    def json_field(self, column: str, key: str) -> str:
        """The value under `key` of the JSON object in the text `column`, as the engine's scalar."""

    @abstractmethod
    def join_in_this_order(self) -> str:
        """The join keyword that makes the engine join the tables in the order written (an `ON`
        follows it): SQLite's planner otherwise picks orders that were measured to be far slower."""

    @abstractmethod
    def minus_infinity(self) -> str:
        """A floating-point value below every real number (sorts missing amounts first)."""

    @abstractmethod
    def json_integer(self, column: str, key: str) -> str:
        """The whole number under `key` of the JSON object in the text `column`, as an SQL integer."""

    @abstractmethod
    def quoted(self, expression: str) -> str:
        """`expression` as an SQL literal, for messages ('1996-13' with its quotes)."""


class ChangeFeed(ABC):
    """Tells, from a thread of its own, when another program has committed to the fact base."""

    @abstractmethod
    def start(self, on_change: Callable[[int | None], None]) -> None:
        """Call `on_change(operation_id)` (from the feed's thread) after each commit of an operation,
        `on_change(None)` when something may have been missed (the connection was lost and made again)."""

    @abstractmethod
    def stop(self) -> None: ...


class StorageEngine(ABC):
    """One database engine kind. Stateless: one instance per engine, found from a location
    (`storage.engine_for`) or from a connection (`storage.engine_of`)."""

    dialect_name: str  # SQLAlchemy's name for the engine's dialect: "sqlite", "postgresql"
    search: SearchIndex
    sql: SqlExpressions

    # -- locations -------------------------------------------------------------------------------

    @abstractmethod
    def handles(self, location: Location) -> bool:
        """Whether this engine opens `location` (SQLite: a file path; PostgreSQL: a postgresql:// URL)."""

    @abstractmethod
    def open(self, location: Location, *, read_only: bool, read_only_reason: str | None = None,
             password: str | None = None) -> OpenedStorage:
        """Open (creating and migrating when writable and needed) the fact base at `location`,
        refusing with one sentence (a `UserError`) what is not a fact base this app can read;
        falls back to read-only, with the reason, where writing is impossible (a read-only
        file or folder, a schema newer than the app, a reviewer's role, a damaged file).
        `read_only_reason` says why the caller asked for read-only (another window edits it).
        `password` is one the user typed for a server that asked (`PasswordNeeded`); it is kept
        in memory only."""

    @abstractmethod
    def close(self, location: Location, opened: OpenedStorage) -> None: ...

    @abstractmethod
    def shown_name(self, location: Location) -> str:
        """How the fact base is named to the user (a file's name; a server's database and host,
        never a password)."""

    @abstractmethod
    def companion_files(self, location: Location) -> list[Path]:
        """Files the engine keeps beside a fact base file (journals), which go with it; none for
        a fact base on a server."""

    @abstractmethod
    def describe_failure(self, error: BaseException, location: Location | None) -> UserError | None:
        """One sentence for an error the engine or the file system raised while working on the fact
        base at `location` (damaged, full disk, busy, not writable, server unreachable); None when
        it is not one of those."""

    @abstractmethod
    def watched_files(self, location: Location) -> list[Path]:
        """Files whose change means another program committed (the UI watches them to refresh);
        an engine that notifies otherwise (`change_feed`) returns none."""

    @abstractmethod
    def change_feed(self, location: Location, opened: OpenedStorage) -> ChangeFeed | None:
        """A feed of other programs' commits (PostgreSQL: LISTEN/NOTIFY); None where the files
        to watch tell instead."""

    @abstractmethod
    def announce(self, conn: Connection, operation_id: int | None) -> None:
        """Inside a write transaction: tell every change feed, once it commits, that operation
        `operation_id` was committed (None: rows changed outside any operation, e.g. a restore)."""

    @abstractmethod
    def grant_access(self, location: Location, role: str, access: Literal["curator", "reviewer"], *,
                     password: str | None = None, new_role_password: str | None = None) -> str:
        """Let the database role `role` (created when missing, with `new_role_password` if given)
        read and write (curator) or only read (reviewer) the fact base at `location`; returns one
        sentence saying what was done. A `UserError` where the engine has no roles (a file's
        access is its file permissions)."""

    @abstractmethod
    def actor(self, opened: OpenedStorage) -> str | None:
        """Who the audit names for this connection (PostgreSQL: the database role); None: the
        login name of the user running the app."""

    # -- transactions ----------------------------------------------------------------------------

    @abstractmethod
    def read_transaction(self, engine: Engine) -> AbstractContextManager[Connection]:
        """A connection seeing one consistent state for the whole block."""

    @abstractmethod
    def write_transaction(self, engine: Engine) -> AbstractContextManager[Connection]:
        """A connection holding the right to write from its first statement (waiting for it up
        front, not halfway through the work); commits on success, rolls back on any error."""

    @abstractmethod
    def bulk_writing(self, conn: Connection) -> AbstractContextManager[None]:
        """Tune a write transaction for inserting millions of rows, then set it back."""

    @abstractmethod
    def indexes_deferred(self, conn: Connection, table_names: Sequence[str]) -> AbstractContextManager[None]:
        """Inside a write transaction, drop these tables' secondary indexes for the block and build
        them again after it: into empty tables, rows then go in without keeping each index in
        step, and each index is built once, sorted. Unique indexes stay, so a refused row is still
        refused as it is inserted. If the block fails, the transaction's rollback brings the
        indexes back (schema changes are transactional on both engines)."""

    def insert_rows(self, conn: Connection, table_name: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        """Insert whole rows (tuples in `columns` order, ids included) as fast as the engine takes
        them: copying a fact base between engines. By default an INSERT compiled for the driver, run
        with executemany."""
        from sqlalchemy import insert

        from kzeu_desk.core.models import SQLModel

        compiled = insert(SQLModel.metadata.tables[table_name]).compile(dialect=conn.dialect, column_keys=list(columns))
        place = {name: index for index, name in enumerate(columns)}
        if compiled.positiontup is not None:
            picks = [place[name] for name in compiled.positiontup]
            conn.exec_driver_sql(str(compiled), [tuple(row[i] for i in picks) for row in rows])
        else:
            names = [(bind, place[bind]) for bind in compiled.params]
            conn.exec_driver_sql(str(compiled), [{bind: row[i] for bind, i in names} for row in rows])

    @abstractmethod
    def write_unanswered(self, conn: Connection, statement: Executable) -> None:
        """Inside a write transaction: run a write whose answer nobody reads (no RETURNING, no row
        count). A server may send it with the transaction's next statement that waits for an
        answer (raising an error of the write's there)."""

    @abstractmethod
    def only_writes_until_commit(self, conn: Connection) -> None:
        """Inside a write transaction: everything it still runs before its commit is a write whose
        answer nobody reads (no RETURNING, no row count) and that nothing reads back before then.
        A server may then send those statements without waiting for each (raising an error of
        theirs at the commit, which fails)."""

    @abstractmethod
    def settle_after_copy(self, engine: Engine) -> None:
        """After a whole fact base was copied in (`transfer.copy_fact_base`, committed): bring
        the engine's own bookkeeping of the new rows up to date, so the first curator to open the
        copy gets the plans and scans a settled fact base gets."""

    @abstractmethod
    def defer_foreign_keys(self, conn: Connection) -> None:
        """Check foreign keys at commit rather than per statement, for the rest of the transaction."""

    @abstractmethod
    def add_meta_watch(self, conn: Connection, name: str, key: str, watched: Mapping[str, Sequence[str] | None]) -> None:
        """Have the database itself delete app_meta's row `key` whenever a row of a watched table is
        inserted or deleted, or updated in one of its listed columns (None: in any), by whatever
        writes it: this app, another tool, a curator's SQL. What the row vouches for then holds
        only while it is there. `name` names the engine's objects (triggers; a function)."""

    @abstractmethod
    def drop_meta_watch(self, conn: Connection, name: str, tables: Sequence[str]) -> None:
        """Remove what `add_meta_watch(conn, name, ...)` put on these tables."""

    @abstractmethod
    def meta_watch_in_place(self, conn: Connection, name: str, tables: Sequence[str]) -> bool:
        """Whether the watch `name` is on each of these tables and enabled: a table rebuilt by a
        later schema step, or a trigger dropped by hand, would leave writes unseen."""

    @abstractmethod
    def add_key_summary(self, conn: Connection, name: str, summary: str, rows: str, read: Sequence[str]) -> None:
        """Have the database itself keep table `summary` (keyed by subject_id and property_id)
        holding `rows` for every fact key, whatever writes the facts: this app, another tool, a
        curator's SQL. `rows` is a SELECT over `fact f` grouped by key, at most one row per key,
        with `{keys}` where the engine puts a condition on f's key; after a fact is inserted or
        deleted, or updated in one of the `read` columns, the keys it left and joined are counted
        again. The caller fills the table first. `name` names the engine's objects."""

    @abstractmethod
    def drop_key_summary(self, conn: Connection, name: str) -> None:
        """Remove what `add_key_summary(conn, name, ...)` put on the fact table (not the summary table)."""

    @abstractmethod
    def key_summary_in_place(self, conn: Connection, name: str) -> bool:
        """Whether what `add_key_summary(conn, name, ...)` put on the fact table is all there and
        enabled: a table rebuilt by a later schema step, or a trigger dropped by hand, would leave
        writes uncounted."""

    @abstractmethod
    def reserve_ids(self, conn: Connection, table_name: str, highest: int) -> None:
        """Make the table hand out new ids above `highest` from now on (never lowering its counter)."""

    @abstractmethod
    def highest_reserved_id(self, conn: Connection, table_name: str) -> int | None:
        """The highest id the table's counter has handed out (deleted rows' ids included); None
        when it keeps no counter yet."""

    @abstractmethod
    def problem(self, error: BaseException) -> StorageProblem:
        """What kind of failure a driver error (possibly wrapped by SQLAlchemy) reports."""

    # -- reading ---------------------------------------------------------------------------------

    @abstractmethod
    def fast_rows(self, conn: Connection, query: TextClause | str,
                  params: Mapping[str, object] | None = None) -> FastRows:
        """Rows as tuples from the driver's cursor inside `conn`'s transaction, for reads of
        hundreds of thousands of rows where building SQLAlchemy's Row for each one costs a quarter
        of the read or more. `query` binds `:name` parameters (no expanding ones)."""

    def read_together(self, conn: Connection,
                      reads: Sequence[tuple[ClauseElement, Mapping[str, object]]]) -> list[list[dict]]:
        """The rows of several independent reads inside `conn`'s transaction, each read's as dicts
        by column name, in the order given; each query is a `text()` clause or a Core select, with
        its parameters. By default they run one after another; a server may send them all before
        waiting for the first answer (one wait instead of one per read)."""
        return [[dict(row) for row in conn.execute(query, dict(params)).mappings()]  # type: ignore[call-overload]
                for query, params in reads]

    def every_nth_row(self, conn: Connection, columns: str, source: str, order_by: str,
                      params: Mapping[str, object], n: int) -> list[tuple]:
        """Rows n, 2n, 3n, ... of `SELECT {columns} {source} ORDER BY {order_by}` (`source` is its
        FROM and WHERE; `order_by` must make the order total), each as a tuple of `columns`.

        By default every row is streamed in order and every n-th kept (`fast_rows`): in SQLite,
        in-process, that measured about 2x faster than numbering the rows in a window query,
        which SQLite buffers whole."""
        query = text(f"SELECT {columns} {source} ORDER BY {order_by}")
        with self.fast_rows(conn, query, params) as rows:
            return [tuple(row) for row in itertools.islice(rows, n - 1, None, n)]

    # -- checks and copies -----------------------------------------------------------------------

    @abstractmethod
    def structural_problems(self, conn: Connection) -> list[tuple[str, str]]:
        """(check name, sentence) for damage the engine finds in its own structures and for
        broken foreign keys; empty when sound."""

    @abstractmethod
    def snapshot_into(self, location: Location, target: Path, progress: Progress | None = None) -> None:
        """Write a consistent, checked, standalone SQLite copy of the fact base at `location` to
        the file `target`, atomically (complete or absent), while others may be writing.
        Raises `StorageFailure` or OSError; `Stopped` when `progress` was asked to stop, leaving
        `target` as it was and nothing partial beside it."""

    @abstractmethod
    def copy_problems(self, copy: Path) -> list[str]:
        """What is wrong with a copy (a backup or snapshot: an SQLite file), empty when it is
        intact; raises `StorageFailure` when it is no SQLite file at all."""

    @abstractmethod
    def restorable_copy(self, backup: Path, folder: Path, progress: Progress | None = None) -> Path:
        """A checked copy in `folder` of the backup file at `backup`, at the current schema (an
        older one brought up to date), or a one-sentence `UserError` saying why it cannot be
        restored: not a fact base, another application's, a newer schema, damaged. `Stopped` when
        `progress` was asked to stop (the fact base is only read meanwhile)."""

    @abstractmethod
    def restore_target(self, location: Location) -> Literal["missing", "fact base", "damaged"]:
        """What a restore would replace at `location`; a `UserError` for what must not be replaced
        (a folder, a pipe, another application's database)."""

    @abstractmethod
    def set_aside(self, location: Location, target: Path) -> None:
        """Move a damaged fact base's bytes (and its companion files) to `target`, as they are."""

    @abstractmethod
    def text_damage(self, conn: Connection) -> list[str]:
        """Rows whose text the engine cannot decode (bytes changed inside a value), one sentence each."""

    @abstractmethod
    def tolerant_text(self, conn: Connection) -> AbstractContextManager[TextDamageCounter]:
        """Within the block, undecodable text reads with replacement characters and is counted
        instead of failing the query (for checking a damaged file)."""

    @abstractmethod
    def restore(self, location: Location, backup: Path, progress: Progress | None = None) -> None:
        """Replace the fact base's content with a checked copy's, so anyone else with it open sees
        either the old or the restored content. Raises `StorageFailure`; `Stopped` when `progress`
        was asked to stop before the new content was committed, the fact base then left exactly as
        it was (the replacement is one transaction, rolled back)."""
