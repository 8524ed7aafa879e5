"""File > Load JSON Lines: a kzeu_desk JSON Lines export loaded into the open fact base, off the
GUI thread, with progress and Stop (`kzeu-desk load` from the window).

The load is one bulk operation (`core/loading`): one write transaction, so a stop, which is checked
every 1,000 lines while the rows are written, rolls everything back and the fact base stays as it
was; the backup taken before it is removed then. The backup itself (a copy of the whole fact base:
minutes at 1M facts) is interrupted like File > Back up now's, leaving no file. Its `Changes` count rows instead of listing them,
so the panes read again what they show, off the GUI thread (the facts table's and the status bar's
counts, the sources list). Not undoable: a load is taken back by restoring the backup it took.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from kzeu_desk.core.progress import Progress
from kzeu_desk.core.service import FactBase
from kzeu_desk.ui.operations import WorkspaceOp
from kzeu_desk.ui.session import Session

if TYPE_CHECKING:
    from kzeu_desk.core.loading import LoadResult

JSONL_FILTER = "kzeu_desk JSON Lines (*.jsonl);;All files (*)"


def load_file(window: QWidget, session: Session, path: Path, say: Callable[[str, int], None]) -> WorkspaceOp:
    """Check `path` and load it into the session's fact base as one bulk operation."""

    def work(fact_base: FactBase, progress: Progress) -> LoadResult:
        # Imported here, on the worker: the loader's modules, imported on the GUI thread at the first
        # load, were that load's longest turn at 1M facts (40 ms of the GUI thread in a 123 ms gap).
        from kzeu_desk.core.loading import check_file, load_jsonl

        progress.stage(f"Checking “{path.name}”")
        checked = check_file(path)  # reads the file only
        progress.check()

        def loading(done: int, total: int, _stage: str) -> None:
            progress.update(done, total, "Loading")  # Stopped here rolls the whole load back

        # The backup taken first (minutes at 1M facts) stops too, leaving nothing.
        return load_jsonl(fact_base, checked, progress=loading, backup_progress=progress)

    return (WorkspaceOp(window, session, "Load JSON Lines", work)
            .writes(undoable=False, changes=lambda result: result.changes)
            .with_progress(f"Loading “{path.name}”…", cancellable=True)
            .stopped(lambda: say(f"Loading “{path.name}” was stopped; nothing was loaded.", 8_000))
            .success(lambda result: say(result.summary, 12_000))
            .run_in_background())
