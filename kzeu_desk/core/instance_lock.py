"""One writable kzeu_desk window per fact base: a lock held beside the file while it is open.

The operating system releases the lock when the process dies, so a crash never leaves a stale lock;
the file itself is only a note of who holds it. SQLite still serialises writers on its own, so this
guard is about not surprising a curator, not about data safety.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # Windows: no advisory locks here; the guard simply never reports a holder
    fcntl = None  # type: ignore[assignment]


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
        self._handle: IO[str] | None = None

    def acquire(self) -> Holder | None:
        """Take the lock; returns None on success, or who holds it."""
        if fcntl is None:
            return None
        handle = open(self._path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = _read_holder(handle.read())
            handle.close()
            return holder
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"user": _user(), "host": socket.gethostname(),
                                 "since": datetime.now().strftime("%d %b %H:%M")}))
        handle.flush()
        self._handle = handle
        return None

    def release(self) -> None:
        if self._handle is not None:
            self._path.unlink(missing_ok=True)
            self._handle.close()
            self._handle = None


def _read_holder(content: str) -> Holder:
    try:
        data = json.loads(content)
        return Holder(data["user"], data["host"], data["since"])
    except (ValueError, KeyError, TypeError):
        return Holder("someone", "this computer", "earlier")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return os.environ.get("USER", "someone")
