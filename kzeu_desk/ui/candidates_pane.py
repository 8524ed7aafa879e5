"""The Candidates pane: every figure, date and range found in the open source, best first, each
with its sentence, the value it reads as, and whether a fact already cites it.

A curator works through an article from the keyboard: Up/Down move through the list (the source
view follows, selecting the figure), Enter (or a double click) makes a draft fact from the candidate
with its sentence as evidence and moves on (on a cited one it shows the citing fact), Shift+Enter does the same and goes to the fact editor, Delete dismisses a
candidate that is no fact (Delete on a dismissed one brings it back), Ctrl+Z undoes either. Cited
and dismissed candidates leave the list unless "Show done" is ticked; dismissals are kept in the
fact base, so a team sharing it shares them.

Finding the candidates reads the whole text (about 1 ms a sentence: a long article takes a second),
so it runs on a worker thread while the list says what it is doing; statuses are re-read on the GUI
thread after every change (two indexed reads of one source). Imported text is only shown as plain
text, painted by the delegate, never as rich text.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, QStringListModel, Qt, Signal,
)
from PySide6.QtGui import QColor, QFocusEvent, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QListView, QProgressBar, QStyle, QStyledItemDelegate,
    QStyleOptionViewItem, QVBoxLayout, QWidget,
)

from kzeu_desk.core import queries
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.property_info import KIND_WORDS
from kzeu_desk.core.value_candidates import (
    CandidateStatus, SourceMarks, ValueCandidate, find_values, source_marks, with_status,
)
from kzeu_desk.core.value_format import format_value
from kzeu_desk.ui.background import BackgroundReader
from kzeu_desk.ui.operations import compute_in_another_process, compute_off_gui_thread, worker_process_idle
from kzeu_desk.ui.plain_text import plain_label, plain_tooltip
from kzeu_desk.ui.text_styles import muted, small_print

if TYPE_CHECKING:
    from kzeu_desk.core.value_parsing.document_values import FoundValue
    from kzeu_desk.ui.session import Session

CANDIDATE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
_CONTEXT_CHARACTERS = 70  # of the sentence shown either side of the figure
# A longer text's figures are found in the worker process: on a thread, the scan of the 1 MB
# source (seconds of Python) took the interpreter lock from the GUI thread at each of the 4.5k calls
# Qt made into Python while Evidence to check showed that source after a revision import (a gap of
# 0.49 s, the scan and the showing sampled together). A short text stays on a thread, which starts
# at once (the process takes ~0.6 s to start the first time), unless the process runs and is idle:
# a 60k-character source scanned on a thread gave a 0.34 s gap after a revision import at 1M facts.
FIND_ON_A_THREAD_UP_TO = 100_000  # characters
KEY_HINT = ("Enter: new fact · Shift+Enter: new fact, then edit (Ctrl+5 comes back) · Delete: dismiss · "
            "Ctrl+Z: undo · Alt+D: show done")
# The list's own keys (its keyPressEvent, not QShortcuts), for Help > Keyboard shortcuts.
PANE_KEYS = (
    ("New fact from the candidate, on to the next (on a cited one: show its fact)", "Enter"),
    ("New fact from the candidate, then edit it (on a cited one: edit its fact)", "Shift+Enter"),
    ("Dismiss the candidate (or bring a dismissed one back)", "Delete"),
    ("Show or hide cited and dismissed candidates", "Alt+D"),
)
_BEST_FIRST, _TEXT_ORDER = "Best first", "In text order"


def _key(candidate: ValueCandidate) -> tuple[int, int]:
    """A candidate's figure, as the list knows it across re-reads of the statuses."""
    return candidate.found.start, candidate.found.end


def kind_words(candidate: ValueCandidate) -> str:
    """What the value is ("money", "date range", "count"): "2026", "10 месяцев" and "TEU 78,000" do
    not say by themselves whether a fact would store a date, a count or a quantity."""
    return KIND_WORDS.get(candidate.found.value.kind, "")


def status_words(candidate: ValueCandidate) -> str:
    if candidate.status is CandidateStatus.CITED:
        return f"✓ fact #{candidate.fact_id}"
    if candidate.status is CandidateStatus.IN_EVIDENCE:
        return f"in the evidence of fact #{candidate.fact_id}"
    if candidate.status is CandidateStatus.DISMISSED:
        return "dismissed"
    return ""


