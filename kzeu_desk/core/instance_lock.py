"""One writable kzeu_desk window per fact base: a lock held beside the file while it is open.

The operating system releases the lock when the process dies, so a crash never leaves a stale lock;
the file itself is only a note of who holds it. SQLite still serialises writers on its own, so this
guard is about not surprising a curator, not about data safety; it must therefore never cost data
and never stop a fact base from opening:

* the lock file is opened with O_NOFOLLOW, so a symbolic link planted under its name (pointing at
  the fact base, say) is never followed;
* it is only written when it is a regular file with one link that is empty or holds a note of ours:
  a hard link to another file, or anything else found under the name, is never truncated or
  written, and never deleted;
* where it cannot be made (a read-only folder, a full disk, a name taken by a folder) the fact base
  simply opens without the guard; the folder's own state then decides whether it opens read-only.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
import contextlib

try:
    import fcntl
except ImportError:  # Windows: no advisory locks here; the guard simply never reports a holder
    fcntl = None  # type: ignore[assignment]

_NOTE_LIMIT = 4096  # a holder's note is ~60 bytes; anything larger is not ours
_NOTE_KEYS = {"user", "host", "since"}


@dataclass(frozen=True)
class Holder:
    user: str
    host: str
    since: str

    def describe(self) -> str:
        return f"{self.user} on {self.host} since {self.since}"


def lock_path(fact_base: Path) -> Path:
    return fact_base.with_name(f".{fact_base.name}.lock")


class InstanceLock:
    def __init__(self, fact_base: Path):
        self._path = lock_path(fact_base)
        self._fd: int | None = None
        self._wrote_note = False

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> Holder | None:
        """Take the lock; returns None on success (or when no lock can be kept here), or who holds it."""
        if fcntl is None:
            return None
        fd, created = _open_lock_file(self._path)
        if fd is None:
            return None
        if not created and not _is_our_note_file(fd):
            os.close(fd)  # a hard link to another file, or a stranger's file: never locked, written or deleted
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = _read_holder(fd)
            os.close(fd)
            return holder
        self._fd = fd
        self._wrote_note = _write_note(fd)
        return None

    def release(self) -> None:
        if self._fd is None:
            return
        if self._wrote_note and _same_file(self._path, self._fd):
            with contextlib.suppress(OSError):
                self._path.unlink()
        os.close(self._fd)
        self._fd = None
        self._wrote_note = False


def _open_lock_file(path: Path) -> tuple[int | None, bool]:
    """(descriptor, whether this call created the file); (None, False) where no lock can be kept."""
    flags = os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(path, flags | os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644), True
    except FileExistsError:
        pass
    except OSError:
        return None, False  # a read-only or full folder, or no permission: open without the guard
    for mode in (os.O_RDWR, os.O_RDONLY):  # someone else's lock file may be read-only for us
        try:
            fd = os.open(path, flags | mode)
        except OSError:  # ELOOP for a symbolic link, EACCES, a vanished file...
            continue
        if stat.S_ISREG(os.fstat(fd).st_mode):
            return fd, False
        os.close(fd)  # a pipe, a device or a folder under the lock's name: leave it alone
        return None, False
    return None, False


def _is_our_note_file(fd: int) -> bool:
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1 or info.st_size > _NOTE_LIMIT:
        return False
    if info.st_size == 0:
        return True
    try:
        data = json.loads(os.pread(fd, _NOTE_LIMIT, 0).decode("utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and set(data) == _NOTE_KEYS


def _write_note(fd: int) -> bool:
    note = json.dumps({"user": _user(), "host": socket.gethostname(),
                       "since": datetime.now().strftime("%d %b %H:%M")}).encode("utf-8")
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, note, 0)
    except OSError:
        return False  # a full disk or a read-only descriptor: the lock holds without its note
    return True


def _same_file(path: Path, fd: int) -> bool:
    try:
        on_disk = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    held = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (held.st_dev, held.st_ino)


def _read_holder(fd: int) -> Holder:
    try:
        data = json.loads(os.pread(fd, _NOTE_LIMIT, 0).decode("utf-8"))
        return Holder(str(data["user"]), str(data["host"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return Holder("someone", "this computer", "earlier")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return os.environ.get("USER", "someone")
