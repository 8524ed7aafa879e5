"""Importing documents off the GUI thread, with progress, each file its own transaction."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from kzeu_desk.core import revisions
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.reading import ReadDocument, read_document
from kzeu_desk.core.service import FactBase, SourceMetadata
from kzeu_desk.ui.session import Session


@dataclass(frozen=True)
class PossibleRevision:
    """A file that looks like a new version of a source already in the fact base."""

    document: ReadDocument
    match: revisions.SourceMatch


class _ImportWorker(QObject):
    imported = Signal(object)  # Changes of one file
    refused = Signal(str, str)  # file name, one-sentence reason
    revision_suspected = Signal(object)  # PossibleRevision: the curator decides once the run is over
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
                document = read_document(file)
                with self._fact_base.reading() as conn:
                    match = revisions.find_matching_source(conn, document, SourceMetadata())
                if match is not None and match.identical:
                    self.refused.emit(file.name, f"“{file.name}” is already imported as “{match.title}”.")
                elif match is not None:
                    self.revision_suspected.emit(PossibleRevision(document, match))
                else:
                    self.imported.emit(self._fact_base.import_document(document))
            except UserError as error:
                self.refused.emit(file.name, str(error))
        self.finished.emit()


class DocumentImport(QObject):
    """One import run: a progress dialog, a worker thread, and one undo step for all files."""

    done = Signal(list)  # ids of the sources created
    revision_imported = Signal(object)  # Changes of a file imported as a new revision of a source

    def __init__(self, session: Session, files: list[Path], parent: QWidget):
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self._files = files
        self._refusals: list[str] = []
        self._source_ids: list[int] = []
        self._possible_revisions: list[PossibleRevision] = []
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
        self._worker.revision_suspected.connect(self._possible_revisions.append)
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
        self._settle_possible_revisions()

    def _settle_possible_revisions(self) -> None:
        """Ask about each file that matched a source, one at a time: a revision import runs on its own
        thread, so the next question waits until it is done."""
        if not self._possible_revisions:
            self.done.emit(self._source_ids)
            self.deleteLater()
            return
        possible = self._possible_revisions.pop(0)
        choice = ask_about_possible_revision(self._parent, possible)
        if choice is RevisionChoice.NEW_REVISION:
            from kzeu_desk.ui.revision_view import RevisionImport

            job = RevisionImport(self._session, possible.match.source_id, possible.document, self._parent)
            job.done.connect(self._on_revision_done)
            job.start()
            return
        if choice is RevisionChoice.SEPARATE_SOURCE:
            changes = self._session.perform(lambda fb: fb.import_document(possible.document))
            if changes is not None:
                self._source_ids.extend(changes.inserted.get("source", ()))
        self._settle_possible_revisions()


    def _on_revision_done(self, changes: Changes | None) -> None:
        if changes is not None:
            self.revision_imported.emit(changes)
        self._settle_possible_revisions()


class RevisionChoice(Enum):
    NEW_REVISION = auto()
    SEPARATE_SOURCE = auto()
    SKIP = auto()


def ask_about_possible_revision(parent: QWidget, possible: PossibleRevision) -> RevisionChoice:
    name = possible.document.file_name
    box = QMessageBox(QMessageBox.Icon.Question, "New version of a source?",
                      f"“{name}” looks like a new version of “{possible.match.title}”: it has "
                      f"{possible.match.reason.value}, but its text differs.", parent=parent)
    box.setObjectName("possibleRevisionQuestion")
    box.setInformativeText("As a new revision, it replaces the source's text, the old text is kept, and every "
                           "highlight is moved onto the new text or listed in Evidence to check.")
    as_revision = box.addButton("Import as new revision", QMessageBox.ButtonRole.AcceptRole)
    as_source = box.addButton("Import as separate source", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Skip", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(as_revision)
    box.exec()
    if box.clickedButton() is as_revision:
        return RevisionChoice.NEW_REVISION
    if box.clickedButton() is as_source:
        return RevisionChoice.SEPARATE_SOURCE
    return RevisionChoice.SKIP