@dataclass(frozen=True, slots=True)
class _Snippet:
    before: str
    figure: str
    after: str


def _snippet(text: str, found: FoundValue) -> _Snippet:
    """The figure in a piece of its sentence, on one line, spaced as the source spaces it."""
    def flat(part: str) -> str:
        return " ".join(part.split()) + (" " if part[-1:].isspace() else "") if part.strip() else ""

    before = flat(text[found.sentence_start:found.start])
    after = text[found.end:found.sentence_end]
    after = (" " if after[:1].isspace() else "") + " ".join(after.split())
    if len(before) > _CONTEXT_CHARACTERS:
        before = "…" + before[-_CONTEXT_CHARACTERS:].lstrip()
    if len(after) > _CONTEXT_CHARACTERS:
        after = after[:_CONTEXT_CHARACTERS].rstrip() + "…"
    return _Snippet(before, " ".join(text[found.start:found.end].split()), after)


class CandidateListModel(QStringListModel):
    """The candidates shown: sorted and filtered copies of the pane's list (tens to ~20,000: the 1 MB
    source has 24.5k candidates).

    A string list of one empty string a row, never shown: it only makes the row count Qt's own. After a
    reset QListView lays out every row, asking the model for each row's index twice (`isHidden`, then
    the row's size), and `QAbstractListModel::index` checks the row against `rowCount`: with a Python
    `rowCount` that was 2 calls into Python a row, 31k for the 1 MB source's 15.7k rows listed at 100k
    facts, 25–53 ms of the GUI thread's CPU in one turn (30 ms for 20k rows in a bare list). Counted in
    C++, the layout makes no Python call (1.5 ms for the 20k rows). Everything shown still comes from
    `data`; `flags` keeps the rows as a plain list's (a string list's are editable)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._rows: list[ValueCandidate] = []

    def set_rows(self, text: str, rows: list[ValueCandidate]) -> None:
        self._text, self._rows = text, rows
        self.setStringList([""] * len(rows))  # one model reset, the count now len(rows)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren

    def candidate(self, row: int) -> ValueCandidate | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, start: int, end: int) -> int | None:
        return next((row for row, c in enumerate(self._rows) if (c.found.start, c.found.end) == (start, end)), None)

    def snippet(self, row: int) -> _Snippet:
        return _snippet(self._text, self._rows[row].found)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        candidate = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_value(candidate.found.value)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            snippet = self.snippet(index.row())
            return (f"{format_value(candidate.found.value)}, {kind_words(candidate)}. {status_words(candidate)}. "
                    f"{snippet.before}{snippet.figure}{snippet.after}")
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"Read as {kind_words(candidate)}: {format_value(candidate.found.value)}.",
                     f"Why here: {candidate.found.reason}."]
            if candidate.found.note:
                lines.append(candidate.found.note)
            if status := status_words(candidate):
                lines.append(status)
            return plain_tooltip("\n".join(lines))
        if role == CANDIDATE_ROLE:
            return candidate
        return None


class CandidateDelegate(QStyledItemDelegate):
    """Two lines a candidate: its value, its kind (muted) and status, then the figure (bold) in its sentence."""

    _PADDING = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        line = QFontMetrics(option.font).lineSpacing()
        # No width of its own: a row is as wide as the list (the text is cut to fit), never wider.
        return QSize(1, 2 * line + 2 * self._PADDING + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        model = index.model()
        candidate = index.data(CANDIDATE_ROLE)
        if not isinstance(model, CandidateListModel) or candidate is None:
            return
        style = option.widget.style() if option.widget is not None else None
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        # The current row in full highlight only while the list has the keys: with the focus in the fact
        # editor it looked the same, and Enter typed there seemed bound for the list. Elsewhere a pale band.
        away = selected and option.widget is not None and not option.widget.hasFocus()
        if away:
            option = QStyleOptionViewItem(option)
            option.state &= ~QStyle.StateFlag.State_Selected
            selected = False
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        if away:
            band = QColor(palette.color(QPalette.ColorRole.Highlight))
            band.setAlpha(60)
            painter.fillRect(option.rect, band)
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted_colour = text_colour if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        done = candidate.status in (CandidateStatus.CITED, CandidateStatus.DISMISSED)
        rect = option.rect.adjusted(self._PADDING, self._PADDING, -self._PADDING, -self._PADDING)
        line = QFontMetrics(option.font).lineSpacing()
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        status = status_words(candidate)
        if candidate.found.note:
            status = (status + " · " if status else "") + "needs the publication date"
        status_width = QFontMetrics(option.font).horizontalAdvance(status) + 8 if status else 0
        painter.setFont(bold)
        painter.setPen(muted_colour if done else text_colour)
        value_rect = QRect(rect.left(), rect.top(), rect.width() - status_width, line)
        shown = QFontMetrics(bold).elidedText(format_value(candidate.found.value), Qt.TextElideMode.ElideRight,
                                              value_rect.width())
        painter.drawText(value_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
        kind_left = rect.left() + QFontMetrics(bold).horizontalAdvance(shown) + 8
        kind = QFontMetrics(option.font).elidedText(kind_words(candidate), Qt.TextElideMode.ElideRight,
                                                    max(0, value_rect.right() - kind_left))
        if kind and kind != "…":
            painter.setFont(option.font)
            painter.setPen(muted_colour)
            painter.drawText(QRect(kind_left, rect.top(), value_rect.right() - kind_left, line),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), kind)
        if status:
            painter.setFont(option.font)
            painter.setPen(muted_colour)
            painter.drawText(QRect(rect.right() - status_width, rect.top(), status_width, line),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), status)
        self._paint_snippet(painter, option.font, bold, model.snippet(index.row()),
                            QRect(rect.left(), rect.top() + line + 2, rect.width(), line), text_colour, muted_colour)
        painter.restore()

    @staticmethod
    def _paint_snippet(painter: QPainter, font: QFont, bold: QFont, snippet: _Snippet, rect: QRect,
                       text_colour: object, muted_colour: object) -> None:
        """The sentence around the figure, the figure in bold, cut to the width around the figure."""
        plain, strong = QFontMetrics(font), QFontMetrics(bold)
        figure_width = strong.horizontalAdvance(snippet.figure)
        room = max(0, rect.width() - figure_width)
        before_width = min(plain.horizontalAdvance(snippet.before), room // 2 if snippet.after else room)
        before = plain.elidedText(snippet.before, Qt.TextElideMode.ElideLeft, before_width) if before_width else ""
        before_width = plain.horizontalAdvance(before)
        after = plain.elidedText(snippet.after, Qt.TextElideMode.ElideRight, max(0, room - before_width))
        x = rect.left()
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.setFont(font)
        painter.setPen(muted_colour)
        painter.drawText(QRect(x, rect.top(), before_width, rect.height()), flags, before)
        x += before_width
        painter.setFont(bold)
        painter.setPen(text_colour)
        painter.drawText(QRect(x, rect.top(), min(figure_width, rect.right() - x), rect.height()), flags,
                         strong.elidedText(snippet.figure, Qt.TextElideMode.ElideRight, rect.right() - x))
        x += figure_width
        painter.setFont(font)
        painter.setPen(muted_colour)
        painter.drawText(QRect(x, rect.top(), max(0, rect.right() - x), rect.height()), flags, after)


class CandidateListView(QListView):
    """The list, with the pane's keys: Enter, Shift+Enter and Delete act on the current candidate."""

    make_fact = Signal(bool)  # True: and go on to edit it
    dismiss = Signal()
    came_back = Signal()  # the curator came to the list (Ctrl+5, Tab, a click), not the window regaining focus
    pane_keys = PANE_KEYS

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        self.viewport().update()  # the current row goes from full highlight to a pale band

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        super().focusInEvent(event)
        self.viewport().update()
        if event.reason() not in (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason):
            self.came_back.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.make_fact.emit(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentIndex().isValid() \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.dismiss.emit()
            return
        super().keyPressEvent(event)


class _ShowDoneBox(QCheckBox):
    """"Show done", whose Alt+D leaves the keyboard in the list: the mnemonic takes the focus to the
    box, and the Enter and Delete a curator pressed next did nothing."""

    def __init__(self, back_to_list: Callable[[], None]) -> None:
        super().__init__("Show &done", objectName="candidateShowDone")
        self._back_to_list = back_to_list
        self._by_shortcut = False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut:  # Alt+D: the box takes the focus, then toggles
            self._by_shortcut = True
        return super().event(event)

    def nextCheckState(self) -> None:  # noqa: N802 (Qt override)
        super().nextCheckState()
        if self._by_shortcut:
            self._by_shortcut = False
            self._back_to_list()


def _find_candidates(text: str, published: str | None) -> object:
    """The text's candidates, or a message when its publication date cannot be read."""
    try:
        return find_values(text, published)
    except ValueError as error:  # a publication date that is not an ISO date
        return str(error)


# Candidates per piece a worker process sends back. The 1 MB source's 21-24k candidates came back as
# one pickle of 2.2 MB, and unpickling it on the executor's thread of the GUI process held the
# interpreter lock 0.30 s in one call; a piece of 1,000 unpickles in ~12 ms, and a thread unpickling
# piece after piece lets the GUI thread in between.
_CANDIDATES_PER_PIECE = 1000


def _find_candidates_in_pieces(text: str, published: str | None) -> object:
    """In the worker process: `_find_candidates`, its list pickled a piece at a time."""
    found = _find_candidates(text, published)
    if isinstance(found, str):
        return found
    assert isinstance(found, list)
    return [pickle.dumps(found[start:start + _CANDIDATES_PER_PIECE], protocol=pickle.HIGHEST_PROTOCOL)
            for start in range(0, len(found), _CANDIDATES_PER_PIECE)]


def _unpickled(pieces: object) -> object:
    """On a thread of the GUI process: the pieces back into one list, one short call at a time."""
    if isinstance(pieces, str):
        return pieces
    assert isinstance(pieces, list)
    found: list = []
    for piece in pieces:
        found += pickle.loads(piece)
    return found


class CandidatesPane(QWidget):
    span_chosen = Signal(int, int, int)  # source id, start, end of the current candidate's figure
    edit_requested = Signal()  # a fact was made with Shift+Enter: go to the fact editor

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("candidatesPane")
        self.setAccessibleName("Candidates")
        self._session = session
        self.source_id: int | None = None
        self._text = ""
        self._published: str | None = None
        self._found: list[FoundValue] = []
        self._candidates: list[ValueCandidate] = []
        self._request = 0
        self._finding = False
        self._stale = False  # the source changed while the pane was hidden: read it when shown
        # The candidate to make current once this source's candidates are listed (the one current when
        # the window last closed, `restore_current`), and whether the list is being put there: then
        # the reader is not sent to it, since it comes back at the place the curator was reading.
        self._wanted: tuple[int, tuple[int, int]] | None = None
        self._quiet = False
        # The statuses of a long text's candidates are read and applied off the GUI thread: for the
        # 1 MB source (24.5k candidates, 10k highlights) reading the highlights' facts took 0.14 s.
        self._statuses = BackgroundReader(session.fact_base.reading, self)

        self.summary = muted(plain_label(word_wrap=True, object_name="candidateSummary"))
        self.order_box = QComboBox(objectName="candidateOrder")
        self.order_box.addItems([_BEST_FIRST, _TEXT_ORDER])
        self.order_box.setToolTip("Best first: money with a date, then percentages, counts, dates, bare numbers")
        self.show_done = _ShowDoneBox(lambda: self.view.setFocus(Qt.FocusReason.OtherFocusReason))
        self.show_done.setToolTip("Also list candidates a fact already cites and those dismissed")
        self.busy = QProgressBar(objectName="candidateProgress")
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.model = CandidateListModel(self)
        self.view = CandidateListView(objectName="candidateList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CandidateDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setAccessibleName("Candidate values")
        self.hint = small_print(muted(plain_label(KEY_HINT, word_wrap=True, object_name="candidateKeys")))

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.order_box)
        controls.addWidget(self.show_done)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addLayout(controls)
        layout.addWidget(self.busy)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)

        self.order_box.currentIndexChanged.connect(lambda _index: self._show_rows())
        self.show_done.toggled.connect(lambda _checked: self._show_rows())
        self.view.make_fact.connect(self.make_fact)
        self.view.dismiss.connect(self.toggle_dismissal)
        self.view.clicked.connect(lambda index: self._reveal(index))
        self.view.doubleClicked.connect(lambda _index: self.make_fact(False))
        # Back from the fact editor (Ctrl+5) or the text, the reader shows the candidate Enter acts on.
        self.view.came_back.connect(lambda: self._reveal(self.view.currentIndex()))
        self.view.selectionModel().currentChanged.connect(lambda current, _previous: self._reveal(current))
        session.changed.connect(self._on_changes)
        self._say_empty()

    # -- what is shown -------------------------------------------------------------------------

    @property
    def candidates(self) -> list[ValueCandidate]:
        return list(self._candidates)

    @property
    def finding(self) -> bool:
        """Whether the candidates, or their statuses, are being found."""
        return self._finding or self._statuses.pending()

    def restore_current(self, source_id: int, figure: tuple[int, int]) -> None:
        """Make the candidate of this figure (code points) current once `source_id`'s candidates are
        listed, or the first one when it is gone or done; the reader is not moved to it."""
        self._wanted = (source_id, figure)

    def remembered_current(self) -> tuple[int, int] | None:
        """The current candidate's figure (start, end), to remember at quit: the one still to be made
        current when the list has not been read yet (its dock never shown since the launch)."""
        if self._wanted is not None and self._wanted[0] == self.source_id:
            return self._wanted[1]
        current = self.current()
        return _key(current) if current is not None else None

    def show_source(self, source_id: int | None) -> None:
        if self._wanted is not None and self._wanted[0] != source_id:
            self._wanted = None  # another source was chosen before the candidates were listed
        if source_id == self.source_id and not self._stale:
            return
        self.source_id = source_id
        self._drop_finding()
        self._found, self._candidates = [], []
        self.model.set_rows("", [])
        if source_id is None:
            self._text, self._published = "", None
            self._say_empty()
            return
        self._read_source()

    def _read_source(self) -> None:
        assert self.source_id is not None
        with self._session.fact_base.reading() as conn:
            row = queries.source_row(conn, self.source_id)
        if row is None:
            self.source_id = None
            self._say_empty()
            return
        self._text, self._published = row.text, row.published
        if not self.isVisible():
            self._stale = True  # read when the pane is shown: hidden panes do no work
            return
        self._stale = False
        self._request += 1
        self._finding = True
        self.busy.show()
        self.summary.setText(f"Finding figures and dates in {len(self._text):,} characters…")
        request = self._request
        # Off the GUI thread; the answer comes back on the GUI thread, dropped if the pane is gone.
        if len(self._text) <= FIND_ON_A_THREAD_UP_TO and not worker_process_idle():
            compute_off_gui_thread(self, _find_candidates, (self._text, self._published),
                                   lambda result: self._on_found(request, result))
            return

        def sent_back(pieces: object) -> None:
            if request == self._request:
                compute_off_gui_thread(self, _unpickled, (pieces,), lambda result: self._on_found(request, result))

        compute_in_another_process(self, _find_candidates_in_pieces, (self._text, self._published), sent_back)

    def stop(self) -> None:
        """The window is closing: a finding still running is dropped when it arrives, so nothing
        reads the fact base after it was closed (its file may be gone by then)."""
        self._drop_finding()
        self._stale = False
        self._statuses.stop()

    def _drop_finding(self) -> None:
        """Whatever finding is under way is for a text no longer shown: its answer is dropped when it
        comes (it would list the old text's figures as the new source's) and the pane stops saying it
        is busy."""
        self._request += 1
        self._finding = False
        self.busy.hide()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale and self.source_id is not None:
            self._read_source()

    def _on_found(self, request: int, result: object) -> None:
        if request != self._request or self._session.closed:
            return  # an older text's answer, or one for a window closed meanwhile (its file may be gone)
        self._finding = False
        self.busy.hide()
        if isinstance(result, str):
            self._found = []
            self.summary.setText(f"This source's publication date could not be read ({result}).")
            return
        assert isinstance(result, list)
        self._found, self._candidates = result, []  # nothing of an earlier text counts as brought back
        self._refresh_statuses()

    def _refresh_statuses(self) -> None:
        if self.source_id is None:
            return
        if len(self._text) > FIND_ON_A_THREAD_UP_TO:
            source_id, found, text, request = self.source_id, self._found, self._text, self._request

            def read(conn, _report) -> list[ValueCandidate]:
                return with_status(found, text, source_marks(conn, source_id))

            def read_done(candidates: list[ValueCandidate]) -> None:
                if request == self._request and self.source_id == source_id:
                    self._take_statuses(candidates)

            self._statuses.request("statuses", read, read_done)
            return
        with self._session.fact_base.reading() as conn:
            marks: SourceMarks = source_marks(conn, self.source_id)
        self._take_statuses(with_status(self._found, self._text, marks))

    def _take_statuses(self, candidates: list[ValueCandidate]) -> None:
        """Show the candidates with their new statuses. One that was done (cited or dismissed) and is
        to look at again (Ctrl+Z of a dismissal or of a draft fact) becomes the current one while the
        curator works in the list: before, the list stayed on the next candidate and the one brought
        back sat somewhere above it, unselected and unseen in the text."""
        done = (CandidateStatus.CITED, CandidateStatus.DISMISSED)
        was_done = {_key(c) for c in self._candidates if c.status in done}
        self._candidates = candidates
        reopened = {_key(c) for c in candidates if c.status not in done and _key(c) in was_done}
        self._show_rows(reopened)

    def _show_rows(self, reopened: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset()) -> None:
        """Sort and filter into the list, keeping the current candidate, or its row when it left;
        going to the best of `reopened` (candidates to look at again) when the list has the focus."""
        previous_row = self.view.currentIndex().row()
        current = self.model.candidate(previous_row)
        # A figure in the sentence of a fact stating another one stays to look at ("exports US$32 billion,
        # imports US$7.6 billion": two facts from one sentence).
        done = (CandidateStatus.CITED, CandidateStatus.DISMISSED)
        rows = [c for c in self._candidates if self.show_done.isChecked() or c.status not in done]
        if self.order_box.currentText() == _BEST_FIRST:
            rows.sort(key=lambda c: (-c.found.score, c.found.start))
        self.model.set_rows(self._text, rows)
        self._say_counts()
        row = next((n for n, c in enumerate(rows) if _key(c) in reopened), None) if self.view.hasFocus() else None
        if row is None and current is not None:
            row = self.model.row_of(current.found.start, current.found.end)
        if row is None and rows and (previous_row >= 0 or self.view.hasFocus()):
            row = min(max(previous_row, 0), len(rows) - 1)
        if self._wanted is not None and self._wanted[0] == self.source_id and self._candidates:
            wanted_row = self.model.row_of(*self._wanted[1])
            self._wanted = None
            self._quiet = True
            try:
                self.view.setCurrentIndex(self.model.index(wanted_row if wanted_row is not None else 0))
            finally:
                self._quiet = False
            return
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row))

    def _say_empty(self) -> None:
        self.summary.setText("Open a source to list the figures, dates and ranges in it.")
        self.hint.setVisible(False)

    def _say_counts(self) -> None:
        total = len(self._candidates)
        if not total:
            self.summary.setText("No figures or dates found in this source.")
            self.hint.setVisible(False)
            return
        counted = {status: sum(c.status is status for c in self._candidates) for status in CandidateStatus}
        to_do = counted[CandidateStatus.NEW] + counted[CandidateStatus.IN_EVIDENCE]
        parts = [f"{to_do:,} to look at" if to_do else "all done", f"{counted[CandidateStatus.CITED]:,} cited"]
        if counted[CandidateStatus.DISMISSED]:
            parts.append(f"{counted[CandidateStatus.DISMISSED]:,} dismissed")
        self.summary.setText(f"{total:,} candidates: " + ", ".join(parts) + ".")
        self.hint.setVisible(not self._session.read_only)

    # -- acting --------------------------------------------------------------------------------

    def current(self) -> ValueCandidate | None:
        return self.model.candidate(self.view.currentIndex().row())

    def make_fact(self, then_edit: bool = False) -> None:
        """A draft fact from the current candidate, its sentence as evidence; then the next candidate."""
        candidate, row = self.current(), self.view.currentIndex().row()
        if candidate is not None and candidate.status is CandidateStatus.CITED and candidate.fact_id is not None:
            self._go_to_fact(candidate.fact_id, then_edit)
            return
        if candidate is None or self.source_id is None or self._refused_read_only():
            return
        source_id, found = self.source_id, candidate.found
        changes = self._session.perform(lambda fb: fb.create_fact_from_candidate(
            source_id, found.sentence_start, found.sentence_end, found.value))
        if changes is None:
            return
        self._step_after(row)
        if then_edit:
            fact_ids = changes.inserted.get("fact", set())
            drafted = f"Fact #{min(fact_ids)}" if fact_ids else "The fact"
            self._session.said.emit(f"{drafted} drafted from the candidate: give it a subject and property, "
                                    "then Ctrl+5 to go back to the candidates.")
            self.edit_requested.emit()
            return
        # The window selected the new fact, and the reader marked its evidence, dropping the figure's
        # selection: the next candidate, the one Enter now acts on, was left unseen in the text.
        self._reveal(self.view.currentIndex())

    def _go_to_fact(self, fact_id: int, then_edit: bool) -> None:
        """Enter on a cited candidate (listed with Show done) shows the fact citing it: it used to draft
        a second fact stating the same figure from the same sentence, a duplicate to find and delete."""
        self._session.select_fact(fact_id)
        if then_edit:
            self._session.said.emit(f"Fact #{fact_id} already cites this figure: edit it, then Ctrl+5 to go "
                                    "back to the candidates.")
            self.edit_requested.emit()
            return
        self._session.said.emit(f"Fact #{fact_id} already cites this figure; it is shown in the fact editor "
                                "(Shift+Enter edits it).")

    def toggle_dismissal(self) -> None:
        """Dismiss the current candidate (it is no fact), or bring a dismissed one back."""
        candidate, row = self.current(), self.view.currentIndex().row()
        if candidate is None or self.source_id is None or self._refused_read_only():
            return
        source_id, found = self.source_id, candidate.found
        if candidate.dismissal_id is not None:
            dismissal_id = candidate.dismissal_id
            changes = self._session.perform(lambda fb: fb.restore_candidate(dismissal_id))
        else:
            changes = self._session.perform(lambda fb: fb.dismiss_candidate(source_id, found.start, found.end))
        if changes is not None:
            self._step_after(row)

    def _step_after(self, row: int) -> None:
        """Move on from the candidate just handled: when it stays listed (Show done), to the next one
        still to look at, past the cited and dismissed ones listed with it (to the first from the top
        when none is left below); when it left the list, the next one already took its row."""
        done = (CandidateStatus.CITED, CandidateStatus.DISMISSED)
        handled = self.model.candidate(row)
        if handled is None or handled.status not in done:
            return
        count = self.model.rowCount()
        to_look_at = [n for n in [*range(row + 1, count), *range(row)] if self.model.candidate(n).status not in done]
        self.view.setCurrentIndex(self.model.index(to_look_at[0] if to_look_at else min(row + 1, count - 1)))

    def _refused_read_only(self) -> bool:
        if self._session.read_only:
            self._session.failed.emit("This fact base is open read-only; candidates cannot be turned into facts "
                                      "or dismissed here.")
            return True
        return False

    def _reveal(self, index: QModelIndex) -> None:
        if self._quiet:
            return
        candidate = self.model.candidate(index.row()) if index.isValid() else None
        if candidate is not None and self.source_id is not None:
            self.span_chosen.emit(self.source_id, candidate.found.start, candidate.found.end)

    # -- keeping up with the fact base ---------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        if self.source_id is None:
            return
        if self.source_id in changes.deleted.get("source", set()):
            self.show_source(None)
            return
        if self.source_id in changes.touched("source"):
            with self._session.fact_base.reading() as conn:
                row = queries.source_row(conn, self.source_id)
            if row is not None and (row.text, row.published) != (self._text, self._published):
                # A new revision, or a publication date entered: the values read differently now.
                self._read_source()
                return
        if changes.affects("evidence", "fact", "dismissed_candidate") and not self._finding:
            self._refresh_statuses()
