"""SQLite files: connection set-up (WAL, synchronous=FULL, busy timeout, BEGIN IMMEDIATE for
writers), the file's journal and its -wal/-shm companions, consistent snapshots (VACUUM INTO),
restoring a copy, and SQLite's own integrity checks.

Errors of the sqlite3 module become `StorageFailure` here, so nothing above the storage layer
names them.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import NullPool, QueuePool

from kzeu_desk.core.leftovers import owned_by_me, process_alive
from kzeu_desk.core.storage.sqlite import files

from kzeu_desk.core.errors import NotAFactBase, UserError
from kzeu_desk.core.progress import Progress
from kzeu_desk.core.storage.interface import StorageFailure

BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = files.SQLITE_HEADER
wal_file, shm_file, journal_file = files.wal_file, files.shm_file, files.journal_file


def looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def is_wal_mode(path: Path) -> bool:
    """Bytes 18-19 of the header are 2 when the file is in WAL mode."""
    with path.open("rb") as handle:
        header = handle.read(20)
    return len(header) == 20 and header[18] == 2


def readable_in_place(path: Path) -> bool:
    """Whether a read-only connection can read this file without creating files beside it.

    A WAL file with no -wal beside it would make SQLite create -wal and -shm, and in a read-only
    folder `mode=ro` then fails with "attempt to write a readonly database" (while `immutable=1`
    would ignore the WAL and show stale data); a rollback-journal file, or a WAL file whose writer is
    active (its -wal and -shm exist), is read in place.
    """
    if not is_wal_mode(path):
        return True
    return wal_file(path).exists() and shm_file(path).exists()


def hand_back_in_rollback_mode(path: Path) -> bool:
    """When the last writer leaves, switch the file to rollback-journal mode; True when it now is.

    At rest the fact base is then one file: reviewers open it read-only without creating
    -wal/-shm files, and copies of it are complete. If anyone else still has it open the switch
    is refused at once (busy timeout 0) and the file simply stays in WAL mode.
    """
    try:
        connection = sqlite3.connect(path, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        connection.execute("PRAGMA busy_timeout = 0")
        mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()
        return mode is not None and str(mode[0]).lower() == "delete"
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def snapshot_for_reading(path: Path, folder: Path, *, main_file_only: bool = False) -> Path:
    """A consistent private copy of a fact base that cannot be read in place (`readable_in_place`).

    With no -wal beside it (or one that is not its own: `main_file_only`) the main file holds
    everything, so it is copied through an `immutable` connection, which never looks at companion
    files; otherwise the file and its -wal are copied together and SQLite recovers the copy. Either
    way the copy is checked before it is used. Callers have settled any hot journal first.
    """
    target = folder / f"snapshot-{path.stem}.sqlite"
    target.unlink(missing_ok=True)
    if main_file_only or not wal_file(path).exists():
        _vacuum_into(files.uri(path, immutable="1"), target)
    else:
        staging = folder / f"staging-{path.stem}.sqlite"
        shutil.copyfile(path, staging)
        shutil.copyfile(wal_file(path), wal_file(staging))
        _vacuum_into(str(staging), target)
        for leftover in (staging, wal_file(staging), shm_file(staging)):
            leftover.unlink(missing_ok=True)
    _settle_and_check(target)
    return target


def _vacuum_into(database: str, target: Path, progress: Progress | None = None) -> None:
    """One consistent copy of `database` (a path or a file: URI) written to `target`."""
    try:
        connection = sqlite3.connect(database, uri=database.startswith("file:"))
        try:
            with stoppable(connection, progress, "Copying the fact base", target):
                connection.execute("VACUUM INTO ?", (str(target),))
        finally:
            connection.close()
    except sqlite3.Error as error:
        stopped_or(progress)
        raise StorageFailure(str(error)) from None


def _settle_and_check(copy: Path, progress: Progress | None = None) -> None:
    """Put a fresh copy in rollback-journal mode (so it opens anywhere) and check it."""
    try:
        check = sqlite3.connect(copy)
        try:
            check.execute("PRAGMA journal_mode = DELETE")
            with stoppable(check, progress, "Checking the copy"):
                problems = [row[0] for row in check.execute("PRAGMA quick_check")]
        finally:
            check.close()
    except sqlite3.Error as error:
        stopped_or(progress)
        raise StorageFailure(str(error)) from None
    if problems != ["ok"]:
        raise StorageFailure(f"the copy failed its integrity check: {problems[:3]}")


# SQLite calls the progress handler every this many virtual-machine instructions. Each call takes
# the interpreter lock, so it must be rare: at 1M instructions it comes a few hundred times a
# second while VACUUM INTO copies a 1 GB fact base (29-59 s at 1M facts), which stops it within
# milliseconds of a request and costs the copy nothing measurable (see `stoppable`).
_STEPS_PER_CHECK = 1_000_000
_REPORT_EVERY_S = 0.2


@contextmanager
def stoppable(connection: sqlite3.Connection, progress: Progress | None, stage: str,
               growing: Path | None = None) -> Iterator[None]:
    """While the block runs one long statement on `connection`, a stop asked of `progress` interrupts
    it (SQLite rolls the statement back; the caller removes what it wrote), and progress is reported:
    the bytes of `growing` written so far against the database's size, when given."""
    if progress is None:
        yield
        return
    total = 0
    if growing is not None:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        total = page_size * connection.execute("PRAGMA page_count").fetchone()[0]
    progress.report(0, total, stage)
    reported_at = time.monotonic()

    def handler() -> int:
        nonlocal reported_at
        if progress.stop_requested:
            return 1  # SQLite stops the statement with SQLITE_INTERRUPT
        now = time.monotonic()
        if growing is not None and now - reported_at >= _REPORT_EVERY_S:
            reported_at = now
            with suppress(OSError):
                progress.report(min(growing.stat().st_size, total), total)
        return 0

    connection.set_progress_handler(handler, _STEPS_PER_CHECK)
    try:
        yield
    finally:
        connection.set_progress_handler(None, 0)


