"""The orphan queue: evidence a new revision lost or moved only approximately, one item at a time.

Each item shows the old quote in its old context beside the current text. The curator re-attaches
the evidence by selecting the right words in the current text, accepts the proposed match, or
drops the evidence; each choice is one undoable action and appears in the fact's history. Facts
whose every piece of evidence is lost are marked, since they now rest on nothing a reader can find.

Imported text is only ever shown as plain text (Qt would render
HTML-like text and fetch its images); offsets cross into Qt through
the source view's UTF-16 index (trap 2).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QPushButton, QSplitter, QTableView,
    QTextEdit, QVBoxLayout, QWidget,
)

from kzeu_desk.core import queries, revisions
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.highlight_index import HighlightIndex
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.text import Utf16Index
from kzeu_desk.ui.background import BackgroundReader
from kzeu_desk.ui.later_turn import on_a_later_turn
from kzeu_desk.ui.session import Session
from kzeu_desk.ui.text_diffing import diff_off_gui_thread
from kzeu_desk.ui.plain_text import plain_label, plain_tooltip
from kzeu_desk.ui.source_view import SourceView

EMPTY_QUEUE_TEXT = ("Nothing to check. When a source is revised (File > Import new revision), highlights that "
                    "could not be found exactly in the new text are listed here, so you can accept where they "
                    "moved or attach them again.")
LOST_ALL_EVIDENCE_MARK = "⚠ "
_OLD_CONTEXT_CHARACTERS = 600
_QUOTE_HUE = QColor(240, 160, 20)
_SHOWN_QUOTE = 90
_COLUMNS = ("Fact", "Source", "What happened")
_EVIDENCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_QUEUE_CHANNEL = "queue"
_ITEM_CHANNEL = "item"


def _one_line(text: str, limit: int = _SHOWN_QUOTE) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class ReviewQueueModel(QAbstractTableModel):
    """The queue's items; it holds dozens or hundreds, never the texts themselves."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._items: list[revisions.ReviewItem] = []

    @property
    def items(self) -> list[revisions.ReviewItem]:
        return list(self._items)

    def adopt(self, items: list[revisions.ReviewItem]) -> None:
        """The queue as read (off the GUI thread, by the pane)."""
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def item(self, row: int) -> revisions.ReviewItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, evidence_id: int) -> int | None:
        return next((i for i, item in enumerate(self._items) if item.evidence_id == evidence_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                mark = LOST_ALL_EVIDENCE_MARK if item.fact_left_without_evidence else ""
                return f"{mark}{item.fact_label}"
            if column == 1:
                return item.source_title
            return item.describe()
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"“{_one_line(item.old_quote, 400)}”", item.describe()]
            if item.fact_left_without_evidence:
                lines.append("This fact has no evidence left that can be found in its sources.")
            return plain_tooltip("\n".join(lines))
        if role == Qt.ItemDataRole.FontRole and column == 0 and item.fact_left_without_evidence:
            font = QFont()
            font.setBold(True)
            return font
        if role == _EVIDENCE_ID_ROLE:
            return item.evidence_id
        return None


class OrphanQueuePane(QWidget):
    """Lists the evidence to check and settles one item at a time."""

    evidence_activated = Signal(int, int, int)  # source_id, start, end (code points): show it in the reader

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orphanQueue")
        self.setAccessibleName("Evidence to check")
        self._session = session
        self._shown: revisions.ReviewItem | None = None
        self._diffs: dict[tuple[int, int, int], list[revisions.DiffPiece]] = {}
        # The queue and the shown item's texts are read off the GUI thread: after a revision import of
        # the 1 MB source at 100k facts, reading the queue and the source's 10k highlights here
        # froze the window 0.55 s (the stall probe); the pane shows what it showed until they come.
        self._reader = BackgroundReader(session.fact_base.reading, self)
        self._keep_after_reload: int | None = None
        self._near_row: int | None = None  # after settling an item: the row to show next
        self._after_read: list[Callable[[], object]] = []
        self._selecting = False

        self.model = ReviewQueueModel(session, self)
        self.summary_label = plain_label(word_wrap=True, object_name="orphanQueueSummary")
        self.view = QTableView(objectName="orphanList")
        self.view.setAccessibleName("Evidence to check")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.old_title = plain_label(word_wrap=True, object_name="oldContextTitle")
        self.old_context = QPlainTextEdit(objectName="oldContext")
        self.old_context.setAccessibleName("The quote in its old context")
        self.old_context.setReadOnly(True)
        self.old_context.document().setUndoRedoEnabled(False)
        self.new_title = plain_label(word_wrap=True, object_name="newTextTitle")
        self.new_text = SourceView(self)
        self.new_text.setObjectName("orphanNewText")
        self.new_text.setAccessibleName("The current text: select the words the evidence now rests on")

        self.reattach_button = QPushButton("&Re-attach to selected text", objectName="reattachButton")
        self.reattach_button.setToolTip("The evidence now rests on the words selected in the current text.")
        self.accept_button = QPushButton("Accept proposed &match", objectName="acceptMatchButton")
        self.accept_button.setToolTip("The highlighted words in the current text are where the evidence now is.")
        self.drop_button = QPushButton("Dro&p evidence", objectName="dropEvidenceButton")
        self.drop_button.setToolTip("The current revision no longer supports the fact this way.")

        old_side = _column(self.old_title, self.old_context)
        new_side = _column(self.new_title, self.new_text)
        sides = QSplitter(Qt.Orientation.Horizontal)
        sides.addWidget(old_side)
        sides.addWidget(new_side)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reattach_button)
        buttons.addWidget(self.accept_button)
        buttons.addStretch(1)
        buttons.addWidget(self.drop_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(sides, 1)
        detail_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)

        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.new_text.selection_span_changed.connect(lambda _has: self._update_buttons())
        self.reattach_button.clicked.connect(self.reattach_to_selection)
        self.accept_button.clicked.connect(self.accept_match)
        self.drop_button.clicked.connect(self.drop_evidence)
        self.view.doubleClicked.connect(lambda _index: self._reveal_in_reader())
        session.changed.connect(self._on_changes)
        self._after_reload(None)
        self.reload()

    # -- public --------------------------------------------------------------------------------

    @property
    def shown_item(self) -> revisions.ReviewItem | None:
        return self._shown

    @property
    def reading(self) -> bool:
        """Whether the queue or the shown item is being read; the pane shows what it showed meanwhile."""
        return self._reader.pending()

    def reload(self) -> None:
        """Read the queue again off the GUI thread, keeping the item shown when it is still there."""
        if not self._reader.pending(_QUEUE_CHANNEL):
            self._keep_after_reload = self._shown.evidence_id if self._shown is not None else None
        self._reader.request(_QUEUE_CHANNEL, lambda conn, _report: revisions.review_queue(conn), self._queue_read)

    def wait_for_reads(self) -> None:
        """Block until the queue and the shown item are read and shown (tests)."""
        self._reader.wait_until_delivered()

    def stop(self) -> None:
        """The window is closing: no more reads."""
        self._reader.stop()

    def _queue_read(self, items: list[revisions.ReviewItem]) -> None:
        self.model.adopt(items)
        self._after_reload(self._keep_after_reload)
        if self._near_row is not None:
            row, self._near_row = self._near_row, None
            self._select_row_near(row)
        waiting, self._after_read = self._after_read, []
        for callback in waiting:
            callback()

    def after_reading(self, callback: Callable[[], object]) -> None:
        """Call `callback` once the queue being read is in (at once if none is being read)."""
        if self._reader.pending(_QUEUE_CHANNEL):
            self._after_read.append(callback)
        else:
            callback()

    def choose_evidence(self, evidence_id: int) -> bool:
        """Show this item; while the queue is being read, once it is in (then True: it may be there)."""
        if self._reader.pending(_QUEUE_CHANNEL):
            self._keep_after_reload = evidence_id
            return True
        row = self.model.row_of(evidence_id)
        if row is None:
            return False
        self.view.setCurrentIndex(self.model.index(row, 0))
        return True

    def reattach_to_selection(self) -> None:
        item, span = self._shown, self.new_text.selected_span()
        if item is None or span is None:
            return
        self._settle(lambda fb: fb.reattach_evidence(item.evidence_id, *span))

    def accept_match(self) -> None:
        item = self._shown
        if item is None or item.new_start is None:
            return
        self._settle(lambda fb: fb.accept_anchor(item.evidence_id))

    def drop_evidence(self) -> None:
        item = self._shown
        if item is None:
            return
        self._settle(lambda fb: fb.drop_evidence(item.evidence_id))

    # -- showing one item ----------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.item(current.row()) if current.isValid() else None)

    def _show(self, item: revisions.ReviewItem | None) -> None:
        unchanged = item is not None and item == self._shown
        self._shown = item
        if item is None:
            self._reader.cancel(_ITEM_CHANNEL)
            self.old_title.clear()
            self.old_context.clear()
            self.new_title.clear()
            self.new_text.clear_source()
            self._update_buttons()
            return

        def read(conn, _report) -> tuple[dict[int, str], list, tuple[Utf16Index, HighlightIndex]]:
            texts = revisions.revision_texts(conn, item.source_id, {item.old_revision, item.current_revision})
            # Orphans' offsets point into older revisions: drawn on this text they would mislead.
            hidden = revisions.orphaned_evidence_ids(conn, item.source_id) | {item.evidence_id}
            spans = [s for s in queries.evidence_spans(conn, item.source_id) if s.evidence_id not in hidden]
            # The text's indexes are built here too, off the GUI thread (Qt-free, as the read).
            utf16 = Utf16Index(texts.get(item.current_revision, ""))
            return texts, spans, (utf16, HighlightIndex(spans, utf16))

        self._reader.request(_ITEM_CHANNEL, read, lambda found: self._show_read(item, unchanged, *found))

    def _show_read(self, item: revisions.ReviewItem, unchanged: bool, texts: dict[int, str], spans: list,
                   indexed: tuple[Utf16Index, HighlightIndex] | None = None) -> None:
        if item != self._shown:
            return  # another item was chosen meanwhile
        old_text, current_text = texts.get(item.old_revision, ""), texts.get(item.current_revision, "")
        if unchanged and self.new_text.source_id == item.source_id and self.new_text.source_text == current_text:
            # Something elsewhere changed: recolour, but keep the curator's place and selection.
            self.new_text.set_spans(spans, indexed[1] if indexed is not None else None)
            self._update_buttons()
            return
        self._show_old_context(item, old_text)
        self.new_title.setText(f"Now — revision {item.current_revision} (select the words the evidence rests on)")
        self.new_text.show_source(item.source_id, current_text, spans, indexed)
        if item.new_start is not None and item.new_end is not None:
            self.new_text.set_find_match((item.new_start, item.new_end))
            self.new_text.bring_position_into_view(item.new_start)
        else:
            self.new_text.set_find_match(None)
            self.new_text.bring_position_into_view(self._where_it_stood(item, old_text, current_text))
        # The fact is selected on a later turn of the event loop: the editor, the facts table and the
        # reader each answer it, and at 1M facts they and the lines above held the window 0.5 s in one go.
        # A zero-delay single shot ran before the timers due (ui/later_turn.py): still one gap of 0.25 s.
        self._selecting = True
        on_a_later_turn(self, lambda: self._select_fact_of(item))
        self._update_buttons()

    @property
    def selecting(self) -> bool:
        """Whether the shown item's fact is yet to be selected (on a later turn)."""
        return self._selecting

    def _select_fact_of(self, item: revisions.ReviewItem) -> None:
        self._selecting = False
        if self._shown == item:  # still the item shown
            self._session.select_fact(item.fact_id, reveal_on_a_later_turn=True)

    def _show_old_context(self, item: revisions.ReviewItem, old_text: str) -> None:
        self.old_title.setText(f"Before — revision {item.old_revision}")
        start = max(0, item.old_start - _OLD_CONTEXT_CHARACTERS)
        end = min(len(old_text), item.old_end + _OLD_CONTEXT_CHARACTERS)
        before, quote, after = old_text[start:item.old_start], old_text[item.old_start:item.old_end], old_text[item.old_end:end]
        self.old_context.clear()
        cursor = QTextCursor(self.old_context.document())
        cursor.insertText(("…" if start > 0 else "") + before)
        quote_start = cursor.position()
        cursor.insertText(quote)
        quote_end = cursor.position()
        cursor.insertText(after + ("…" if end < len(old_text) else ""))
        mark = QTextEdit.ExtraSelection()
        mark_cursor = QTextCursor(self.old_context.document())
        mark_cursor.setPosition(quote_start)
        mark_cursor.setPosition(quote_end, QTextCursor.MoveMode.KeepAnchor)
        mark.cursor = mark_cursor
        highlight = QTextCharFormat()
        dark = self.palette().color(QPalette.ColorRole.Base).lightnessF() < 0.5
        shade = QColor(_QUOTE_HUE)
        shade.setAlpha(150 if dark else 110)
        highlight.setBackground(shade)
        highlight.setFontUnderline(True)
        mark.format = highlight
        self.old_context.setExtraSelections([mark])
        centre = QTextCursor(self.old_context.document())
        centre.setPosition(quote_start)
        self.old_context.setTextCursor(centre)
        self.old_context.centerCursor()

    def _where_it_stood(self, item: revisions.ReviewItem, old_text: str, current_text: str) -> int:
        """Where the lost passage stood, carried through the diff, so the curator starts reading
        at the right place. A diff not yet computed is computed off the GUI thread (a word diff of
        a long revised text took seconds); meanwhile the text shows at the old offset."""
        key = (item.source_id, item.old_revision, item.current_revision)
        pieces = self._diffs.get(key)
        if pieces is None:
            def computed(found: list[revisions.DiffPiece]) -> None:
                self._diffs[key] = found
                if self._shown == item and item.new_start is None:
                    self.new_text.bring_position_into_view(min(revisions.map_offset(found, item.old_start),
                                                               len(current_text)))

            diff_off_gui_thread(self, old_text, current_text, computed)
            return min(item.old_start, len(current_text))
        return min(revisions.map_offset(pieces, item.old_start), len(current_text))

    def _update_buttons(self) -> None:
        writable = not self._session.read_only and self._shown is not None
        self.reattach_button.setEnabled(writable and self.new_text.selected_span() is not None)
        self.accept_button.setEnabled(writable and self._shown is not None and self._shown.new_start is not None)
        self.drop_button.setEnabled(writable)

    def _reveal_in_reader(self) -> None:
        item = self._shown
        if item is not None and item.new_start is not None and item.new_end is not None:
            self.evidence_activated.emit(item.source_id, item.new_start, item.new_end)

    # -- acting --------------------------------------------------------------------------------

    def _settle(self, action: Callable[[FactBase], Changes]) -> None:
        """One undoable action; the queue then shows the next item where this one was."""
        if self._session.read_only:
            return
        row = self.view.currentIndex().row()
        if self._session.perform(action) is not None:
            self._near_row = row  # once the queue is read again


    def _select_row_near(self, row: int) -> None:
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(min(max(row, 0), self.model.rowCount() - 1), 0))

    def _on_changes(self, changes: Changes) -> None:
        # Fact edits matter only to the labels of the facts listed here.
        listed_facts = {item.fact_id for item in self.model.items}
        if changes.affects("evidence", "source", "source_revision") or changes.touched("fact") & listed_facts:
            if changes.affects("source", "source_revision"):
                self._diffs.clear()
            self.reload()

    def _after_reload(self, keep_evidence_id: int | None) -> None:
        items = self.model.items
        if not items:
            self.summary_label.setText(EMPTY_QUEUE_TEXT)
        else:
            lost_facts = len({i.fact_id for i in items if i.fact_left_without_evidence})
            summary = f"{len(items)} piece{'s' if len(items) != 1 else ''} of evidence to check"
            if lost_facts:
                summary += (f" · {lost_facts} fact{'s have' if lost_facts != 1 else ' has'} lost all "
                            f"{'their' if lost_facts != 1 else 'its'} evidence (marked {LOST_ALL_EVIDENCE_MARK.strip()})")
            self.summary_label.setText(summary)
        if keep_evidence_id is not None and self.choose_evidence(keep_evidence_id):
            return
        if items and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))
        elif not items:
            self._show(None)


def _column(title: QLabel, body: QWidget) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(title)
    layout.addWidget(body, 1)
    return holder
