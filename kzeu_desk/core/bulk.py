"""Writing inside a service bulk operation (`FactBase.bulk_operation`): rows inserted by the
thousand with executemany, without an audit image per row.

Inserting through ORM objects runs ~10k rows/s, SQLAlchemy Core executemany ~176k rows/s and the
raw driver ~380k: a bulk operation compiles each INSERT once per set of columns and hands the
driver plain tuples, which keeps a million-fact load near the driver's speed. A bulk operation is
recorded as one operation whose `Changes` count the rows it inserted (`Changes.bulk_counts`); it
is not undoable row by row (take a backup first, as loading does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.exc import IntegrityError

from kzeu_desk.core import conflicts
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
        self._tuple_statements: dict[tuple[str, tuple[str, ...]], tuple[str, Callable[[tuple], Any] | None]] = {}
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
        self._execute(table_name, statement, [values(row) for row in rows])

    def insert_tuples(self, table_name: str, columns: tuple[str, ...], rows: Sequence[tuple]) -> None:
        """`insert_rows` for rows given as tuples of `columns`' values: no mapping made per row
        and its values picked back out (at 100k facts ~0.3 s CPU of a load for its fact and
        evidence rows). `columns` must name every column that has a default."""
        if not rows:
            return
        statement, arrange = self._tuple_statement(table_name, columns)
        self._execute(table_name, statement, rows if arrange is None else [arrange(row) for row in rows])

    def _execute(self, table_name: str, statement: str, parameters: Sequence[Any]) -> None:
        try:
            with self.conn.begin_nested():
                self.conn.exec_driver_sql(statement, list(parameters))
        except IntegrityError:
            for index, values in enumerate(parameters):
                try:
                    with self.conn.begin_nested():
                        self.conn.exec_driver_sql(statement, values)
                except IntegrityError as error:
                    raise RowRefused(index, str(error.orig)) from None
            raise
        self.inserted[table_name] = self.inserted.get(table_name, 0) + len(parameters)

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

    def _tuple_statement(self, table_name: str, columns: tuple[str, ...]) -> tuple[str, Callable[[tuple], Any] | None]:
        """The INSERT of these columns, and what turns a tuple of them into the driver's
        parameters; None when the tuple already is (columns in the statement's order)."""
        key = (table_name, columns)
        found = self._tuple_statements.get(key)
        if found is None:
            compiled = insert(table(table_name)).compile(dialect=self.conn.dialect, column_keys=list(columns))
            arrange: Callable[[tuple], Any] | None
            if compiled.positiontup is not None:
                order = tuple(columns.index(name) for name in compiled.positiontup)
                arrange = None if order == tuple(range(len(columns))) else itemgetter(*order)
            else:
                if not set(compiled.params) <= set(columns):
                    raise ValueError(f"{table_name}: every column with a default must be given")
                arrange = _named(columns)
            found = self._tuple_statements[key] = (str(compiled), arrange)
        return found

    def delete_every_row(self, table_names: Sequence[str]) -> None:
        """Empty these tables (children first), e.g. a new fact base's starter vocabulary that a
        load replaces with the file's own."""
        for name in table_names:
            self.conn.execute(table(name).delete())

    @contextmanager
    def indexes_deferred(self, table_names: Sequence[str]) -> Iterator[None]:
        """Inserts into empty tables: their secondary indexes are built once, after the block
        (`StorageEngine.indexes_deferred`); reads inside the block must not need them. With the
        fact table's, its per-key summary too (`conflicts.key_summary_deferred`): the database
        keeps it by counting each written fact's key again through an index that is not there."""
        with ExitStack() as deferred:
            if "fact" in table_names:  # entered first, so counted after the indexes are back
                deferred.enter_context(conflicts.key_summary_deferred(self.conn))
            deferred.enter_context(engine_of(self.conn).indexes_deferred(self.conn, table_names))
            yield

    def reserve_ids(self, table_name: str, highest: int) -> None:
        """New rows of `table_name` get ids above `highest` from now on (ids that only history
        mentions stay taken, so undo and history never mistake one row for another)."""
        engine_of(self.conn).reserve_ids(self.conn, table_name, highest)


def _by_name(names: tuple[str, ...]) -> Callable[[Mapping], dict]:
    def picks(values: Mapping) -> dict:
        return {name: values[name] for name in names}

    return picks


def _named(columns: tuple[str, ...]) -> Callable[[tuple], dict]:
    def arrange(row: tuple) -> dict:
        return dict(zip(columns, row, strict=True))

    return arrange