def stopped_or(progress: Progress | None) -> None:
    """A statement that failed because the curator asked to stop raises `Stopped` instead."""
    if progress is not None:
        progress.check()


def make_engine(path: Path, *, read_only: bool) -> Engine:
    """An engine whose connections follow the fact base's storage rules.

    Connections are made from a quoted `file:` URI by SQLite itself, never from a URL that
    SQLAlchemy parses: a name with `?` or `#` must open that very file, not another one.
    """
    # mode=ro refuses every write at the SQLite level, whatever the app does above it.
    location = files.uri(path, mode="ro" if read_only else "rwc")

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(location, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=NullPool if read_only else QueuePool)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: object) -> None:
        # pysqlite's own transaction handling breaks SAVEPOINT and transactional DDL;
        # SQLAlchemy's documented recipe: autocommit at the driver, BEGIN emitted below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Writers take the write lock up front, so waiting happens before any work is done.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection inside BEGIN IMMEDIATE; commits on success, rolls back on any error."""
    with engine.connect() as conn:
        conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            yield conn


@contextmanager
def migration_transaction(engine: Engine) -> Iterator[Connection]:
    """A write transaction for schema migrations, with foreign keys enforced at its end, not per row.

    A migration that changes a table SQLite cannot ALTER in place (a CHECK constraint, say) copies
    it into a new table, drops the old one and renames the copy. Dropping a parent table (fact,
    property) with foreign keys on deletes its rows first and fails on every child row pointing at
    them, and `PRAGMA foreign_keys` cannot change inside a transaction: SQLite's own procedure for
    such changes (lang_altertable.html, "other kinds of table schema changes") turns them off
    before BEGIN and runs `PRAGMA foreign_key_check` before COMMIT. Any dangling reference the
    migration left rolls the whole migration back.
    """
    with engine.connect() as conn:
        # On the driver's connection: through SQLAlchemy the PRAGMA would open a transaction first,
        # inside which SQLite ignores it.
        driver: Any = conn.connection.dbapi_connection
        driver.execute("PRAGMA foreign_keys = OFF")
        try:
            conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                yield conn
                dangling = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if dangling:
                    table_name, rowid, parent, _ = dangling[0]
                    raise UserError(
                        f"The fact base could not be brought up to date because {len(dangling)} of its rows "
                        f"point at rows that do not exist (the first: {table_name} {rowid} -> {parent}); "
                        "nothing was changed.")
        finally:
            driver.execute("PRAGMA foreign_keys = ON")


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection seeing one consistent state for the whole block."""
    with engine.connect() as conn, conn.begin():
        yield conn


@contextmanager
def larger_page_cache(conn: Connection, kibibytes: int) -> Iterator[None]:
    """Give this connection a page cache of `kibibytes` for a bulk write, then its own size back.

    SQLite's default cache is 2 MB: once a bulk insert's index B-trees outgrow it, every insert
    waits on pages read back from disk (docs/PERFORMANCE.md section 4). Pages are only allocated
    as they are used, so the size is a ceiling, not an allocation.
    """
    previous = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql(f"PRAGMA cache_size = {-int(kibibytes)}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(previous)}")


@contextmanager
def indexes_deferred(conn: Connection, table_names: Sequence[str]) -> Iterator[None]:
    """Drop the tables' secondary indexes (not unique ones, not the automatic ones of keys) for
    the block, then run their own CREATE INDEX statements again. At 100k facts the fact and
    evidence rows took 3.1 s CPU with their 11 indexes kept in step, 1.75 s without them plus
    0.55 s to build them afterwards (docs/PERFORMANCE.md section 15)."""
    names = ", ".join("?" * len(table_names))
    indexes = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({names})"
        " AND upper(sql) NOT LIKE 'CREATE UNIQUE %' ORDER BY name", tuple(table_names)).all()
    for name, _sql in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        conn.exec_driver_sql(sql)


# --- snapshots and integrity ------------------------------------------------------------------


def snapshot_into(source: Path, target: Path, progress: Progress | None = None) -> None:
    """Write a consistent copy of a live fact base to `target`, atomically.

    VACUUM INTO sees one committed state even while others write, but it does not fsync and
    refuses an existing target, so it writes a temporary file that is synced, checked and renamed.
    The copy uses journal_mode=DELETE and therefore opens anywhere, even read-only.

    A stop asked of `progress` before the rename raises `Stopped`: the temporary file is removed
    and `target` (absent, or an earlier file of that name) is left as it was; the source is only
    ever read.
    """
    target = target.resolve()
    remove_stale_partials(target.parent)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    temporary.unlink(missing_ok=True)
    try:
        _vacuum_into(_snapshot_source(source), temporary, progress)
        _settle_and_check(temporary, progress)
        if progress is not None:
            progress.check()  # the last point where stopping leaves nothing behind
            progress.stage("Saving the copy")
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
        _fsync_directory(target.parent)
    except BaseException:
        for leftover in (temporary, journal_file(temporary)):
            leftover.unlink(missing_ok=True)
        raise


def _snapshot_source(source: Path) -> str:
    """Read the source through SQLite's read-only mode, or, when a -wal that is not its own lies
    beside it (which SQLite would apply to any connection), through `immutable`, which reads the
    main file alone."""
    try:
        stray = files.inspect_file(source).stray_wal
    except NotAFactBase:
        stray = False  # SQLite itself will say what is wrong with it
    return files.uri(source, immutable="1") if stray else files.uri(source, mode="ro")


_PARTIAL = re.compile(r"^\..+\.(?P<pid>\d+)\.partial(-journal)?$")


def remove_stale_partials(folder: Path) -> None:
    """Remove `.NAME.PID.partial` files (snapshots being written) whose process has died."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        match = _PARTIAL.match(entry.name)
        if match and not process_alive(int(match["pid"])) and owned_by_me(entry):
            with suppress(OSError):
                entry.unlink()


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_problems(copy: Path) -> list[str]:
    """What SQLite's quick_check finds wrong in a copy (empty when sound); StorageFailure when it
    is not an SQLite database at all."""
    try:
        check = sqlite3.connect(files.uri(copy, mode="ro"), uri=True)
        try:
            problems = [row[0] for row in check.execute("PRAGMA quick_check")]
        finally:
            check.close()
    except sqlite3.DatabaseError as error:
        raise StorageFailure(str(error)) from None
    return [] if problems == ["ok"] else problems


