"""The `sqlite` export: a consistent snapshot with analysts' views, safe to take while others write.

The storage engine's `snapshot_into` (a consistent copy, checked, synced and renamed into place)
copies the live fact base into a private staging file. The staging copy is pruned to the
scope and given its views, then copied again onto the target: that second snapshot compacts
the copy, so rows dropped for "only confirmed" leave no trace in free pages, and
the target appears complete, checked and with journal mode delete, or not at all.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from kzeu_desk.core import storage
from kzeu_desk.core.export.common import ExportResult, Progress, counted_summary, reading_fact_base
from kzeu_desk.core.export.scope import ExportScope

_STEPS = 3


def write_sqlite_snapshot(source: Path, out: Path, scope: ExportScope, progress: Progress) -> ExportResult:
    with reading_fact_base(source):
        pass  # refuses anything that is not a fact base this app can read, before copying a byte
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    progress.start(_STEPS)
    staging_folder = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
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
