"""Importing documents off the GUI thread, with progress, each file its own transaction."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from kzeu_desk.core.changes import Changes
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.reading import read_document
from kzeu_desk.core.service import FactBase
from kzeu_desk.ui.session import Session


class _ImportWorker(QObject):
    imported = Signal(object)  # Changes of one file
    refused = Signal(str, str)  # file name, one-sentence reason
    progressed = Signal(int, str)  # files done, file now being read
    finished = Signal()

    def __init__(self, fact_base: FactBase, files: list[Path]):
        super().__init__()
        self._fact_base = fact_base
        self._files = files
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        for done, file in enumerate(self._files):
            if self.cancelled:
                break
            self.progressed.emit(done, file.name)
            try:
                self.imported.emit(self._fact_base.import_document(read_document(file)))
            except UserError as error:
                self.refused.emit(file.name, str(error))
        self.finished.emit()


class DocumentImport(QObject):
    """One import run: a progress dialog, a worker thread, and one undo step for all files."""

    done = Signal(list)  # ids of the sources created

    def __init__(self, session: Session, files: list[Path], parent: QWidget):
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self._files = files
        self._refusals: list[str] = []
        self._source_ids: list[int] = []
        self._thread = QThread(self)
        self._worker = _ImportWorker(session.fact_base, files)
        self._worker.moveToThread(self._thread)
        self._progress = QProgressDialog("Importing documents…", "Stop", 0, len(files), parent)
        self._progress.setWindowTitle("Import documents")
        self._progress.setMinimumDuration(400)  # short imports finish before a dialog would flash
        self._progress.canceled.connect(self._cancel)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.imported.connect(self._on_imported)
        self._worker.refused.connect(lambda name, why: self._refusals.append(why))
        # Direct, so the thread ends even while the GUI thread is blocked in wait().
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._worker.finished.connect(self._on_finished)

    def start(self) -> None:
        self._session.undo_stack.beginMacro(
            f"Import {len(self._files)} documents" if len(self._files) > 1 else f"Import “{self._files[0].name}”"
        )
        self._thread.start()

    def wait(self) -> None:
        """Block until the worker is done (tests, and quitting during an import)."""
        self._thread.wait()

    def _cancel(self) -> None:
        self._worker.cancelled = True

    def _on_progress(self, done: int, name: str) -> None:
        self._progress.setValue(done)
        self._progress.setLabelText(f"Reading “{name}”…")

    def _on_imported(self, changes: Changes) -> None:
        self._source_ids.extend(changes.inserted.get("source", ()))
        self._session.adopt(changes)

    def _on_finished(self) -> None:
        self._session.undo_stack.endMacro()
        self._thread.wait()
        self._progress.reset()
        if self._refusals:
            shown = "\n".join(self._refusals[:12])
            more = f"\n…and {len(self._refusals) - 12} more." if len(self._refusals) > 12 else ""
            QMessageBox.warning(
                self._parent,
                "Some files were not imported",
                f"{len(self._source_ids)} of {len(self._files)} files were imported.\n\n{shown}{more}",
            )
        self.done.emit(self._source_ids)
        self.deleteLater()
