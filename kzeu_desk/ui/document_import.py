"""Importing documents off the GUI thread, with progress, each file its own transaction, and a report.

The same run serves File > Import documents, files dropped on the window and File > Import from web
address: each item is a file or a web address. When the run is over, the import report lists what
was imported with the details each file carried (for the curator to confirm) and what was refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from kzeu_desk.core import revisions
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.reading import ReadDocument
from kzeu_desk.core.service import FactBase, SourceMetadata
from kzeu_desk.core.steps import source_details
from kzeu_desk.ui.session import Session

ImportItem = Path | str  # a file, or a web address


@dataclass(frozen=True)
class PossibleRevision:
    """A file that looks like a new version of a source already in the fact base."""

    document: ReadDocument
    match: revisions.SourceMatch


@dataclass(frozen=True)
class ImportedSource:
    """One line of the import report: a new source and what its file said about itself."""

    source_id: int
    name: str  # file name or web address
    format: str
    title: str
    details: dict[str, str | None]  # author, publisher, published, language, url, retrieved_at
    characters: int
    pages: int
    original_bytes: int | None


@dataclass(frozen=True)
class Refusal:
    name: str
    reason: str  # one sentence


def read_item(item: ImportItem, should_stop=None) -> ReadDocument:
    """The document a file or a web address holds (fetching the page first)."""
    from kzeu_desk.core.documents.fetch import read_file_or_address

    return read_file_or_address(item, should_stop=should_stop)


def item_name(item: ImportItem) -> str:
    return item.name if isinstance(item, Path) else item


def imported_source(source_id: int, name: str, document: ReadDocument) -> ImportedSource:
    details = source_details(document)
    return ImportedSource(
        source_id=source_id, name=name, format=document.format, title=details.pop("title") or name,
        details=details, characters=len(document.text), pages=len(document.page_starts),
        original_bytes=len(document.original.data) if document.original is not None else None,
    )


class _ImportWorker(QObject):
    imported = Signal(object, object)  # Changes of one file, its ImportedSource
    refused = Signal(str, str)  # name, one-sentence reason
    revision_suspected = Signal(object)  # PossibleRevision: the curator decides once the run is over
    progressed = Signal(int, str)  # items done, item now being read
    finished = Signal()

    def __init__(self, fact_base: FactBase, items: list[ImportItem]):
        super().__init__()
        self._fact_base = fact_base
        self._items = items
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        for done, item in enumerate(self._items):
            if self.cancelled:
                break
            name = item_name(item)
            self.progressed.emit(done, name)
            try:
                document = read_item(item, should_stop=lambda: self.cancelled)
                with self._fact_base.reading() as conn:
                    match = revisions.find_matching_source(conn, document, SourceMetadata())
                if match is not None and match.identical:
                    self.refused.emit(name, f"“{name}” is already imported as “{match.title}” ({match.reason.value}).")
                elif match is not None:
                    self.revision_suspected.emit(PossibleRevision(document, match))
                else:
                    changes = self._fact_base.import_document(document)
                    self.imported.emit(changes, imported_source(changes.new_id("source"), name, document))
            except UserError as error:
                self.refused.emit(name, str(error))
        self.finished.emit()


class DocumentImport(QObject):
    """One import run: a progress dialog, a worker thread, one undo step for all files, a report."""

    done = Signal(list)  # ids of the sources created
    revision_imported = Signal(object)  # Changes of a file imported as a new revision of a source
    report_shown = Signal(object)  # the ImportReport dialog, once the run is over

    def __init__(self, session: Session, items: list[ImportItem], parent: QWidget):
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self._items = list(items)
        self.refusals: list[Refusal] = []
        self.imported: list[ImportedSource] = []
        self._possible_revisions: list[PossibleRevision] = []
        self._thread = QThread(self)
        self._worker = _ImportWorker(session.fact_base, self._items)
        self._worker.moveToThread(self._thread)
        fetching = any(isinstance(item, str) for item in self._items)
        self._progress = QProgressDialog("Fetching the page…" if fetching else "Importing documents…", "Stop", 0,
                                         len(self._items), parent)
        self._progress.setWindowTitle("Import from the web" if fetching else "Import documents")
        self._progress.setMinimumDuration(400)  # short imports finish before a dialog would flash
        self._progress.canceled.connect(self._cancel)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.imported.connect(self._on_imported)
        self._worker.refused.connect(lambda name, why: self.refusals.append(Refusal(name, why)))
        self._worker.revision_suspected.connect(self._possible_revisions.append)
        # Direct, so the thread ends even while the GUI thread is blocked in wait().
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._worker.finished.connect(self._on_finished)

    @property
    def source_ids(self) -> list[int]:
        return [source.source_id for source in self.imported]

    def start(self) -> None:
        names = [item_name(item) for item in self._items]
        self._session.undo_stack.beginMacro(
            f"Import {len(names)} documents" if len(names) > 1 else f"Import “{names[0]}”")
        self._thread.start()

    def wait(self) -> None:
        """Block until the worker is done (tests, and quitting during an import)."""
        self._thread.wait()

    def _cancel(self) -> None:
        self._worker.cancelled = True

    def _on_progress(self, done: int, name: str) -> None:
        self._progress.setValue(done)
        self._progress.setLabelText(f"Fetching “{name}”…" if "://" in name else f"Reading “{name}”…")

    def _on_imported(self, changes: Changes, source: ImportedSource) -> None:
        self.imported.append(source)
        self._session.adopt(changes)

    def _on_finished(self) -> None:
        self._session.undo_stack.endMacro()
        self._thread.wait()
        self._progress.reset()
        self._settle_possible_revisions()

    def _settle_possible_revisions(self) -> None:
        """Ask about each file that matched a source, one at a time: a revision import runs on its own
        thread, so the next question waits until it is done. Then show the report."""
        if not self._possible_revisions:
            self._show_report()
            self.done.emit(self.source_ids)
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
                self.imported.append(imported_source(changes.new_id("source"), possible.document.file_name,
                                                     possible.document))
        self._settle_possible_revisions()

    def _on_revision_done(self, changes: Changes | None) -> None:
        if changes is not None:
            self.revision_imported.emit(changes)
        self._settle_possible_revisions()

    def _show_report(self) -> None:
        if not self.imported and not self.refusals:
            return
        from PySide6.QtGui import QAction

        from kzeu_desk.ui.import_report import ImportReport

        # Correcting details is the source details editor's job; offered when the window has one.
        can_correct = self._parent.findChild(QAction, "actionEditSource") is not None
        report = ImportReport(self.imported, self.refusals, len(self._items), self._parent, can_correct=can_correct)
        self.report_shown.emit(report)
        report.open()


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
