"""Importing documents off the GUI thread, with progress, each file its own transaction, and a report.

The same run serves File > Import documents, files dropped on the window and File > Import from web
address: each item is a file or a web address. When the run is over, the import report lists what
was imported with the details each file carried (for the curator to confirm) and what was refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from kzeu_desk.core import revisions
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.progress import Progress
from kzeu_desk.core.reading import ReadDocument
from kzeu_desk.core.service import FactBase, SourceMetadata
from kzeu_desk.core.steps import source_details
from kzeu_desk.ui.later_turn import on_a_later_turn
from kzeu_desk.ui.operations import WorkspaceOp
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


@dataclass
class _Outcome:
    """What one import run did, item by item: each file is its own transaction, so what was imported
    before the curator pressed Stop stays imported."""

    imported: list[tuple[Changes, ImportedSource]] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    possible_revisions: list[PossibleRevision] = field(default_factory=list)


def _import_items(items: list[ImportItem]):
    def work(fact_base: FactBase, progress: Progress) -> _Outcome:
        outcome = _Outcome()
        for done, item in enumerate(items):
            if progress.stop_requested:
                break  # between two files: nothing is half imported
            name = item_name(item)
            progress.report(done, len(items), f"Fetching “{name}”…" if "://" in name else f"Reading “{name}”…")
            try:
                document = read_item(item, should_stop=lambda: progress.stop_requested)
                with fact_base.reading() as conn:
                    match = revisions.find_matching_source(conn, document, SourceMetadata())
                if match is not None and match.identical:
                    outcome.refusals.append(Refusal(
                        name, f"“{name}” is already imported as “{match.title}” ({match.reason.value})."))
                elif match is not None:
                    outcome.possible_revisions.append(PossibleRevision(document, match))
                else:
                    changes = fact_base.import_document(document)
                    outcome.imported.append((changes, imported_source(changes.new_id("source"), name, document)))
            except UserError as error:
                if progress.stop_requested:
                    break  # a fetch stopped half way
                outcome.refusals.append(Refusal(name, str(error)))
        progress.report(len(items), len(items))
        return outcome

    return work


class DocumentImport(QObject):
    """One import run on the workspace's operation runner: a progress dialog, one undo step for all
    files, a report."""

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
        self._over = False
        fetching = any(isinstance(item, str) for item in self._items)
        # Not exclusive: each file's transaction is short, reading it is the long part.
        self.op = (WorkspaceOp(parent, session, "Import from the web" if fetching else "Import documents",
                               _import_items(self._items))
                   .writes(exclusive=False, changes=lambda _outcome: None)
                   .with_progress("Fetching the page…" if fetching else "Importing documents…", cancellable=True,
                                  modal=False)
                   .success(self._on_finished))

    @property
    def source_ids(self) -> list[int]:
        return [source.source_id for source in self.imported]

    @property
    def over(self) -> bool:
        """Whether the run is over: files imported, questions answered, the report shown."""
        return self._over

    def start(self) -> None:
        self.op.run_in_background()

    def wait(self) -> None:
        """Block until the files are read and imported (tests, and quitting during an import)."""
        self.op.wait()

    def _on_finished(self, outcome: _Outcome) -> None:
        self.refusals += outcome.refusals
        self._possible_revisions += outcome.possible_revisions
        if outcome.imported:
            names = [item_name(item) for item in self._items]
            self.imported += [source for _changes, source in outcome.imported]
            self._session.adopt_all(f"Import {len(names)} documents" if len(names) > 1 else f"Import “{names[0]}”",
                                    [changes for changes, _source in outcome.imported])
            # The panes' answers to the new sources and then the report (and choosing the last source)
            # in one turn held the window 0.08-0.28 s at 1M facts: the report waits for a later turn.
            on_a_later_turn(self, self._settle_possible_revisions)
            return
        self._settle_possible_revisions()

    def _settle_possible_revisions(self) -> None:
        """Ask about each file that matched a source, one at a time: a revision import runs on its own
        thread, so the next question waits until it is done. Then show the report."""
        if not self._possible_revisions:
            self._show_report()
            # Choosing the last new source (the reader, the candidates and the sources list answer it)
            # is a turn of its own too.
            on_a_later_turn(self, self._end_run)
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

    def _end_run(self) -> None:
        self._over = True
        self.done.emit(self.source_ids)
        self.deleteLater()

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
