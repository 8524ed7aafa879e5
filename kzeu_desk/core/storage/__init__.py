"""The storage layer: the only code that knows which database engine holds a fact base.

`engine_for(location)` picks the engine that opens a location; `engine_of(conn)` the engine behind
an open connection. Everything engine-specific is a method of `StorageEngine`
(storage/interface.py); storage/sqlite/ implements it for SQLite files. Nothing outside this
package imports `sqlite3` or writes SQL that only one engine understands (tests/test_architecture.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from kzeu_desk.core.errors import NotAFactBase
from kzeu_desk.core.storage.interface import (
    ChangeFeed,
    Location,
    OpenedStorage,
    SearchDocument,
    SearchIndex,
    SqlExpressions,
    StorageEngine,
    StorageFailure,
    StorageProblem,
)
from kzeu_desk.core.storage.rows import FastRows
from kzeu_desk.core.storage.sqlite import SQLITE

if TYPE_CHECKING:
    from kzeu_desk.core.export.scope import ExportScope

__all__ = [
    "ChangeFeed",
    "FastRows",
    "Location",
    "OpenedStorage",
    "SearchDocument",
    "SearchIndex",
    "SqlExpressions",
    "StorageEngine",
    "StorageFailure",
    "StorageProblem",
    "compact_copy_into",
    "copy_fact_base",
    "engine_for",
    "engine_of",
    "is_server_url",
    "prepare_analyst_copy",
]

def _postgresql() -> StorageEngine:
    # Loaded on first use: a curator who only opens files never imports the server's driver.
    from kzeu_desk.core.storage.postgresql import POSTGRESQL

    return POSTGRESQL


# Each engine by its SQLAlchemy dialect name, in the order they are asked whether they open a location.
_ENGINES: dict[str, Callable[[], StorageEngine]] = {"sqlite": lambda: SQLITE, "postgresql": _postgresql}


def engine_for(location: Location) -> StorageEngine:
    """The engine that opens `location`, or a one-sentence refusal."""
    if is_server_url(location):
        return _postgresql()
    if SQLITE.handles(location):
        return SQLITE
    raise NotAFactBase(f"“{location}” is not a fact base location this version of kzeu_desk can open "
                       "(it opens fact base files and postgresql:// addresses).")


def copy_fact_base(source: Location, target: Location,
                   progress: Callable[[int, int, str], None] | None = None) -> dict[str, int]:
    """The whole fact base at `source` copied into a new one at `target`, between any two engines
    (storage/transfer.py); one sentence when it cannot be done. Rows copied per table."""
    from kzeu_desk.core.storage import transfer

    return transfer.copy_fact_base(source, target, progress)


def is_server_url(location: object) -> bool:
    """Whether `location` names a database server (postgresql:// or postgres://) rather than a file."""
    return isinstance(location, str) and location.strip().lower().startswith(("postgresql://", "postgres://"))


def engine_of(bind: Connection | Engine) -> StorageEngine:
    """The engine behind an open connection (or SQLAlchemy engine)."""
    name = bind.dialect.name
    if name not in _ENGINES:
        raise RuntimeError(f"no storage engine for the {name} dialect")
    return _ENGINES[name]()


# -- SQLite copies: backups, reviewer copies and the `sqlite` export are SQLite files, whichever
# engine holds the fact base.


def prepare_analyst_copy(copy: Path, scope: ExportScope) -> dict[str, int]:
    """Prune a private SQLite copy to an export's scope and add the analysts' views; returns the
    rows left per table."""
    from kzeu_desk.core.storage.sqlite.analyst_copy import prepare_copy

    return prepare_copy(copy, scope)


def compact_copy_into(copy: Path, target: Path) -> None:
    """Write a compacted, checked copy of the SQLite file `copy` to `target`, atomically."""
    SQLITE.snapshot_into(copy, target)
