"""The Conflicts panel: a queue of open conflicts and, for the current one, its member facts side
by side with their evidence, and the controls that settle it.

Built for a curator working through the queue from the keyboard: type why in the rationale field,
press Alt+N to prefer card N (Ctrl+Alt+N to reject it), and the panel moves on to the next open
conflict by itself. F8 / Shift+F8 (bound by the main window) walk the queue.

Everything shown from the data (explanations, quotes, titles, values) goes through plain-text
widgets or QTextCursor.insertText, never through HTML (NOTES.md trap 3).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel, QEvent, QItemSelectionModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFocusEvent, QFont, QKeyEvent, QKeySequence, QMouseEvent, QPalette, QShortcut, QShowEvent, QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QComboBox, QDialog, QDialogButtonBox, QFrame, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QListView, QPushButton, QScrollArea, QSizePolicy, QSplitter, QStackedWidget,
    QStyledItemDelegate, QStyleOptionViewItem, QTextEdit, QVBoxLayout, QWidget,
)

from kzeu_desk.core import conflict_queue
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.errors import InvalidEdit
from kzeu_desk.core.service import FactBase
from kzeu_desk.ui.plain_text import plain_label, plain_tooltip
from kzeu_desk.ui.session import Session

EMPTY_QUEUE_TEXT = ("No open conflicts. Conflicts appear here when two facts about the same subject and "
                    "property disagree.")
RATIONALE_PLACEHOLDER = "Why? (required — recorded with the decision)"
RATIONALE_REQUIRED = "Write why first: the rationale is recorded with the decision."
READ_ONLY_NOTICE = "This fact base is open read-only: conflicts can be reviewed here but not settled."

CONFLICT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1

# Alt+digit and Ctrl+Alt+digit address cards 1-9; a tenth card is reached with Tab and the buttons.
NUMBERED_CARDS = 9
PREFER_KEYS = tuple(f"Alt+{number}" for number in range(1, NUMBERED_CARDS + 1))
REJECT_KEYS = tuple(f"Ctrl+Alt+{number}" for number in range(1, NUMBERED_CARDS + 1))
DISMISS_KEY = "Ctrl+Shift+D"
SCOPE_KEY = "Ctrl+Shift+S"

# A change to any of these can add, remove or alter a conflict or what its cards show.
_SHOWN_TABLES = ("conflict", "conflict_member", "fact", "evidence", "source", "entity", "property")
_PROBLEM_STYLE = "color: #e53935;"
_CARD_STYLE = (
    "QFrame#conflictCard { border: 1px solid palette(mid); border-radius: 4px; }"
    " QFrame#conflictCard[chosen=\"true\"] { border: 2px solid palette(highlight); }"
)
_CARD_MIN_WIDTH = 250
_VALUE_FONT_SCALE = 1.35
_WHITESPACE_RUN = re.compile(r"\s+")


def shortcut_text(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def conflict_title(row: dict) -> str:
    """"Kazakhstan · diplomatic relations established — value conflict"."""
    subject = row.get("subject_name") or "(no subject)"
    prop = row.get("property_name") or "(no property)"
    return f"{subject} · {prop} — {conflict_queue.RULE_WORDS.get(row['rule'], row['rule'])}"


def count_text(shown: int, total: int, filtered: bool) -> str:
    noun = "open conflict" if total == 1 else "open conflicts"
    if total == 0:
        return "No open conflicts"
    if filtered:
        return f"{shown:,} of {total:,} {noun}"
    return f"{total:,} {noun}"


def _muted(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    return label


def _scaled_font(widget: QWidget, scale: float, *, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(6.0, font.pointSizeF() * scale))
    font.setBold(bold)
    return font


def _one_line(text: str) -> str:
    # Context around a quote may span line breaks; in a card it reads as one running sentence.
    return _WHITESPACE_RUN.sub(" ", text)


# --------------------------------------------------------------------------------------------
# The queue
# --------------------------------------------------------------------------------------------


class PopupFilledCombo(QComboBox):
    """A combo box whose items are read when its list is opened: the sources with open conflicts
    number in the thousands in a large fact base, and the queue is re-read after every decision."""

    def __init__(self, fill: Callable[[], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._fill = fill
        self._stale = True

    def mark_stale(self) -> None:
        self._stale = True

    def ensure_filled(self) -> None:
        if self._stale:
            self._stale = False
            self._fill()

    def showPopup(self) -> None:
        self.ensure_filled()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.ensure_filled()  # arrow keys step through the items without opening the list
        super().focusInEvent(event)


class TwoLineRows(QStyledItemDelegate):
    """Every queue row two lines high, so the view can lay out 10k conflicts without measuring each
    title (4 s at 1M facts); a longer title is elided and shown whole in the tooltip."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        lines = option.fontMetrics.lineSpacing() * 2
        return QSize(option.rect.width(), lines + 8)