# Pages the online backup copies per step when it can be stopped: 4 MB of 4 KB pages, a few hundred
# steps for a 1 GB fact base, each a call back into Python (the interpreter lock is free during the
# step itself), so a stop takes effect within one step's milliseconds.
RESTORE_PAGES_PER_STEP = 1024
RESTORING_STAGE = "Putting the backup's content in place"


def restore_from_copy(path: Path, copy: Path, progress: Progress | None = None) -> None:
    """Replace the content of the fact base at `path` with the (checked) copy's.

    SQLite's online backup copies page by page inside one write transaction on the target, so anyone
    else with the file open sees either the old or the restored content, never a mixture. A stop
    asked of `progress` between two steps raises `Stopped` from the step's callback; Python's
    `backup` then calls `sqlite3_backup_finish` before the last step, which rolls the target's write
    transaction back: the fact base is left exactly as it was (pages already copied were never
    committed; in WAL mode, frames without a commit frame are never read).
    """
    def step_done(status: int, remaining: int, pages: int) -> None:
        assert progress is not None
        if status == sqlite3.SQLITE_DONE:
            # Python calls back after the last step too, when that step has committed: too late to stop.
            progress.report(pages, pages)
        else:
            progress.update(pages - remaining, pages)  # raises Stopped when asked: the backup is abandoned

    try:
        source = sqlite3.connect(files.uri(copy, mode="ro"), uri=True)
        target = sqlite3.connect(files.uri(path, mode="rwc"), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            if progress is None:
                source.backup(target)
            else:
                progress.update(0, 0, RESTORING_STAGE)
                source.backup(target, pages=RESTORE_PAGES_PER_STEP, progress=step_done)
        finally:
            source.close()
            target.close()
    except sqlite3.Error as error:
        raise StorageFailure(str(error)) from None


def quick_check(conn: Connection) -> list[str]:
    """Problems SQLite finds in the file's structure; empty when sound."""
    rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check")]
    return [] if rows == ["ok"] else rows


class _UndecodableText:
    def __init__(self) -> None:
        self.count = 0

    def decode(self, raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.count += 1
            return raw.decode("utf-8", "replace")


@contextmanager
def tolerant_text(conn: Connection) -> Iterator[_UndecodableText]:
    """Within the block, text that is not valid UTF-8 reads with replacement characters (and is
    counted) instead of failing the query: for checking a file whose bytes may have been changed."""
    driver: Any = conn.connection.driver_connection
    previous = driver.text_factory
    counter = _UndecodableText()
    driver.text_factory = counter.decode
    try:
        yield counter
    finally:
        driver.text_factory = previous


_MOST_TEXT_PROBLEMS_LISTED = 20


def undecodable_text(conn: Connection) -> list[str]:
    """Rows whose text is not valid UTF-8: bytes changed inside a value, which quick_check cannot see
    (it checks the structure, not what a text holds). Every column of the app's tables is read with
    texts as bytes (the schema has no BLOB columns, so any bytes read were stored as text)."""
    from kzeu_desk.core.models import SQLModel

    found: list[str] = []
    present = user_tables(conn)
    driver: Any = conn.connection.driver_connection
    previous = driver.text_factory
    driver.text_factory = bytes
    try:
        for model in SQLModel.metadata.sorted_tables:
            columns = [c.name for c in model.columns if c.name != "id"]
            if model.name not in present or not columns or "id" not in model.columns:
                continue
            listed = ", ".join(f'"{name}"' for name in columns)
            for row in driver.execute(f'SELECT id, {listed} FROM "{model.name}"'):
                for name, value in zip(columns, row[1:], strict=True):
                    if isinstance(value, bytes) and not _is_utf8(value):
                        found.append(f"{model.name} {row[0]}: its {name} is not valid UTF-8 (bytes in the file were "
                                     "changed)")
                        if len(found) >= _MOST_TEXT_PROBLEMS_LISTED:
                            return found
    finally:
        driver.text_factory = previous
    return found


def _is_utf8(value: bytes) -> bool:
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def foreign_key_problems(conn: Connection) -> list[str]:
    return [
        f"{table} row {rowid} points at a missing {parent} row"
        for table, rowid, parent, _ in conn.exec_driver_sql("PRAGMA foreign_key_check")
    ]


def user_tables(conn: Connection) -> set[str]:
    return {
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
