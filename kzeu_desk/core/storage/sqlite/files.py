"""What a fact-base file on disk is, found out before SQLite is let near it, and making it safe to open.

SQLite trusts the files it is given: it blocks forever on a named pipe, treats a 0-byte file as an
empty database it may fill, reads a hot rollback journal's uncommitted pages when it cannot roll them
back (through `immutable=1`, or a read-only copy that ignores the journal), and applies whatever
`-wal` file lies beside the database, even one from another application and even on a read-only
connection (measured with SQLite 3.40: a foreign `-wal` beside a rollback-mode fact base made it
read as the other application's schema, and a writable connection then checkpointed that into the
fact base and deleted the `-wal`). So `inspect_file` looks at the file and its companions with plain
file-system calls first, and `database.open_storage` decides from what it found.

The SQLite file format facts used here: the 100-byte header starts "SQLite format 3\\0", bytes
16-17 are the page size (1 means 65536), bytes 18-19 are 2 in WAL mode and 1 otherwise. A rollback
journal starts with the 8-byte magic d9d505f920a163d7; a WAL file with 0x377f0682 or 0x377f0683,
followed by the format version, the page size, and a checksum of its first 24 bytes at 24-31.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import struct
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from kzeu_desk.core.errors import NotAFactBase, UserError

SQLITE_HEADER = b"SQLite format 3\x00"
_JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
_WAL_MAGICS = (0x377F0682, 0x377F0683)
_WAL_FORMAT_VERSION = 3007000


class UnfinishedChange(UserError):
    """A hot journal that this user cannot roll back: reading would show uncommitted data."""


def uri(path: Path, **parameters: str) -> str:
    """A `file:` URI for `path`, quoted: a name with `?`, `#` or `%` must never open another file."""
    query = "&".join(f"{key}={value}" for key, value in parameters.items())
    location = quote(str(Path(path).resolve()))
    return f"file:{location}?{query}" if query else f"file:{location}"


def wal_file(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def shm_file(path: Path) -> Path:
    return path.with_name(path.name + "-shm")


def journal_file(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


@dataclass(frozen=True)
class FileState:
    """What lies on disk at a fact base's path, read without SQLite."""

    path: Path
    exists: bool
    wal_mode: bool = False
    page_size: int = 0
    journal: bool = False  # a rollback journal with content: maybe hot (a writer stopped mid-change)
    stray_wal: bool = False  # a -wal that cannot be this file's own

    @property
    def stray_wal_reason(self) -> str:
        """A clause: "“facts.sqlite-wal” beside “facts.sqlite” is not its own (...)"."""
        return (f"“{wal_file(self.path).name}” beside “{self.path.name}” is not its own (a leftover of another "
                "program or file, which SQLite would apply to it)")


def inspect_file(path: Path) -> FileState:
    """Refuse, in one sentence, anything SQLite must not be given; describe the rest.

    Never opens anything but a regular file, so a named pipe or a device cannot block or be read.
    """
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        return FileState(path, exists=False)
    except NotADirectoryError:
        raise NotAFactBase(f"“{path}” cannot be a fact base: a part of its path is a file, not a folder.") from None
    except OSError as error:
        raise NotAFactBase(f"“{path.name}” cannot be read ({error.strerror}).") from None
    if not stat.S_ISREG(info.st_mode):
        raise NotAFactBase(f"“{path}” is {_what_it_is(info.st_mode)}, not a fact base file.")
    if info.st_size == 0:
        raise NotAFactBase(f"“{path.name}” is empty (0 bytes), so it is not a fact base; "
                           "kzeu_desk leaves it as it is.")
    header = _read_start(path, 100)
    if not header.startswith(SQLITE_HEADER):
        raise NotAFactBase(f"“{path.name}” is not a kzeu_desk fact base (it is not an SQLite file).")
    if len(header) < 100:
        raise NotAFactBase(f"“{path.name}” is damaged: it is cut short ({info.st_size} bytes).")
    page_size = _page_size(header)
    wal_mode = header[18] == 2 and header[19] == 2
    return FileState(path, exists=True, wal_mode=wal_mode, page_size=page_size,
                     journal=_has_journal(journal_file(path)),
                     stray_wal=_is_stray_wal(wal_file(path), wal_mode=wal_mode, page_size=page_size))


