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
from pathlib import Path

from sqlalchemy import Boolean, Connection, Table, func, select, text

from kzeu_desk.core.errors import UserError
from kzeu_desk.core.storage.interface import Location, StorageEngine, StorageFailure

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
    then rebuild the target's search index and the facts' per-key summary. Returns the rows copied
    per table."""
    from kzeu_desk.core import conflicts, search_documents
    from kzeu_desk.core.storage import engine_of

    if revision(source) != revision(target):
        raise StorageFailure(f"the two fact bases are at different schema revisions ({revision(source)} and "
                             f"{revision(target)})")
    reader, writer = engine_of(source), engine_of(target)
    totals = row_counts(source)
    total = sum(totals.values())
    # The summary is counted once after the rows rather than key by key as each batch arrives
    # (a copy's facts come in batches of 5,000, and their triggers would count every key again).
    with conflicts.key_summary_deferred(target):
        copied = _copy_tables(reader, source, writer, target, total, progress)
    if progress:
        progress(total, total, "Rebuilding the search index")
    search_documents.rebuild(target)
    return copied


def _copy_tables(reader: StorageEngine, source: Connection, writer: StorageEngine, target: Connection, total: int,
                 progress: Progress | None) -> dict[str, int]:
    done = 0
    copied: dict[str, int] = {}
    for table in tables():
        stage = f"Copying {table.name.replace('_', ' ')} rows"
        if progress:
            progress(done, total, stage)
        columns = [column.name for column in table.columns]
        flags = [index for index, column in enumerate(table.columns) if isinstance(column.type, Boolean)]
        order = ", ".join(f'"{c.name}"' for c in table.primary_key.columns)
        query = f"SELECT {', '.join(chr(34) + c + chr(34) for c in columns)} FROM {table.name} ORDER BY {order}"
        count = 0
        with reader.fast_rows(source, text(query)) as rows:
            while batch := rows.fetchmany(_BATCH):
                if flags:
                    batch = [_with_booleans(row, flags) for row in batch]
                writer.insert_rows(target, table.name, columns, batch)
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
    return copied


def _with_booleans(row: tuple, flags: Sequence[int]) -> tuple:
    values = list(row)
    for index in flags:
        if values[index] is not None:
            values[index] = bool(values[index])
    return tuple(values)


# Tables whose rows mean the fact base holds curators' work (a new fact base holds none of them).
_WORK_TABLES = ("operation", "source", "fact", "entity")


def copy_fact_base(source: Location, target: Location, progress: Progress | None = None) -> dict[str, int]:
    """Copy the whole fact base at `source` into `target` (a new file, or a database on a server
    that holds no fact base yet, or an empty one), whatever the two engines: every row with its
    id, the audit trail and the undo history, the id counters and the search index. The target is
    written in one transaction: complete, or (for a new file) absent. One sentence (`UserError`)
    when it cannot be done. Returns the rows copied per table."""
    from kzeu_desk.core.storage import engine_for

    reader_engine, writer_engine = engine_for(source), engine_for(target)
    if reader_engine.handles(target) and _same(source, target):
        raise UserError("A fact base cannot be copied onto itself; choose another target.")
    new_file = isinstance(target, Path) and not target.exists()
    if isinstance(target, Path) and target.exists() and not new_file:
        raise UserError(f"“{target}” already exists; copy into a new file (nothing was changed).")
    if new_file:
        assert isinstance(target, Path)
        target.parent.mkdir(parents=True, exist_ok=True)
    opened_source = reader_engine.open(source, read_only=True)
    try:
        opened_target = writer_engine.open(target, read_only=False)
    except BaseException:
        reader_engine.close(source, opened_source)
        raise
    try:
        if opened_target.read_only:
            raise UserError(f"The copy cannot be written: {opened_target.read_only_reason or 'it opened read-only'}")
        with (reader_engine.read_transaction(opened_source.engine) as reader,
              writer_engine.write_transaction(opened_target.engine) as writer,
              writer_engine.bulk_writing(writer)):
            if revision(reader) != revision(writer):
                raise UserError("The source was made by an older version of kzeu_desk; open it once to bring it up "
                                "to date, then copy it.")
            held = [name for name in _WORK_TABLES if writer.execute(text(f"SELECT 1 FROM {name} LIMIT 1")).first()]
            if held:
                raise UserError("The target already holds a fact base with work in it; copy into a new file or an "
                                "empty database (nothing was changed).")
            delete_every_row(writer)  # what opening a new fact base put there (bookkeeping rows)
            copied = copy_rows(reader, writer, progress)
            writer_engine.announce(writer, None)
        if progress:
            total = sum(copied.values())
            progress(total, total, "Preparing the copy for its first use")
        writer_engine.settle_after_copy(opened_target.engine)
    except BaseException:
        writer_engine.close(target, opened_target)
        reader_engine.close(source, opened_source)
        if new_file:
            assert isinstance(target, Path)
            for file in writer_engine.companion_files(target):
                file.unlink(missing_ok=True)
        raise
    writer_engine.close(target, opened_target)
    reader_engine.close(source, opened_source)
    return copied


def _same(source: Location, target: Location) -> bool:
    if isinstance(source, Path) and isinstance(target, Path):
        return source.exists() and target.exists() and source.resolve() == target.resolve()
    return source == target