class ConflictQueueModel(QAbstractListModel):
    """Open conflicts as rows; the panel reloads it whole (a queue holds hundreds, not millions)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[dict] = []
        self._titles: list[str] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._titles = [conflict_title(row) for row in rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._titles[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{self._titles[index.row()]}\n{row['explanation']}")
        if role == CONFLICT_ID_ROLE:
            return row["id"]
        return None

    def row_of(self, conflict_id: int | None) -> int | None:
        for number, row in enumerate(self._rows):
            if row["id"] == conflict_id:
                return number
        return None

    def conflict_at(self, row: int) -> dict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


# --------------------------------------------------------------------------------------------
# Cards
# --------------------------------------------------------------------------------------------


class EvidenceQuote(QTextEdit):
    """A quote in its context: prefix muted, quote emphasised, suffix muted, as one wrapped paragraph.

    Text goes in through QTextCursor.insertText with char formats, so nothing in a source is ever
    read as markup. A click (that did not select text) or Enter activates the quote.
    """

    activated = Signal()

    def __init__(self, prefix: str, quote: str, suffix: str, *, text_continues_before: bool = True,
                 text_continues_after: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("evidenceQuote")
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.viewport().setAutoFillBackground(False)
        self.setAccessibleName("Evidence quote")
        self.setAccessibleDescription("Press Enter to show this quote in its source")

        muted = QTextCharFormat()
        muted.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        emphasised = QTextCharFormat()
        emphasised.setFontWeight(QFont.Weight.Bold)
        emphasised.setForeground(self.palette().color(QPalette.ColorRole.Text))
        cursor = QTextCursor(self.document())
        cursor.insertText(("…" if text_continues_before else "") + _one_line(prefix), muted)
        cursor.insertText(_one_line(quote), emphasised)
        cursor.insertText(_one_line(suffix) + ("…" if text_continues_after else ""), muted)
        # The document re-lays out at the viewport's width; the widget follows its height, so the card,
        # not this editor, scrolls. A height change never changes the width: no feedback loop.
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height()

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        needed = math.ceil(self.document().size().height()) + margins.top() + margins.bottom()
        # Compared with the fixed height asked for, not height(): before the first layout they differ.
        if needed != self.maximumHeight():
            self.setFixedHeight(needed)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        # Dragging to copy part of the quote should not also jump to the source.
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.activated.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.activated.emit()
            return
        super().keyPressEvent(event)


class ConflictCard(QFrame):
    """One member fact: value, qualifiers, status and rank, agreement, evidence, and its decisions."""

    chosen = Signal(int)  # fact id: the curator clicked into or tabbed into this card
    prefer_requested = Signal(int)
    reject_requested = Signal(int)
    merge_requested = Signal(int)
    evidence_activated = Signal(int, int, int)  # source_id, start, end (code points)

    def __init__(self, number: int, member: dict, *, member_count: int, writable: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.number = number
        self.fact_id: int = member["fact_id"]
        self.setObjectName("conflictCard")
        self.setAccessibleName(f"Fact {number}: {member['value']}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(_CARD_STYLE)
        self.setProperty("chosen", False)
        self.setMinimumWidth(_CARD_MIN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 10, 8)
        column.setSpacing(4)
        header = _muted(plain_label(f"{number} · fact #{self.fact_id}", object_name="cardHeader"))
        column.addWidget(header)

        self.value_label = plain_label(member["value"], word_wrap=True, selectable=True, object_name="cardValue")
        self.value_label.setFont(_scaled_font(self.value_label, _VALUE_FONT_SCALE, bold=True))
        column.addWidget(self.value_label)

        qualifiers = member["qualifiers"]
        qualifier_text = " · ".join(
            f"{conflict_queue.QUALIFIER_FIELDS[column_name]}: {shown}" for column_name, shown in qualifiers.items()
        ) or "No time qualifiers"
        self.qualifiers_label = plain_label(qualifier_text, word_wrap=True, selectable=True,
                                             object_name="cardQualifiers")
        if not qualifiers:
            _muted(self.qualifiers_label)
        column.addWidget(self.qualifiers_label)

        self.status_label = _muted(plain_label(f"{member['status']} · {member['rank']} rank",
                                                object_name="cardStatus"))
        column.addWidget(self.status_label)

        self.agreement_label = plain_label(_agreement_text(member), object_name="cardAgreement")
        self.agreement_label.setVisible(bool(self.agreement_label.text()))
        if member["agreeing_fact_count"] > 1:
            others = ", ".join(f"#{i}" for i in member["agreeing_fact_ids"] if i != self.fact_id)
            self.agreement_label.setToolTip(plain_tooltip(f"Facts that state a compatible value: {others}"))
        column.addWidget(self.agreement_label)

        self.quotes: list[EvidenceQuote] = []
        for evidence in member["evidence"]:
            quote = EvidenceQuote(
                evidence["prefix"], evidence["quote"], evidence["suffix"],
                # The stored context is cut at a fixed width; an ellipsis marks only a real cut.
                text_continues_before=evidence["start"] > len(evidence["prefix"]),
                text_continues_after=evidence["end"] + len(evidence["suffix"]) < evidence["source_char_count"])
            quote.setToolTip(plain_tooltip(f"{evidence['source_title']}, characters {evidence['start']}–"
                                           f"{evidence['end']}\nClick or press Enter to show it in the source."))
            span = (evidence["source_id"], evidence["start"], evidence["end"])
            quote.activated.connect(lambda span=span: self.evidence_activated.emit(*span))
            self.quotes.append(quote)
            column.addWidget(quote)
            published = evidence["source_published_text"] or "date not stated"
            source_line = _muted(plain_label(f"— {evidence['source_title']}, {published}", word_wrap=True,
                                              object_name="cardSource"))
            column.addWidget(source_line)
        if not member["evidence"]:
            column.addWidget(_muted(plain_label("No evidence recorded for this fact.", word_wrap=True)))
        column.addStretch(1)

        buttons = QHBoxLayout()
        numbered = number <= NUMBERED_CARDS
        self.prefer_button = QPushButton("Prefer")
        self.prefer_button.setObjectName("preferButton")
        self.prefer_button.setToolTip(
            "Prefer this fact: it becomes preferred, the others deprecated (kept)"
            + (f" ({shortcut_text(PREFER_KEYS[number - 1])})" if numbered else ""))
        self.reject_button = QPushButton("Reject")
        self.reject_button.setObjectName("rejectButton")
        self.reject_button.setToolTip(
            "Reject this fact: the source got it wrong"
            + (f" ({shortcut_text(REJECT_KEYS[number - 1])})" if numbered else ""))
        self.merge_button = QPushButton("Merge here")
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setToolTip("These facts are duplicates: keep this one, move the others' evidence to it "
                                     "and mark them duplicates (deprecated)")
        for button, signal in ((self.prefer_button, self.prefer_requested), (self.reject_button, self.reject_requested),
                               (self.merge_button, self.merge_requested)):
            button.setAccessibleName(f"{button.text().replace('&&', '&')} fact {number}")
            button.clicked.connect(lambda _checked=False, signal=signal: signal.emit(self.fact_id))
            button.setEnabled(writable)
            buttons.addWidget(button)
        self.merge_button.setEnabled(writable and member_count > 1)
        buttons.addStretch(1)
        # Decisions sit right under the card's title, so they stay visible however long the quotes are.
        column.insertLayout(1, buttons)

        # Labels and quotes take mouse presses and focus themselves; any of them picks the card.
        for child in self.findChildren(QWidget):
            child.installEventFilter(self)

    def set_chosen(self, chosen: bool) -> None:
        if self.property("chosen") == chosen:
            return
        self.setProperty("chosen", chosen)
        # A dynamic property only restyles after the style sheet is re-applied to the widget.
        self.style().unpolish(self)
        self.style().polish(self)

    def is_chosen(self) -> bool:
        return bool(self.property("chosen"))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.chosen.emit(self.fact_id)
        super().mousePressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.FocusIn):
            self.chosen.emit(self.fact_id)
        return False


def _agreement_text(member: dict) -> str:
    facts, sources = member["agreeing_fact_count"], member["agreeing_source_count"]
    if sources > 1:
        return f"{sources} sources agree"
    if facts > 1:
        return f"{facts} facts agree"
    return ""


# --------------------------------------------------------------------------------------------
# Scope dialog
# --------------------------------------------------------------------------------------------


class ScopeDialog(QDialog):
    """Give member facts different times so they no longer describe the same moment.

    The fields start with what is stored; only changed fields are sent. Reading the typed dates is
    `conflict_queue.scope_edits`; this dialog only collects text and shows its one-sentence problems.
    """

    _COLUMNS = ("point_in_time", "start_time", "end_time", "scope_note")
    _PLACEHOLDERS = {"point_in_time": "e.g. 2022", "start_time": "e.g. 2021-01", "end_time": "e.g. 2022-09",
                     "scope_note": "e.g. first 9 months"}

    def __init__(self, detail: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scopeDialog")
        self.setWindowTitle("Scope facts")
        self.setAccessibleName("Scope facts")
        self._members = detail["members"]
        self._current = {member["fact_id"]: member["scope"] for member in self._members}
        self._fields: dict[tuple[int, str], QLineEdit] = {}
        self._edits: dict[int, dict[str, str | None]] = {}

        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(
            "Give each fact the time it describes, so they no longer overlap. Dates like 2022, "
            "March 2022 or 2 March 2022; leave a field empty to clear it.", word_wrap=True))
        grid = QGridLayout()
        for column_number, title in enumerate(("Fact", *(conflict_queue.QUALIFIER_FIELDS[c].capitalize()
                                                          for c in self._COLUMNS))):
            grid.addWidget(plain_label(title), 0, column_number)
        for row_number, member in enumerate(self._members, start=1):
            fact_text = f"{row_number} · {member['value']}"
            fact_label = plain_label(fact_text)
            fact_label.setToolTip(plain_tooltip(f"Fact #{member['fact_id']}: {member['value']}"))
            grid.addWidget(fact_label, row_number, 0)
            for column_number, column in enumerate(self._COLUMNS, start=1):
                field = QLineEdit(member["scope"].get(column) or "")
                field.setObjectName(f"scope_{column}_{member['fact_id']}")
                field.setPlaceholderText(self._PLACEHOLDERS[column])
                field.setAccessibleName(f"Fact {row_number} {conflict_queue.QUALIFIER_FIELDS[column]}")
                field.textEdited.connect(lambda _text: self.problem_label.hide())
                self._fields[(member["fact_id"], column)] = field
                grid.addWidget(field, row_number, column_number)
        layout.addLayout(grid)
        self.problem_label = plain_label(word_wrap=True, object_name="scopeProblem")
        self.problem_label.setStyleSheet(_PROBLEM_STYLE)
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Scope facts")
        buttons.accepted.connect(self.accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def field(self, fact_id: int, column: str) -> QLineEdit:
        return self._fields[(fact_id, column)]

    def accept_if_valid(self) -> None:
        typed = {fact_id: {column: self._fields[(fact_id, column)].text() for column in self._COLUMNS}
                 for fact_id in self._current}
        try:
            edits = conflict_queue.scope_edits(self._current, typed)
        except InvalidEdit as problem:
            self._say(str(problem))
            return
        if not edits:
            self._say("Change at least one fact's time or scope note, or cancel.")
            return
        self._edits = edits
        self.accept()

    def scopes(self) -> dict[int, dict[str, str | None]]:
        """What to send to `FactBase.scope_facts`, once the dialog was accepted."""
        return self._edits

    def _say(self, problem: str) -> None:
        self.problem_label.setText(problem)
        self.problem_label.show()


# --------------------------------------------------------------------------------------------
# The panel
# --------------------------------------------------------------------------------------------


class RationaleEdit(QLineEdit):
    """Lets Ctrl+Z reach the app's undo when there is no typing of its own to undo, so "settle,
    then Ctrl+Z" undoes the decision even though focus stayed here (NOTES.md trap 14)."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo)
            if (undo and not self.isUndoAvailable()) or (redo and not self.isRedoAvailable()):
                event.ignore()
                return True
        return super().event(event)


