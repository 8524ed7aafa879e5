"""Writing inside a service bulk operation (`FactBase.bulk_operation`): rows inserted by the
thousand with executemany, without an audit image per row.

Inserting through ORM objects runs ~10k rows/s, SQLAlchemy Core executemany ~176k rows/s and the
raw driver ~380k: a bulk operation compiles each INSERT once per set of columns and hands the
driver plain tuples, which keeps a million-fact load near the driver's speed. A bulk operation is
recorded as one operation whose `Changes` count the rows it inserted (`Changes.bulk_counts`); it
is not undoable row by row (take a backup first, as loading does).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.exc import IntegrityError

from kzeu_desk.core.recorder import table
from kzeu_desk.core.storage import engine_of


class RowRefused(Exception):
    """The fact base refused one row of a batch (a constraint); `index` is its place in the batch."""

    def __init__(self, index: int, reason: str):
        super().__init__(reason)
        self.index = index
        self.reason = reason


class BulkWriter:
    """The writes a bulk operation may make. `conn` is for reading inside the same transaction;
    every write goes through the methods here."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.inserted: dict[str, int] = {}  # rows inserted per table
        self._statements: dict[tuple[str, tuple[str, ...]], tuple[str, Callable[[Mapping], Any]]] = {}
        # Derived data the operation brings up to date before it commits.
        self.facts_to_index: list[int] = []  # facts the operation inserted (so no search document yet)
        self.conflict_keys: set[tuple[int, int]] = set()
        self.contradicting_facts: set[int] = set()
        self.rescan_all_conflicts = False

    def insert_rows(self, table_name: str, rows: Sequence[Mapping[str, object]]) -> None:
        """Insert rows that all have the same columns, as one batch. A refused batch is tried
        again row by row to find the refused one (`RowRefused`); nothing of it is kept then."""
        if not rows:
            return
        statement, values = self._statement(table_name, rows[0])
        try:
            with self.conn.begin_nested():
                self.conn.exec_driver_sql(statement, [values(row) for row in rows])
        except IntegrityError:
            for index, row in enumerate(rows):
                try:
                    with self.conn.begin_nested():
                        self.conn.exec_driver_sql(statement, values(row))
                except IntegrityError as error:
                    raise RowRefused(index, str(error.orig)) from None
            raise
        self.inserted[table_name] = self.inserted.get(table_name, 0) + len(rows)

    def _statement(self, table_name: str, row: Mapping[str, object]) -> tuple[str, Callable[[Mapping], Any]]:
        """The INSERT of these columns, compiled once for the connection's dialect, and what picks
        a row's values in its parameters' order (building Core's parameters row by row cost as
        much as the engine's inserting them)."""
        key = (table_name, tuple(row))
        found = self._statements.get(key)
        if found is None:
            picks: Callable[[Mapping], Any]
            compiled = insert(table(table_name)).compile(dialect=self.conn.dialect, column_keys=list(row))
            if compiled.positiontup is not None:  # positional drivers: a tuple in the statement's order
                picks = itemgetter(*compiled.positiontup)
            else:  # named-parameter drivers: the row's values by name
                picks = _by_name(tuple(compiled.params))
            found = self._statements[key] = (str(compiled), picks)
        return found

    def delete_every_row(self, table_names: Sequence[str]) -> None:
        """Empty these tables (children first), e.g. a new fact base's starter vocabulary that a
        load replaces with the file's own."""
        for name in table_names:
            self.conn.execute(table(name).delete())

    def indexes_deferred(self, table_names: Sequence[str]) -> AbstractContextManager[None]:
        """Inserts into empty tables: their secondary indexes are built once, after the block
        (`StorageEngine.indexes_deferred`); reads inside the block must not need them."""
        return engine_of(self.conn).indexes_deferred(self.conn, table_names)

    def reserve_ids(self, table_name: str, highest: int) -> None:
        """New rows of `table_name` get ids above `highest` from now on (ids that only history
        mentions stay taken, so undo and history never mistake one row for another)."""
        engine_of(self.conn).reserve_ids(self.conn, table_name, highest)


def _by_name(names: tuple[str, ...]) -> Callable[[Mapping], dict]:
    def picks(values: Mapping) -> dict:
        return {name: values[name] for name in names}

    return picks
