"""Everything that only SQLite does, in one place, so a PostgreSQL back end replaces one module.

Covers connection set-up (WAL, synchronous=FULL, busy timeout, BEGIN IMMEDIATE for writers),
the FTS5 search index over facts, consistent snapshots (VACUUM INTO) and integrity checks.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.pool import NullPool, QueuePool

from kzeu_desk.core import sqlite_file

BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = sqlite_file.SQLITE_HEADER
wal_file, shm_file, journal_file = sqlite_file.wal_file, sqlite_file.shm_file, sqlite_file.journal_file


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

    A WAL file with no -wal beside it would make SQLite create -wal and -shm (or fail in a
    read-only folder, NOTES.md trap 9); a rollback-journal file, or a WAL file whose writer is
    active (its -wal and -shm exist), is read in place.
    """
    if not is_wal_mode(path):
        return True
    return wal_file(path).exists() and shm_file(path).exists()


def hand_back_in_rollback_mode(path: Path) -> None:
    """When the last writer leaves, switch the file to rollback-journal mode.

    At rest the fact base is then one file: reviewers open it read-only without creating
    -wal/-shm files, and copies of it are complete. If anyone else still has it open the switch
    is refused at once (busy timeout 0) and the file simply stays in WAL mode.
    """
    try:
        connection = sqlite3.connect(path, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        connection.execute("PRAGMA busy_timeout = 0")
        connection.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error:
        pass
    finally:
        connection.close()


def snapshot_for_reading(path: Path, folder: Path, *, main_file_only: bool = False) -> Path:
    """A consistent private copy of a fact base that cannot be read in place (NOTES.md trap 9).

    With no -wal beside it (or one that is not its own: `main_file_only`) the main file holds
    everything, so it is copied through an `immutable` connection, which never looks at companion
    files; otherwise the file and its -wal are copied together and SQLite recovers the copy. Either
    way the copy is checked before it is used. Callers have settled any hot journal first.
    """
    target = folder / f"snapshot-{path.stem}.sqlite"
    target.unlink(missing_ok=True)
    if main_file_only or not wal_file(path).exists():
        _vacuum_into(sqlite_file.uri(path, immutable="1"), target)
    else:
        staging = folder / f"staging-{path.stem}.sqlite"
        shutil.copyfile(path, staging)
        shutil.copyfile(wal_file(path), wal_file(staging))
        _vacuum_into(str(staging), target)
        for leftover in (staging, wal_file(staging), shm_file(staging)):
            leftover.unlink(missing_ok=True)
    _settle_and_check(target)
    return target


_PRIVATE_PREFIX = "kzeu-desk-"


def private_folder(kind: str) -> Path:
    """A new folder in the system's temporary folder for copies this process reads or stages.

    Its name carries the process id, so folders left by a process that was killed are removed here,
    by the next kzeu_desk that makes one (a private copy of a large fact base is as large as it).
    """
    remove_stale_private_folders()
    return Path(tempfile.mkdtemp(prefix=f"{_PRIVATE_PREFIX}{kind}-{os.getpid()}-"))


def remove_stale_private_folders() -> None:
    root = Path(tempfile.gettempdir())
    try:
        candidates = [p for p in root.glob(f"{_PRIVATE_PREFIX}*-*-*") if p.is_dir() and not p.is_symlink()]
    except OSError:
        return
    for folder in candidates:
        owner = folder.name.removeprefix(_PRIVATE_PREFIX).split("-")
        if len(owner) >= 3 and owner[1].isdigit() and _owned_by_me(folder) and not process_alive(int(owner[1])):
            shutil.rmtree(folder, ignore_errors=True)


def _owned_by_me(path: Path) -> bool:
    try:
        return path.lstat().st_uid == os.geteuid()
    except (OSError, AttributeError):
        return False


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists (a recycled id only delays a clean-up)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _vacuum_into(database: str, target: Path) -> None:
    """One consistent copy of `database` (a path or a file: URI) written to `target`."""
    connection = sqlite3.connect(database, uri=database.startswith("file:"))
    try:
        connection.execute("VACUUM INTO ?", (str(target),))
    finally:
        connection.close()


def _settle_and_check(copy: Path) -> None:
    """Put a fresh copy in rollback-journal mode (so it opens anywhere) and check it."""
    check = sqlite3.connect(copy)
    try:
        check.execute("PRAGMA journal_mode = DELETE")
        problems = [row[0] for row in check.execute("PRAGMA quick_check")]
    finally:
        check.close()
    if problems != ["ok"]:
        raise sqlite3.DatabaseError(f"the copy failed its integrity check: {problems[:3]}")


def make_engine(path: Path, *, read_only: bool) -> Engine:
    """An engine whose connections follow the fact base's storage rules.

    Connections are made from a quoted `file:` URI by SQLite itself, never from a URL that
    SQLAlchemy parses: a name with `?` or `#` must open that very file, not another one.
    """
    # mode=ro refuses every write at the SQLite level, whatever the app does above it.
    location = sqlite_file.uri(path, mode="ro" if read_only else "rwc")

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(location, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=NullPool if read_only else QueuePool)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record):
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
    def _begin(conn: Connection):
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
def read_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection seeing one consistent state for the whole block."""
    with engine.connect() as conn:
        with conn.begin():
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


# --- full-text search over facts -------------------------------------------------------------

SEARCH_TABLE = "fact_search"


def create_search_index(conn: Connection) -> None:
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH_TABLE} USING fts5("
        "subject, property, value, quotes, tokenize = 'unicode61 remove_diacritics 2')"
    )


def drop_search_index(conn: Connection) -> None:
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {SEARCH_TABLE}")


def replace_search_documents(conn: Connection, documents: Iterable[dict]) -> None:
    """Index facts; each document has fact_id, subject, property, value, quotes."""
    rows = list(documents)
    if not rows:
        return
    conn.execute(
        text(f"DELETE FROM {SEARCH_TABLE} WHERE rowid = :fact_id"), [{"fact_id": r["fact_id"]} for r in rows]
    )
    conn.execute(
        text(
            f"INSERT INTO {SEARCH_TABLE} (rowid, subject, property, value, quotes) "
            "VALUES (:fact_id, :subject, :property, :value, :quotes)"
        ),
        rows,
    )


def delete_search_documents(conn: Connection, fact_ids: Iterable[int]) -> None:
    ids = [{"fact_id": i} for i in fact_ids]
    if ids:
        conn.execute(text(f"DELETE FROM {SEARCH_TABLE} WHERE rowid = :fact_id"), ids)


_WORD = re.compile(r"\w+", re.UNICODE)


def search_expression(user_text: str) -> str | None:
    """An FTS5 MATCH expression for what a user typed: every word must match as a prefix.

    The user's text is never FTS syntax: words are extracted and each one quoted, so
    characters such as quotes, '*', '-', ':' or 'NEAR' are searched as plain text.
    """
    words = _WORD.findall(user_text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def search_match_clause(column: str = "fact.id") -> str:
    """SQL fragment restricting `column` to facts matching the bound parameter :search."""
    return f"{column} IN (SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :search)"


# --- dates in SQL -------------------------------------------------------------------------------


def is_iso_date(column: str) -> str:
    """SQL that is true only where `column` holds an ISO date truncated to year, month or day
    ("1996", "1996-02", "1996-02-29" of a leap year) that `compatibility.date_interval` accepts.

    False or NULL for NULL and for anything else, including the odd spelling Python would accept
    (non-ASCII digits): use it where false only means "look closer in Python".
    """
    return (f"(CASE length({column})"
            f" WHEN 4 THEN {column} GLOB '[0-9][0-9][0-9][0-9]'"
            f" WHEN 7 THEN {column} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr({column}, 6, 2) BETWEEN '01' AND '12'"
            # A modifier makes date() normalise (1996-02-30 becomes 1996-03-01): only a real day comes back as it was.
            f" WHEN 10 THEN date({column}, '+0 days') IS {column}"
            f" ELSE 0 END AND substr({column}, 1, 4) <> '0000')")


# --- snapshots and integrity ------------------------------------------------------------------


def snapshot_into(source: Path, target: Path) -> None:
    """Write a consistent copy of a live fact base to `target`, atomically.

    VACUUM INTO sees one committed state even while others write, but it does not fsync and
    refuses an existing target, so it writes a temporary file that is synced, checked and renamed.
    The copy uses journal_mode=DELETE and therefore opens anywhere, even read-only.
    """
    target = target.resolve()
    remove_stale_partials(target.parent)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    temporary.unlink(missing_ok=True)
    try:
        _vacuum_into(_snapshot_source(source), temporary)
        _settle_and_check(temporary)
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
        stray = sqlite_file.inspect_file(source).stray_wal
    except sqlite_file.NotAFactBase:
        stray = False  # SQLite itself will say what is wrong with it
    return sqlite_file.uri(source, immutable="1") if stray else sqlite_file.uri(source, mode="ro")


_PARTIAL = re.compile(r"^\..+\.(?P<pid>\d+)\.partial(-journal)?$")


def remove_stale_partials(folder: Path) -> None:
    """Remove `.NAME.PID.partial` files (snapshots being written) whose process has died."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        match = _PARTIAL.match(entry.name)
        if match and not process_alive(int(match["pid"])) and _owned_by_me(entry):
            try:
                entry.unlink()
            except OSError:
                pass


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
    driver = conn.connection.driver_connection
    previous = driver.text_factory
    counter = _UndecodableText()
    driver.text_factory = counter.decode
    try:
        yield counter
    finally:
        driver.text_factory = previous


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
