"""The `sqlite` export: a consistent snapshot with analysts' views, safe to take while others write.

`snapshot_into` (VACUUM INTO a temporary name, quick_check, fsync, atomic rename; NOTES.md traps 9
and 10) copies the live fact base into a private staging file. The staging copy is pruned to the
scope and given its views, then snapshotted again onto the target: that second VACUUM INTO
compacts the copy, so rows dropped for "only confirmed" leave no trace in free pages, and
the target appears complete, checked and with journal mode delete, or not at all.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from kzeu_desk.core.export.common import ExportResult, Progress, counted_summary, folders_made_for
from kzeu_desk.core.export.scope import ExportScope
from kzeu_desk.core.export.staging import staging_path
from kzeu_desk.core.export.sqlite_only import add_analyst_views, prune_to_scope
from kzeu_desk.core.sqlite_features import readable_in_place, snapshot_for_reading, snapshot_into

_STEPS = 3


def write_sqlite_snapshot(source: Path, out: Path, scope: ExportScope, progress: Progress) -> ExportResult:
    from kzeu_desk.core.service import FactBase

    out = out.resolve()
    progress.start(_STEPS)
    # Opening vets the file (anything that is not a fact base this app can read is refused before a
    # byte is copied) and settles a stopped writer's journal; a file that may only be read through
    # a private copy (a -wal that is not its own) is snapshotted from that copy.
    with FactBase.open(source, read_only=True) as fact_base, folders_made_for(out):
        return _write(fact_base.readable_file, out, scope, progress)


def _write(source: Path, out: Path, scope: ExportScope, progress: Progress) -> ExportResult:
    staging_folder = staging_path(out)
    staging_folder.mkdir()
    try:
        progress.stage("Taking a consistent snapshot")
        if readable_in_place(source):
            staging = staging_folder / "staging.sqlite"
            snapshot_into(source, staging)
        else:
            # A WAL file left without its -wal, maybe in a read-only folder (NOTES.md trap 9).
            staging = snapshot_for_reading(source, staging_folder)
        progress.advance()
        progress.stage("Preparing the copy")
        counts = _prepare(staging, scope)
        progress.advance()
        progress.stage("Checking and writing the snapshot")
        snapshot_into(staging, out)
        progress.finish()
    finally:
        shutil.rmtree(staging_folder, ignore_errors=True)
    return ExportResult((out,), counts, counted_summary(counts, out))


def _prepare(staging: Path, scope: ExportScope) -> dict[str, int]:
    connection = sqlite3.connect(staging, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        prune_to_scope(connection, scope)
        add_analyst_views(connection)
        connection.execute("COMMIT")
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise sqlite3.DatabaseError(f"the pruned snapshot has dangling references: {broken[:3]}")
        return {name: connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                for name in ("source", "entity", "property", "fact", "evidence", "fact_link", "conflict")}
    finally:
        connection.close()
