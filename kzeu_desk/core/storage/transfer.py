"""Copying a whole fact base's rows from one open connection to another, whatever their engines:
the storage side of `kzeu-desk copy`, of a server fact base's snapshots (a curator's copy to take
home, a backup) and of restoring a copy onto a server.

Every table of the schema is copied, in an order that satisfies its foreign keys, with every
column as it is (ids, versions, timestamps, actors, conflict signatures, the audit trail and
the operations undo replays), each table's id counter carried over (an id ever handed out, even
of a row deleted since, is never handed out again: undo re-inserts deleted rows under their
ids), and the search index rebuilt from the copied facts. Both sides must be at the same schema
revision. Rows travel in batches through the drivers' own cursors (`StorageEngine.fast_rows`
and executemany), never as ORM objects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Boolean, Connection, Table, func, insert, select, text

from kzeu_desk.core.storage.interface import StorageFailure

_BATCH = 5_000
# done, total, stage: as the exports' progress callbacks.
Progress = Callable[[int, int, str], None]


def tables() -> list[Table]:
    """The fact base's tables, parents before children."""
    from kzeu_desk.core.models import SQLModel

    return list(SQLModel.metadata.sorted_tables)


def row_counts(conn: Connection) -> dict[str, int]:
    return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables()}


def revision(conn: Connection) -> str | None:
    from kzeu_desk.core import migrations

    return migrations.current_revision(conn)


def delete_every_row(conn: Connection) -> None:
    """Empty every table of the fact base (children first) and its search index."""
    from kzeu_desk.core.storage import engine_of

    for table in reversed(tables()):
        conn.execute(table.delete())
    engine_of(conn).search.clear(conn)


def copy_rows(source: Connection, target: Connection, progress: Progress | None = None) -> dict[str, int]:
    """Copy every row of `source` into the empty tables of `target`, keeping ids and id counters,
    then rebuild the target's search index. Returns the rows copied per table."""
    from kzeu_desk.core import search_documents
    from kzeu_desk.core.storage import engine_of

    if revision(source) != revision(target):
        raise StorageFailure(f"the two fact bases are at different schema revisions ({revision(source)} and "
                             f"{revision(target)})")
    reader, writer = engine_of(source), engine_of(target)
    totals = row_counts(source)
    total, done = sum(totals.values()), 0
    copied: dict[str, int] = {}
    for table in tables():
        stage = f"Copying {table.name.replace('_', ' ')} rows"
        if progress:
            progress(done, total, stage)
        columns = [column.name for column in table.columns]
        statement, arguments = _insert(target, table, columns)
        flags = [index for index, column in enumerate(table.columns) if isinstance(column.type, Boolean)]
        order = ", ".join(f'"{c.name}"' for c in table.primary_key.columns)
        query = f"SELECT {', '.join(chr(34) + c + chr(34) for c in columns)} FROM {table.name} ORDER BY {order}"
        count = 0
        with reader.fast_rows(source, text(query)) as rows:
            while batch := rows.fetchmany(_BATCH):
                if flags:
                    batch = [_with_booleans(row, flags) for row in batch]
                target.exec_driver_sql(statement, [arguments(row) for row in batch])
                count += len(batch)
                done += len(batch)
                if progress:
                    progress(done, total, stage)
        copied[table.name] = count
        if "id" in table.columns:
            highest = max(reader.highest_reserved_id(source, table.name) or 0,
                          source.execute(select(func.max(table.c.id))).scalar() or 0)
            if highest:
                writer.reserve_ids(target, table.name, highest)
    if progress:
        progress(done, total, "Rebuilding the search index")
    search_documents.rebuild(target)
    return copied


def _insert(conn: Connection, table: Table, columns: Sequence[str]) -> tuple[str, Callable[[tuple], Any]]:
    """The INSERT of these columns compiled for the target's driver, and what turns a row (a tuple in
    `columns` order) into that driver's parameters."""
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(columns))
    place = {name: index for index, name in enumerate(columns)}
    if compiled.positiontup is not None:
        picks = [place[name] for name in compiled.positiontup]
        return str(compiled), lambda row: tuple(row[i] for i in picks)
    names = [(bind, place[bind]) for bind in compiled.params]
    return str(compiled), lambda row: {bind: row[i] for bind, i in names}


def _with_booleans(row: tuple, flags: Sequence[int]) -> tuple:
    values = list(row)
    for index in flags:
        if values[index] is not None:
            values[index] = bool(values[index])
    return tuple(values)
