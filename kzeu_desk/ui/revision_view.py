"""A source's revisions: the history, what each revision changed (a word diff), and importing a
new revision off the GUI thread with progress.

Everything shown comes from imported text and goes through plain-text widgets: Qt's
AutoText renders anything that looks like HTML, and an <img src=http://...> would fetch from the network.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget,
)

from kzeu_desk.core import queries, revisions
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.reading import ReadDocument, read_document
from kzeu_desk.core.progress import Progress, Stopped
from kzeu_desk.core.service import FactBase, SourceMetadata
from kzeu_desk.ui.operations import WorkspaceOp, run_in_the_worker_process
from kzeu_desk.ui.plain_text import local_time, plain_label
from kzeu_desk.ui.session import Session
from kzeu_desk.ui.text_diffing import diff_off_gui_thread

if TYPE_CHECKING:
    from kzeu_desk.core.reanchor import Placement

_NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1
_REMOVED_HUE = QColor(225, 50, 90)
_ADDED_HUE = QColor(40, 165, 75)


def describe_revision(info: revisions.RevisionInfo) -> str:
    """One line of the history: number, when, who, from which file, how long."""
    parts = [f"Revision {info.number}" + (" (current)" if info.current else ""), local_time(info.imported_at),
             info.imported_by]
    if info.file_name:
        parts.append(info.file_name)
    parts.append(f"{info.char_count:,} characters")
    return " · ".join(parts)


# -- the history and diff pane -------------------------------------------------------------------


class RevisionView(QWidget):
    """The revisions of the source being read; choosing one shows what it changed."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revisionView")
        self.setAccessibleName("Source revisions")
        self._session = session
        self.source_id: int | None = None
        self._history: list[revisions.RevisionInfo] = []  # as listed
        self._pieces: list[revisions.DiffPiece] = []

        self.title_label = plain_label(word_wrap=True, object_name="revisionSourceTitle")
        self.history = QListWidget(objectName="revisionList")
        self.history.setAccessibleName("Revision history")
        self.history.setUniformItemSizes(True)
        self.summary_label = plain_label(word_wrap=True, object_name="revisionDiffSummary")
        self.diff_view = QPlainTextEdit(objectName="revisionDiff")
        self.diff_view.setAccessibleName("What this revision changed")
        self.diff_view.setReadOnly(True)
        self.diff_view.document().setUndoRedoEnabled(False)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.summary_label)
        lower_layout.addWidget(self.diff_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.history)
        splitter.addWidget(lower)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title_label)
        layout.addWidget(splitter, 1)

        self.history.currentItemChanged.connect(self._show_chosen_revision)
        session.changed.connect(self._on_changes)
        self.show_source_id(None)

    @property
    def diff_pieces(self) -> list[revisions.DiffPiece]:
        """The diff now shown (for tests and copying)."""
        return list(self._pieces)

    def show_source_id(self, source_id: int | None) -> None:
        row, history = None, []
        if source_id is not None:
            with self._session.fact_base.reading() as conn:
                # The description only: the title is all it shows, and reading the 1 MB source's text here
                # was part of the GUI thread's turn that answered a revision import's fact selection at 1M.
                row = queries.source_details(conn, source_id)
                history = revisions.revision_history(conn, source_id) if row is not None else []
        same = row is not None and source_id == self.source_id and history == self._history
        if not same:
            self.source_id = source_id
            self._history = history
            self.history.clear()
            self._clear_diff()
        if row is None:
            self.source_id = None
            self.title_label.setText("Choose a source to see its revisions.")
            return
        count = len(history)
        self.title_label.setText(f"{row.title} — {count} revision{'s' if count != 1 else ''}")
        if same:
            # The same revisions (the source chosen again after the sources list was read again, or
            # its title edited): the diff shown stays. Reading the 1 MB source's two revisions, diffing
            # them word by word and showing the diff again would redo all of it for nothing.
            return
        for info in history:
            item = QListWidgetItem(describe_revision(info))
            item.setData(_NUMBER_ROLE, info.number)
            self.history.addItem(item)
        if count:
            self.history.setCurrentRow(0)

    def show_revision(self, number: int) -> None:
        for row in range(self.history.count()):
            if self.history.item(row).data(_NUMBER_ROLE) == number:
                self.history.setCurrentRow(row)
                return

    def _show_chosen_revision(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None or self.source_id is None:
            self._clear_diff()
            return
        number = current.data(_NUMBER_ROLE)
        with self._session.fact_base.reading() as conn:
            texts = revisions.revision_texts(conn, self.source_id, {number - 1, number})
        if number not in texts:
            self._clear_diff()
            return
        if number - 1 not in texts:
            self._pieces = [revisions.DiffPiece(revisions.DiffKind.SAME, texts[number], 0, 0)]
            self.summary_label.setText(f"Revision {number} is the text as first imported.")
        else:
            # A word diff of a long article takes seconds: it is computed off the GUI thread.
            self._pieces = []
            self.diff_view.clear()
            self.summary_label.setText(f"Comparing revision {number - 1} with revision {number}…")
            source_id, old, new = self.source_id, texts[number - 1], texts[number]

            def compared(pieces: list[revisions.DiffPiece]) -> None:
                chosen = self.history.currentItem()
                if self.source_id != source_id or chosen is None or chosen.data(_NUMBER_ROLE) != number:
                    return  # the curator moved on meanwhile
                self._pieces = pieces
                removed, added = revisions.diff_counts(pieces)
                self.summary_label.setText(f"From revision {number - 1} to revision {number}: "
                                           f"{removed:,} words removed (struck out), {added:,} added (underlined).")
                self._paint(pieces)

            diff_off_gui_thread(self, old, new, compared)
            return
        self._paint(self._pieces)

    def _paint(self, pieces: list[revisions.DiffPiece]) -> None:
        dark = self.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5
        removed, added = QTextCharFormat(), QTextCharFormat()
        removed.setBackground(_translucent(_REMOVED_HUE, 110 if dark else 70))
        removed.setFontStrikeOut(True)
        added.setBackground(_translucent(_ADDED_HUE, 110 if dark else 70))
        added.setFontUnderline(True)
        formats = {revisions.DiffKind.SAME: QTextCharFormat(), revisions.DiffKind.REMOVED: removed,
                   revisions.DiffKind.ADDED: added}
        self.diff_view.clear()
        cursor = QTextCursor(self.diff_view.document())
        cursor.beginEditBlock()
        for piece in pieces:
            cursor.insertText(piece.text, formats[piece.kind])
        cursor.endEditBlock()
        first_change = next((p for p in pieces if p.kind is not revisions.DiffKind.SAME), None)
        if first_change is not None:
            # Show the first change rather than the top of an unchanged article.
            position = sum(len(p.text) for p in pieces[:pieces.index(first_change)])
            cursor = QTextCursor(self.diff_view.document())
            cursor.setPosition(min(position, self.diff_view.document().characterCount() - 1))
            self.diff_view.setTextCursor(cursor)
            self.diff_view.centerCursor()

    def _clear_diff(self) -> None:
        self._pieces = []
        self.summary_label.clear()
        self.diff_view.clear()

    def _on_changes(self, changes: Changes) -> None:
        if self.source_id is None:
            return
        if self.source_id in changes.touched("source") or changes.touched("source_revision"):
            self.show_source_id(self.source_id)


def _translucent(colour: QColor, alpha: int) -> QColor:
    shade = QColor(colour)
    shade.setAlpha(alpha)
    return shade


# -- choosing the source a document revises ------------------------------------------------------


class NewRevisionDialog(QDialog):
    """Asks which source a document is a new revision of, with the recognised one (or the source
    being read) chosen already."""

    def __init__(self, session: Session, document: ReadDocument, suggested_source_id: int | None,
                 explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newRevisionDialog")
        self.setWindowTitle("Import as a new revision")
        with session.fact_base.reading() as conn:
            sources = queries.source_list(conn)
        intro = plain_label(word_wrap=True)
        intro.setText(f"“{document.file_name}” will become the current text of the source chosen below. "
                      "Its present text is kept as an earlier revision, and every highlight is moved onto "
                      "the new text or, where it cannot be found, listed for you to re-attach.")
        reason = plain_label(explanation, word_wrap=True, object_name="newRevisionReason")
        self.source_box = QComboBox(objectName="newRevisionSource")
        self.source_box.setAccessibleName("Source this document revises")
        for source in sources:
            self.source_box.addItem(source.title, source.id)
        if suggested_source_id is not None:
            self.source_box.setCurrentIndex(max(0, self.source_box.findData(suggested_source_id)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import revision")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(reason)
        layout.addWidget(self.source_box)
        layout.addWidget(buttons)

    def chosen_source_id(self) -> int | None:
        return self.source_box.currentData()


# -- importing a revision off the GUI thread -----------------------------------------------------


class RevisionImport(QObject):
    """One revision import on the workspace's operation runner (`ui/operations.py`), with a progress
    dialog. The fact base stays usable meanwhile: the spans are placed before the write transaction
    begins. On success the import is one undo step."""

    done = Signal(object)  # Changes, or None when refused or stopped
    progressed = Signal(int, int)  # spans placed, spans in all

    def __init__(self, session: Session, source_id: int, document: ReadDocument, parent: QWidget,
                 metadata: SourceMetadata | None = None) -> None:
        super().__init__(parent)
        self._changes: Changes | None = None

        def work(fact_base: FactBase, progress: Progress) -> Changes:
            from kzeu_desk.core.reanchor import Cancelled, reanchor  # not at start-up: 0.11 s of patterns

            def place(*args: Any, progress: Callable[[int, int], None], should_stop: Callable[[], bool]) -> list[Placement]:
                # In the worker process: seconds of Python (10k highlights on a 1 MB text) on this
                # thread took the interpreter lock from the GUI thread whenever the OS paused it.
                return run_in_the_worker_process(reanchor, args, progress=progress, should_stop=should_stop)

            try:
                return fact_base.import_revision(
                    source_id, document, metadata=metadata,
                    progress=lambda done, total: progress.report(done, total),
                    should_stop=lambda: progress.stop_requested, place=place)
            except Cancelled:
                raise Stopped("The new revision was not imported; nothing was changed.") from None

        self.op = (WorkspaceOp(parent, session, "Import new revision", work)
                   .writes(exclusive=False)
                   .with_progress("Moving highlights onto the new revision…", cancellable=True, modal=False)
                   .on_report(lambda report: self.progressed.emit(report.done, report.total))
                   .success(self._imported)
                   .stopped(lambda: None)  # the curator stopped it; nothing was written
                   .afterwards(self._over))

    def start(self) -> None:
        self.op.run_in_background()

    @property
    def over(self) -> bool:
        return self.op.done

    def wait(self) -> None:
        """Block until the import is done (tests, and quitting during an import)."""
        self.op.wait()

    def cancel(self) -> None:
        """Stop placing spans; nothing is written once the worker sees it (the Stop button)."""
        self.op.progress.request_stop()

    def _imported(self, changes: Changes) -> None:
        self._changes = changes

    def _over(self) -> None:
        self.done.emit(self._changes)
        self.deleteLater()


def start_revision_import(session: Session, path: Path, parent: QWidget, *, current_source_id: int | None,
                          metadata: SourceMetadata | None = None) -> RevisionImport | None:
    """File ▸ Import new revision: read the file, recognise the source it revises (same address,
    or same title and publisher; else the source being read), let the curator confirm or choose,
    and start the import. None if the file was refused or the curator cancelled."""
    if session.read_only:
        return None
    try:
        document = read_document(path)
    except UserError as error:
        session.failed.emit(str(error))
        return None
    with session.fact_base.reading() as conn:
        match = revisions.find_matching_source(conn, document, metadata or SourceMetadata())
    if match is not None and match.identical:
        session.failed.emit(match.describe())
        return None
    suggested = match.source_id if match is not None else current_source_id
    explanation = match.describe() if match is not None else (
        "No source has the same address, or the same title and publisher; choose the one this is a version of.")
    dialog = NewRevisionDialog(session, document, suggested, explanation, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen_source_id() is None:
        return None
    job = RevisionImport(session, dialog.chosen_source_id(), document, parent, metadata)
    job.start()
    return job
