"""How long the window stops answering during the workspace's long actions.

A 10 ms timer runs in the GUI process while each action is triggered the way a curator triggers
it (the window's own QActions and dialogs) and waited for in the window's event loop; the longest
gap between two ticks is how long the window froze. The event loop turning is what counts, not how
long the work takes: a gap of 100 ms is the target at any size.

    python -m benchmarks.stall_probe --db FACTS.sqlite [--only backup,check] [--long-source ID]

works on a copy of the fact base in a temporary folder (a backup and a restore write beside it),
and prints one JSON object: per action, the longest gap and the action's duration in seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KZEU_DESK_DATA_DIR", tempfile.mkdtemp(prefix="kzeu-bench-profile-"))

TICK_MS = 10


@dataclass(frozen=True)
class Stall:
    longest_gap: float  # seconds between two ticks of the 10 ms timer, at most
    duration: float  # seconds from the trigger until the action was done
    ticks: int


class StallProbe:
    """A 10 ms timer in the GUI thread; `measure` runs an action and reports the longest gap."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self._timer = QTimer(interval=TICK_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._ticks: list[float] = []
        self._done: Callable[[], bool] = lambda: True
        self._loop = None

    def _tick(self) -> None:
        self._ticks.append(time.perf_counter())
        if self._loop is not None and self._done():
            self._loop.quit()

    def measure(self, trigger: Callable[[], object], done: Callable[[], bool], timeout_s: float = 600) -> Stall:
        """Start the timer, call `trigger` (as a menu click would, from the event loop), and turn the
        event loop until `done()`; the gap before the first tick counts as well."""
        from PySide6.QtCore import QEventLoop, QTimer

        self._ticks = []
        self._done = done
        self._loop = QEventLoop()
        started = time.perf_counter()
        self._ticks.append(started)
        self._timer.start()
        QTimer.singleShot(0, trigger)
        QTimer.singleShot(int(timeout_s * 1000), self._loop.quit)
        self._loop.exec()
        self._loop = None
        self._timer.stop()
        finished = time.perf_counter()
        ticks = [*self._ticks, finished]
        gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:], strict=False)]
        return Stall(max(gaps), finished - started, len(ticks))


def _settled(window) -> bool:
    return window.session is not None and not window.session.operations


def measure_actions(db: Path, only: set[str] | None = None, long_source: int | None = None,
                    documents: list[Path] | None = None) -> dict[str, Stall]:
    """Each action on the fact base at `db` (changed by them: pass a copy), in a fresh window."""
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from kzeu_desk.core.reading import read_document
    from kzeu_desk.ui import create_main_window
    from kzeu_desk.ui.maintenance import restore

    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = create_main_window(db)
    window.resize(1600, 1000)
    window.show()
    for _ in range(3):
        app.processEvents()
    # Dialogs that would wait for a click: a curator answers them; the probe must not.
    QMessageBox.information = staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Ok)  # type: ignore[method-assign]
    QMessageBox.warning = staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Ok)  # type: ignore[method-assign]
    folder = Path(tempfile.mkdtemp(prefix="kzeu-stall-"))
    probe = StallProbe()
    results: dict[str, Stall] = {}

    def wanted(name: str) -> bool:
        return only is None or name in only

    def settled() -> bool:
        return _settled(window)

    try:
        if wanted("backup"):
            results["backup"] = probe.measure(window.actionBackUpNow.trigger, settled)
        if wanted("check"):
            results["check"] = probe.measure(window.actionCheckFactBase.trigger, settled)
            window.check_dialog.close()
        if wanted("rescan"):
            results["rescan"] = probe.measure(window.actionRescanConflicts.trigger, settled)
        if wanted("repair"):
            # Tools > Check fact base, then Repair once the check is done (the repair re-checks after).
            repairing: list = []

            def repaired() -> bool:
                dialog = window.check_dialog
                if not repairing:
                    if dialog.op is not None and dialog.op.done:
                        repairing.append(dialog.repair())
                    return False
                return repairing[0].done and dialog.op.done and settled()

            results["repair"] = probe.measure(window.actionCheckFactBase.trigger, repaired)
            window.check_dialog.close()
        if wanted("refresh"):
            results["refresh"] = probe.measure(window.actionRefresh.trigger, settled)
        if wanted("reviewer_copy"):
            target = folder / "review.sqlite"
            QFileDialog.getSaveFileName = staticmethod(lambda *_a, **_k: (str(target), ""))  # type: ignore[method-assign]
            results["reviewer_copy"] = probe.measure(window.actionExportReviewerCopy.trigger, settled)
        if wanted("export") and window.session is not None:
            from kzeu_desk.ui.export_dialog import ExportDialog

            dialog = ExportDialog(window.session, window)
            dialog.select_format("jsonl")
            dialog.set_target(folder / "export.jsonl")
            results["export"] = probe.measure(dialog.start_export, lambda: dialog.finished_export)
            dialog.close()
        if wanted("import") and documents:
            jobs: list = []
            results["import"] = probe.measure(lambda: jobs.append(window.import_files(documents)),
                                              lambda: bool(jobs) and jobs[0].over and settled())
        if wanted("revision") and long_source is not None and window.session is not None:
            from kzeu_desk.ui.revision_view import RevisionImport

            with window.session.fact_base.reading() as conn:
                text = conn.exec_driver_sql("SELECT text FROM source WHERE id = ?", (long_source,)).scalar()
            revised = folder / "revised.txt"
            # A corrected edition: every 40th paragraph gains a sentence, every 150th is gone (its
            # highlights go to Evidence to check); every highlight is placed again.
            paragraphs = text.split("\n")
            revised.write_text("\n".join(
                paragraph + (" A correction was added here." if number % 40 == 7 else "")
                for number, paragraph in enumerate(paragraphs) if number % 150 != 11), encoding="utf-8")
            document = read_document(revised)
            job = RevisionImport(window.session, long_source, document, window)
            results["revision"] = probe.measure(job.start, lambda: job.over and settled())
        if wanted("restore") and window.session is not None:
            from kzeu_desk.core.backups import take_backup

            backup = take_backup(window.session.fact_base.path, "manual")
            results["restore"] = probe.measure(lambda: restore(window, window.session, backup.path, window.refresh_all),
                                               settled)
    finally:
        window.close()
        for _ in range(3):
            app.processEvents()
        shutil.rmtree(folder, ignore_errors=True)
    return results


def ten_documents() -> list[Path]:
    """The sample articles and the test suite's documents of every format (PDF, Word, OpenDocument,
    web page, text): ten files none of which a generated fact base holds."""
    root = Path(__file__).resolve().parent.parent
    corpus = sorted((root / "resources" / "corpus").glob("*.txt"))
    golden = sorted(p for p in (root / "tests" / "golden").iterdir() if p.suffix != ".json")
    return [*corpus, *golden][:10]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--only", default="", help="comma-separated actions (default: all)")
    parser.add_argument("--long-source", type=int, default=None, help="the source a revision import revises")
    parser.add_argument("--documents", type=Path, default=None,
                        help="a folder of documents to import (ten; default: the sample articles and test documents)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kzeu-stall-db-"))
    try:
        copy = work / args.db.name
        shutil.copyfile(args.db, copy)
        documents = (sorted(p for p in args.documents.iterdir() if p.is_file())[:10] if args.documents
                     else ten_documents())
        only = {name.strip() for name in args.only.split(",") if name.strip()} or None
        found = measure_actions(copy, only, args.long_source, documents)
        print(json.dumps({name: asdict(stall) for name, stall in found.items()}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
