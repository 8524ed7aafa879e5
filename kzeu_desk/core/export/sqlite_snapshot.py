"""The `sqlite` export: a consistent snapshot with analysts' views, safe to take while others write.

The storage engine's `snapshot_into` (a consistent copy, checked, synced and renamed into place)
copies the live fact base into a private staging file. The staging copy is pruned to the
scope and given its views, then copied again onto the target: that second snapshot compacts
the copy, so rows dropped for "only confirmed" leave no trace in free pages, and
the target appears complete, checked and with journal mode delete, or not at all.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from kzeu_desk.core import storage
from kzeu_desk.core.locations import Location
from kzeu_desk.core.export.common import ExportResult, Progress, counted_summary, folders_made_for
from kzeu_desk.core.export.scope import ExportScope
from kzeu_desk.core.export.staging import staging_path

_STEPS = 3


def write_sqlite_snapshot(source: Location, out: Path, scope: ExportScope, progress: Progress) -> ExportResult:
    from kzeu_desk.core.service import FactBase

    out = out.resolve()
    progress.start(_STEPS)
    # Opening vets the file (anything that is not a fact base this app can read is refused before a
    # byte is copied) and settles a stopped writer's journal; a file that may only be read through
    # a private copy (a companion file that is not its own, say) is snapshotted from that copy.
    with FactBase.open(source, read_only=True) as fact_base, folders_made_for(out):
        return _write(fact_base.readable_file or fact_base.location, out, scope, progress)


def _write(source: Location, out: Path, scope: ExportScope, progress: Progress) -> ExportResult:
    # Staged beside the target under a name carrying the process id (export/staging.py), so what a
    # killed export leaves is removed by the next one.
    staging_folder = staging_path(out)
    staging_folder.mkdir()
    try:
        progress.stage("Taking a consistent snapshot")
        staging = staging_folder / "staging.sqlite"
        storage.engine_for(source).snapshot_into(source, staging)
        progress.advance()
        progress.stage("Preparing the copy")
        counts = storage.prepare_analyst_copy(staging, scope)
        progress.advance()
        progress.stage("Checking and writing the snapshot")
        storage.compact_copy_into(staging, out)
        progress.finish()
    finally:
        shutil.rmtree(staging_folder, ignore_errors=True)
    return ExportResult((out,), counts, counted_summary(counts, out))
