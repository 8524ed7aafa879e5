"""File > Export report…: the HTML report (core.report) written off the GUI thread, with progress.

The report reads the fact base through its own read-only connection, so it works the same in a
reviewer's read-only window and never blocks the curator's edits.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from kzeu_desk.core.errors import UserError
from kzeu_desk.core.locations import Location
from kzeu_desk.core.report import ExportCancelled, ReportResult, folder_problem, write_report
from kzeu_desk.core.service import FactBase

_STEPS = 1000


class _Worker(QObject):
    progressed = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, fact_base_path: Location, target: Path):
        super().__init__()
        self._fact_base_path = fact_base_path
        self._target = target
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        try:
            self.succeeded.emit(write_report(self._fact_base_path, self._target, progress=self._report))
        except ExportCancelled:
            self.failed.emit("The report was stopped; nothing was written.")
        except UserError as error:
            self.failed.emit(str(error))
        except OSError as error:
            self.failed.emit(f"The report could not be written: {error.strerror or error}.")
        finally:
            self.finished.emit()

    def _report(self, done: int, total: int, stage: str) -> None:
        if self.cancelled:
            raise ExportCancelled("stopped")
        self.progressed.emit(_STEPS * done // total if total else 0, stage)


class ReportExport(QObject):
    """One report run; `finished_with` carries the ReportResult, or None when it did not happen."""

    finished_with = Signal(object)

    def __init__(self, fact_base_path: Location, target: Path, parent: QWidget, *, ask_to_open: bool = True):
        super().__init__(parent)
        self._parent = parent
        self._ask_to_open = ask_to_open
        self._result: ReportResult | None = None
        self._failure: str | None = None
        self._thread = QThread(self)
        self._worker = _Worker(fact_base_path, target)
        self._worker.moveToThread(self._thread)
        self._progress = QProgressDialog("Writing the report…", "Stop", 0, _STEPS, parent)
        self._progress.setWindowTitle("Export report")
        self._progress.setMinimumDuration(400)
        self._progress.canceled.connect(self._cancel)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_succeeded)
        self._worker.failed.connect(self._on_failed)
        self._worker.finished.connect(self._on_finished)

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> None:
        self._thread.wait()

    def _cancel(self) -> None:
        self._worker.cancelled = True

    def _on_progress(self, per_mille: int, stage: str) -> None:
        self._progress.setValue(per_mille)
        self._progress.setLabelText(f"{stage}…")

    def _on_succeeded(self, result: ReportResult) -> None:
        self._result = result

    def _on_failed(self, message: str) -> None:
        self._failure = message

    def _on_finished(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self._progress.reset()
        self.finished_with.emit(self._result)
        if self._result is None:
            QMessageBox.warning(self._parent, "Report not written", self._failure or "The report did not finish.")
        elif self._ask_to_open:
            box = QMessageBox(QMessageBox.Icon.Information, "Report written", self._result.summary,
                              QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close, self._parent)
            box.setTextFormat(Qt.TextFormat.PlainText)  # paths are user data
            if box.exec() == QMessageBox.StandardButton.Open:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._result.index)))


def export_report_dialog(fact_base: FactBase, parent: QWidget) -> ReportExport | None:
    """Ask where to write the report (a folder, created if new) and start writing it."""
    suggested = fact_base.folder / f"{fact_base.file_stem}-report"
    chosen, _ = QFileDialog.getSaveFileName(parent, "Export report (a folder of web pages)", str(suggested),
                                            "Report folder (*)")
    if not chosen:
        return None
    target = Path(chosen)
    problem = folder_problem(target, fact_base.path)
    if problem:
        QMessageBox.warning(parent, "Cannot write the report there", problem)
        return None
    job = ReportExport(fact_base.location, target, parent)
    job.start()
    return job