def _what_it_is(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _read_start(path: Path, size: int) -> bytes:
    try:
        # O_NONBLOCK: should the path turn into a pipe between stat() and open(), never wait on it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise NotAFactBase(f"“{path.name}” cannot be read ({error.strerror}).") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotAFactBase(f"“{path}” is not a regular file, so it is not a fact base file.")
        return os.read(fd, size)
    except OSError as error:
        raise NotAFactBase(f"“{path.name}” cannot be read ({error.strerror}).") from None
    finally:
        os.close(fd)


def _page_size(header: bytes) -> int:
    value = struct.unpack(">H", header[16:18])[0]
    return 65536 if value == 1 else value


def _regular_with_content(path: Path) -> bool:
    try:
        info = path.stat()
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size > 0


def _has_journal(journal: Path) -> bool:
    """A journal SQLite would call hot if no live writer holds the file: it exists and does not start
    with a zero byte (SQLite's own test). Whether a live writer holds it, only SQLite can tell."""
    if not _regular_with_content(journal):
        return False
    try:
        return _read_raw(journal, 1) not in (b"", b"\x00")
    except OSError:
        return True  # unreadable: assume hot, as SQLite does


def _read_raw(path: Path, size: int) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        return os.read(fd, size)
    finally:
        os.close(fd)


def _is_stray_wal(wal: Path, *, wal_mode: bool, page_size: int) -> bool:
    """A -wal that cannot hold this file's commits.

    Beside a rollback-mode file a -wal is never its own: SQLite marks the header as WAL mode before it
    creates the -wal, and deletes the -wal before marking the header back. Beside a WAL-mode file it
    is its own if its header is a valid WAL header for the same page size; a garbage file is not.
    (A valid WAL of another database with the same page size cannot be told apart by its bytes.)
    """
    if not wal.exists() and not wal.is_symlink():
        return False
    try:
        info = wal.stat()
    except OSError:
        return True  # a dangling link or an unreadable file: nothing SQLite should be given
    if not stat.S_ISREG(info.st_mode):
        return True
    if info.st_size == 0:
        return False  # what SQLite leaves after a checkpoint: nothing in it to apply
    if not wal_mode:
        return True
    try:
        header = _read_raw(wal, 32)
    except OSError:
        return True
    return not _valid_wal_header(header, page_size)


def _valid_wal_header(header: bytes, page_size: int) -> bool:
    if len(header) < 32:
        return False
    magic, version, wal_page_size = struct.unpack(">III", header[:12])
    if magic not in _WAL_MAGICS or version != _WAL_FORMAT_VERSION:
        return False
    if (65536 if wal_page_size == 1 else wal_page_size) != page_size:
        return False
    return _wal_checksum(header[:24], big_endian=magic & 1 == 1) == struct.unpack(">II", header[24:32])


def _wal_checksum(data: bytes, *, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum over 8-byte chunks (walChecksumBytes)."""
    s1 = s2 = 0
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & 0xFFFFFFFF
        s2 = (s2 + words[i + 1] + s1) & 0xFFFFFFFF
    return s1, s2


# --- hot journals ------------------------------------------------------------------------------


def settle_journal(state: FileState, *, can_write: bool, timeout_seconds: float) -> None:
    """Make sure nobody reads the file while it holds a stopped writer's uncommitted pages.

    Where this user can write, a plain read-write connection lets SQLite decide whether the
    journal is hot and roll it back, as any SQLite program does on open (a live writer's journal is
    left alone). Where it cannot, SQLite is asked read-only; if it reports the journal hot, the file
    cannot be read truthfully here, and that is said instead of showing uncommitted data.
    """
    if not state.journal:
        return
    if can_write:
        connection = sqlite3.connect(uri(state.path, mode="rw"), uri=True, timeout=timeout_seconds,
                                     isolation_level=None)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as error:
            raise _journal_error(state.path, error) from None
        finally:
            connection.close()
        return
    connection = sqlite3.connect(uri(state.path, mode="ro"), uri=True, timeout=timeout_seconds)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
            raise UnfinishedChange(
                f"“{state.path.name}” holds a change that a stopped program never finished "
                f"(“{journal_file(state.path).name}”), and you cannot write to its folder to undo it; "
                "open it once where it can be written (or ask its owner to), then read it again."
            ) from None
        raise _journal_error(state.path, error) from None
    finally:
        connection.close()


def _journal_error(path: Path, error: sqlite3.DatabaseError) -> UserError:
    message = str(error)
    if "locked" in message or "busy" in message:
        from kzeu_desk.core.errors import FactBaseLocked

        return FactBaseLocked(f"“{path.name}” is busy in another program; try again in a moment.")
    return NotAFactBase(f"“{path.name}” is damaged, so it was not opened ({message}).")