class ConflictsPanel(QWidget):
    """The queue of open conflicts and the one being judged."""

    evidence_activated = Signal(int, int, int)  # source_id, start, end (code points)

    def __init__(self, session: Session, parent: QWidget | None = None, *, defer_while_hidden: bool = False):
        """`defer_while_hidden`: a panel tabbed behind another reads the queue when it is raised, not
        at start-up and after every edit (1.1 s each at 1M facts)."""
        super().__init__(parent)
        self.setObjectName("conflictsPanel")
        self.setAccessibleName("Conflicts")
        self._session = session
        self._writable = not session.read_only
        self._detail: dict | None = None
        self._cards: list[ConflictCard] = []
        self._chosen_fact_id: int | None = None
        self._shown_conflict_id: int | None = None
        self._reloading = False
        self._total_open = 0
        self._defer_while_hidden = defer_while_hidden
        self._stale = True

        self._build_queue()
        self._build_detail()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._queue_box)
        splitter.addWidget(self.detail_stack)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([280, 840])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._build_shortcuts()
        self._apply_read_only()

        session.changed.connect(self._on_changes)
        session.selected_fact_changed.connect(self._on_selected_fact_changed)
        self.reload()

    # -- building ------------------------------------------------------------------------------

    def _build_queue(self) -> None:
        self._queue_box = QWidget()
        column = QVBoxLayout(self._queue_box)
        column.setContentsMargins(0, 0, 0, 0)
        self.property_filter = self._filter_combo("propertyFilter", "Filter by property", "All properties")
        self.source_filter = self._filter_combo("sourceFilter", "Filter by source", "All sources",
                                                PopupFilledCombo(self._list_conflict_sources))
        self.rule_filter = self._filter_combo("ruleFilter", "Filter by kind of conflict", "All kinds")
        for combo in (self.property_filter, self.source_filter, self.rule_filter):
            column.addWidget(combo)
        self.count_label = plain_label(object_name="conflictCount")
        column.addWidget(self.count_label)
        self.model = ConflictQueueModel(self)
        self.view = QListView(objectName="conflictList")
        self.view.setAccessibleName("Open conflicts")
        self.view.setModel(self.model)
        # Titles wrap rather than scroll sideways: the subject and the kind of conflict both matter.
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(True)
        self.view.setItemDelegate(TwoLineRows(self.view))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.view.activated.connect(lambda _index: self.focus_rationale())
        column.addWidget(self.view, 1)

    def _filter_combo(self, name: str, accessible_name: str, everything: str,
                      combo: QComboBox | None = None) -> QComboBox:
        combo = combo or QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible_name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        combo.addItem(everything, None)
        combo.activated.connect(lambda _index: self.reload())
        return combo

    def _build_detail(self) -> None:
        self.detail_stack = QStackedWidget()
        self.empty_label = plain_label(EMPTY_QUEUE_TEXT, word_wrap=True, object_name="conflictsEmptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(24, 24, 24, 24)
        self.detail_stack.addWidget(self.empty_label)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(6, 0, 0, 0)
        self.title_label = plain_label(word_wrap=True, selectable=True, object_name="conflictTitle")
        self.title_label.setFont(_scaled_font(self.title_label, 1.15, bold=True))
        column.addWidget(self.title_label)
        self.explanation_label = plain_label(word_wrap=True, selectable=True, object_name="conflictExplanation")
        column.addWidget(self.explanation_label)

        self.cards_host = QWidget()
        self.cards_layout = QHBoxLayout(self.cards_host)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_scroll = QScrollArea(objectName="conflictCards")
        self.cards_scroll.setWidgetResizable(True)
        self.cards_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.cards_scroll.setWidget(self.cards_host)
        column.addWidget(self.cards_scroll, 1)

        self.rationale_edit = RationaleEdit(objectName="rationaleEdit")
        self.rationale_edit.setPlaceholderText(RATIONALE_PLACEHOLDER)
        self.rationale_edit.setAccessibleName("Rationale")
        self.rationale_edit.setToolTip(
            f"Why you decide this; then {shortcut_text(PREFER_KEYS[0])}…{shortcut_text(PREFER_KEYS[-1])} "
            f"prefers a card, {shortcut_text(REJECT_KEYS[0])}… rejects one")
        self.rationale_edit.textEdited.connect(lambda _text: self.rationale_message.hide())
        column.addWidget(self.rationale_edit)
        self.rationale_message = plain_label(word_wrap=True, object_name="rationaleMessage")
        self.rationale_message.setStyleSheet(_PROBLEM_STYLE)
        self.rationale_message.hide()
        column.addWidget(self.rationale_message)

        buttons = QHBoxLayout()
        self.scope_button = QPushButton("Scope…", objectName="scopeButton")
        self.scope_button.setToolTip("The facts describe different times: give them non-overlapping scopes "
                                     f"({shortcut_text(SCOPE_KEY)})")
        self.scope_button.clicked.connect(self.scope_current_conflict)
        self.dismiss_button = QPushButton("Not a conflict", objectName="dismissButton")
        self.dismiss_button.setToolTip("These facts do not really disagree; dismiss the conflict "
                                       f"({shortcut_text(DISMISS_KEY)})")
        self.dismiss_button.clicked.connect(self.dismiss_current_conflict)
        self.read_only_label = _muted(plain_label(READ_ONLY_NOTICE, word_wrap=True, object_name="readOnlyNotice"))
        buttons.addWidget(self.read_only_label, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.scope_button)
        buttons.addWidget(self.dismiss_button)
        column.addLayout(buttons)
        self.detail_stack.addWidget(page)
        self._detail_page = page

    def _build_shortcuts(self) -> None:
        def bind(key: str, slot: Callable[[], object]) -> QShortcut:
            shortcut = QShortcut(QKeySequence(key), self)
            # Only while the panel has focus: Alt+1 in the source text must not settle a conflict.
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            return shortcut

        self.resolution_shortcuts: list[QShortcut] = []
        for number in range(1, NUMBERED_CARDS + 1):
            self.resolution_shortcuts.append(bind(PREFER_KEYS[number - 1], lambda n=number: self.prefer_card(n)))
            self.resolution_shortcuts.append(bind(REJECT_KEYS[number - 1], lambda n=number: self.reject_card(n)))
        self.resolution_shortcuts.append(bind(DISMISS_KEY, self.dismiss_current_conflict))
        self.resolution_shortcuts.append(bind(SCOPE_KEY, self.scope_current_conflict))

    def _apply_read_only(self) -> None:
        for control in (self.rationale_edit, self.scope_button, self.dismiss_button):
            control.setEnabled(self._writable)
        for shortcut in self.resolution_shortcuts:
            shortcut.setEnabled(self._writable)
        self.read_only_label.setVisible(not self._writable)

    # -- public API ----------------------------------------------------------------------------

    @property
    def current_conflict_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(CONFLICT_ID_ROLE) if index.isValid() else None

    @property
    def cards(self) -> list[ConflictCard]:
        return list(self._cards)

    def next_conflict(self) -> None:
        self._ensure_loaded()
        self._step(+1)

    def previous_conflict(self) -> None:
        self._ensure_loaded()
        self._step(-1)

    def show_conflict(self, conflict_id: int) -> bool:
        """Make `conflict_id` current if the (filtered) queue holds it."""
        self._ensure_loaded()
        row = self.model.row_of(conflict_id)
        if row is None:
            return False
        self._set_current_row(row)
        return True

    def focus_rationale(self) -> None:
        if self._writable and self._detail is not None:
            self.rationale_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif self._cards:
            self._cards[0].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def prefer_card(self, number: int) -> bool:
        """Prefer the fact on card `number` (1-based); the others become deprecated."""
        fact_id = self._fact_on_card(number)
        return fact_id is not None and self._settle(
            lambda fb, conflict_id, why: fb.prefer_fact(conflict_id, fact_id, why))

    def reject_card(self, number: int) -> bool:
        fact_id = self._fact_on_card(number)
        return fact_id is not None and self._settle(
            lambda fb, conflict_id, why: fb.reject_fact(conflict_id, fact_id, why))

    def merge_into_card(self, number: int) -> bool:
        """The members are duplicates: keep card `number`'s fact and merge the others into it."""
        fact_id = self._fact_on_card(number)
        return fact_id is not None and self._settle(
            lambda fb, conflict_id, why: fb.merge_facts(conflict_id, fact_id, why))

    def dismiss_current_conflict(self) -> bool:
        return self._settle(lambda fb, conflict_id, why: fb.dismiss_conflict(conflict_id, why))

    def scope_current_conflict(self) -> bool:
        """Ask for each member's time (ScopeDialog), then scope the facts with the rationale."""
        if not self._ready_to_settle():
            return False
        dialog = ScopeDialog(self._detail, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        scopes = dialog.scopes()
        return self._settle(lambda fb, conflict_id, why: fb.scope_facts(conflict_id, scopes, why))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            # A main window shows every dock before it lays out the tabs: wait for the events to settle.
            QTimer.singleShot(0, self._reload_if_on_screen)

    def set_on_screen(self, on_screen: bool) -> None:
        """The dock holding the panel was raised (or hidden): QDockWidget.visibilityChanged."""
        if on_screen:
            self._reload_if_on_screen()

    def _on_screen(self) -> bool:
        # A dock tabbed behind another stays "visible" to Qt, with nothing of it on screen.
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def _reload_if_on_screen(self) -> None:
        if self._stale and self._on_screen():
            self._load()

    def _list_conflict_sources(self) -> None:
        with self._session.fact_base.reading() as conn:
            sources = conflict_queue.conflict_sources(conn)
        self._refill(self.source_filter, [(row["title"], row["id"]) for row in sources])

    def _ensure_loaded(self) -> None:
        if self._stale:
            self._load()

    def reload(self) -> None:
        """Re-read the queue (with the current filters) and the current conflict; keep the current
        conflict if it is still open, otherwise move to the one that followed it. A deferring panel
        off screen only notes that it is out of date."""
        if self._defer_while_hidden and not self._on_screen():
            self._stale = True
        else:
            self._load()

    def _load(self) -> None:
        self._stale = False
        previous_id = self.current_conflict_id
        previous_row = self.view.currentIndex().row()
        filters = self._filters()
        with self._session.fact_base.reading() as conn:
            rows = conflict_queue.open_conflicts(conn, **filters)
            choices = conflict_queue.filter_choices(conn, include_sources=False)
            counts = conflict_queue.conflict_counts(conn)
        self._total_open = counts["open"]
        self._fill_filters(choices)
        self._reloading = True
        try:
            self.model.set_rows(rows)
            row = self.model.row_of(previous_id)
            if row is None and rows:
                # The resolved (or vanished) conflict's successor now sits at its old row; past the end, wrap.
                row = previous_row if 0 <= previous_row < len(rows) else 0
            if row is not None:
                self._set_current_row(row)
        finally:
            self._reloading = False
        self.count_label.setText(count_text(len(rows), self._total_open, any(v is not None for v in filters.values())))
        self._show_current()

    # -- queue ---------------------------------------------------------------------------------

    def _filters(self) -> dict[str, object]:
        return {
            "property_id": self.property_filter.currentData(),
            "source_id": self.source_filter.currentData(),
            "rule": self.rule_filter.currentData(),
        }

    def _fill_filters(self, choices: dict[str, list[dict]]) -> None:
        self._refill(self.property_filter, [(row["name"], row["id"]) for row in choices["properties"]])
        self.source_filter.mark_stale()
        self._refill(self.rule_filter, [(row["name"], row["rule"]) for row in choices["rules"]])

    @staticmethod
    def _refill(combo: QComboBox, entries: list[tuple[str, object]]) -> None:
        chosen_data, chosen_text = combo.currentData(), combo.currentText()
        # A chosen filter with nothing left open stays chosen, so the queue does not silently widen.
        if chosen_data is not None and all(data != chosen_data for _text, data in entries):
            entries = [*entries, (chosen_text, chosen_data)]
        wanted = [(combo.itemText(0), None), *entries]
        present = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
        if wanted == present:
            return
        combo.blockSignals(True)
        try:
            combo.clear()
            for text, data in wanted:
                combo.addItem(text, data)
                combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(0, combo.findData(chosen_data)) if chosen_data is not None else 0)
        finally:
            combo.blockSignals(False)

    def _step(self, direction: int) -> None:
        count = self.model.rowCount()
        if count == 0:
            return
        current = self.view.currentIndex().row()
        if current < 0:
            row = 0 if direction > 0 else count - 1
        else:
            row = (current + direction) % count
        self._set_current_row(row)

    def _set_current_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)

    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._reloading:
            self._show_current()

    # -- detail --------------------------------------------------------------------------------

    def _show_current(self) -> None:
        conflict_id = self.current_conflict_id
        detail = None
        if conflict_id is not None:
            with self._session.fact_base.reading() as conn:
                detail = conflict_queue.conflict_detail(conn, conflict_id)
        focused = QApplication.focusWidget()
        focus_was_in_cards = focused is not None and self.cards_host.isAncestorOf(focused)
        self._clear_cards()
        self._detail = detail
        if detail is None:
            self._show_empty_state()
            return
        conflict = detail["conflict"]
        if conflict["id"] != self._shown_conflict_id:
            self.rationale_message.hide()
        self._shown_conflict_id = conflict["id"]
        self.title_label.setText(conflict_title(self.model.conflict_at(self.view.currentIndex().row()) or conflict))
        self.explanation_label.setText(conflict["explanation"])
        members = detail["members"]
        member_ids = [member["fact_id"] for member in members]
        if self._chosen_fact_id not in member_ids:
            self._chosen_fact_id = self._session.selected_fact if self._session.selected_fact in member_ids else None
        for number, member in enumerate(members, start=1):
            card = ConflictCard(number, member, member_count=len(members), writable=self._writable)
            card.set_chosen(member["fact_id"] == self._chosen_fact_id)
            card.chosen.connect(self._choose_card)
            card.prefer_requested.connect(lambda fact_id: self.prefer_card(self._number_of(fact_id)))
            card.reject_requested.connect(lambda fact_id: self.reject_card(self._number_of(fact_id)))
            card.merge_requested.connect(lambda fact_id: self.merge_into_card(self._number_of(fact_id)))
            card.evidence_activated.connect(self.evidence_activated)
            self.cards_layout.addWidget(card)
            self._cards.append(card)
        self.dismiss_button.setEnabled(self._writable)
        self.scope_button.setEnabled(self._writable and len(members) > 1)
        self.detail_stack.setCurrentWidget(self._detail_page)
        if focus_was_in_cards:
            # The focused card was rebuilt; keep the keyboard inside the panel.
            self.focus_rationale()

    def _show_empty_state(self) -> None:
        self._shown_conflict_id = None
        if self._total_open == 0:
            self.empty_label.setText(EMPTY_QUEUE_TEXT)
        else:
            self.empty_label.setText(f"No open conflicts match these filters ({self._total_open} open in all). "
                                     "Choose “All” in the filters to see them.")
        self.detail_stack.setCurrentWidget(self.empty_label)

    def _clear_cards(self) -> None:
        for card in self._cards:
            self.cards_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        self._cards = []

    def _choose_card(self, fact_id: int) -> None:
        self._chosen_fact_id = fact_id
        for card in self._cards:
            card.set_chosen(card.fact_id == fact_id)
        self._session.select_fact(fact_id)

    def _on_selected_fact_changed(self, fact_id: int | None) -> None:
        # Another pane picked a fact: mark its card if it is one of this conflict's members.
        if any(card.fact_id == fact_id for card in self._cards):
            self._chosen_fact_id = fact_id
            for card in self._cards:
                card.set_chosen(card.fact_id == fact_id)

    def _number_of(self, fact_id: int) -> int:
        for card in self._cards:
            if card.fact_id == fact_id:
                return card.number
        return 0

    def _fact_on_card(self, number: int) -> int | None:
        return self._cards[number - 1].fact_id if 1 <= number <= len(self._cards) else None

    # -- settling ------------------------------------------------------------------------------

    def _ready_to_settle(self) -> bool:
        if not self._writable or self._detail is None:
            return False
        if not self.rationale_edit.text().strip():
            self.rationale_message.setText(RATIONALE_REQUIRED)
            self.rationale_message.show()
            self.rationale_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        return True

    def _settle(self, decide: Callable[[FactBase, int, str], Changes]) -> bool:
        """Run one decision on the current conflict as one undoable action. The refresh its
        `changed` signal triggers drops the settled conflict and makes the next one current."""
        if not self._ready_to_settle():
            return False
        conflict_id = self._detail["conflict"]["id"]
        rationale = self.rationale_edit.text().strip()
        changes = self._session.perform(lambda fb: decide(fb, conflict_id, rationale))
        if changes is None:
            return False
        # setText, unlike clear(), also empties the field's own undo history, so Ctrl+Z goes to the app.
        self.rationale_edit.setText("")
        self.rationale_message.hide()
        return True

    def _on_changes(self, changes: Changes) -> None:
        if changes.affects(*_SHOWN_TABLES):
            self.reload()
