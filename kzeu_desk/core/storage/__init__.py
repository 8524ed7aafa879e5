"""The storage layer: the only code that knows which database engine holds a fact base.

`engine_for(location)` picks the engine that opens a location; `engine_of(conn)` the engine behind
an open connection. Everything engine-specific is a method of `StorageEngine`
(storage/interface.py); storage/sqlite/ implements it for SQLite files. Nothing outside this
package imports `sqlite3` or writes SQL that only one engine understands (tests/test_architecture.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from kzeu_desk.core.errors import NotAFactBase
from kzeu_desk.core.storage.interface import (
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
    "FastRows",
    "OpenedStorage",
    "SearchDocument",
    "SearchIndex",
    "SqlExpressions",
    "StorageEngine",
    "StorageFailure",
    "StorageProblem",
    "compact_copy_into",
    "engine_for",
    "engine_of",
    "prepare_analyst_copy",
]

_ENGINES: tuple[StorageEngine, ...] = (SQLITE,)


def engine_for(location: str | Path) -> StorageEngine:
    """The engine that opens `location`, or a one-sentence refusal."""
    for engine in _ENGINES:
        if engine.handles(location):
            return engine
    raise NotAFactBase(f"“{location}” is not a fact base location this version of kzeu_desk can open "
                       "(it opens fact base files).")


def engine_of(bind: Connection | Engine) -> StorageEngine:
    """The engine behind an open connection (or SQLAlchemy engine)."""
    name = bind.dialect.name
    for engine in _ENGINES:
        if engine.dialect_name == name:
            return engine
    raise RuntimeError(f"no storage engine for the {name} dialect")


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
