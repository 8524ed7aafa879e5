"""Reading many rows from PostgreSQL: a server-side cursor, so a read of a million rows holds a
batch in memory at a time rather than the whole result (psycopg's client-side cursor fetches
everything when the query runs)."""

from __future__ import annotations

import itertools
from typing import Any

from kzeu_desk.core.storage.rows import FastRows

_BATCH = 2_000
_names = itertools.count(1)


class _ServerCursor:
    """psycopg's named cursor, taking a plain statement's empty parameters as none (so a '%' in it
    is never read as a placeholder)."""

    def __init__(self, driver_connection: Any):
        self._cursor = driver_connection.cursor(name=f"kzeu_rows_{next(_names)}")
        self._cursor.itersize = _BATCH

    def execute(self, statement: str, arguments: Any) -> None:
        self._cursor.execute(statement, arguments if arguments or isinstance(arguments, dict) else None)

    @property
    def description(self) -> Any:
        return self._cursor.description

    def __iter__(self) -> Any:
        return iter(self._cursor)

    def fetchmany(self, size: int) -> list[tuple]:
        return self._cursor.fetchmany(size)

    def close(self) -> None:
        self._cursor.close()


class ServerRows(FastRows):
    def _open_cursor(self, driver_connection: Any) -> Any:
        return _ServerCursor(driver_connection)
