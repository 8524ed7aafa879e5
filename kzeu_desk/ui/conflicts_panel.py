"""The Conflicts panel: a queue of open conflicts and, for the current one, its member facts side
by side with their evidence, and the controls that settle it.

Built for a curator working through the queue from the keyboard: type why in the rationale field,
press Alt+N to prefer card N (Ctrl+Alt+N to reject it), and the panel moves on to the next open
conflict by itself. F8 / Shift+F8 (bound by the main window) walk the queue.

Everything shown from the data (explanations, quotes, titles, values) goes through plain-text
widgets or QTextCursor.insertText, never through HTML (docs/ARCHITECTURE.md, trap 3).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QComboBox, QDialog, QFrame, QHBoxLayout, QLabel, QLineEdit, QListView,
    QPushButton, QScrollArea, QSplitter, QStackedWidget, QVBoxLayout, QWidget,
)

from kzeu_desk.core import conflict_queue
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.service import FactBase
from kzeu_desk.ui.conflict_card import ConflictCard
from kzeu_desk.ui.conflict_keys import DISMISS_KEY, NUMBERED_CARDS, PREFER_KEYS, REJECT_KEYS, SCOPE_KEY, shortcut_text
from kzeu_desk.ui.conflict_queue_model import (
    CONFLICT_ID_ROLE, ConflictQueueModel, TwoLineRows, conflict_title,
)
from kzeu_desk.ui.plain_text import plain_label
from kzeu_desk.ui.popup_filled_combo import PopupFilledCombo
from kzeu_desk.ui.scope_dialog import ScopeDialog
from kzeu_desk.ui.session import Session
from kzeu_desk.ui.text_styles import PROBLEM_STYLE, muted, scaled_font

EMPTY_QUEUE_TEXT = ("No open conflicts. Conflicts appear here when two facts about the same subject and "
                    "property disagree.")
RATIONALE_PLACEHOLDER = "Why? (required — recorded with the decision)"
RATIONALE_REQUIRED = "Write why first: the rationale is recorded with the decision."
READ_ONLY_NOTICE = "This fact base is open read-only: conflicts can be reviewed here but not settled."

# A change to any of these can add, remove or alter a conflict or what its cards show.
_SHOWN_TABLES = ("conflict", "conflict_member", "fact", "evidence", "source", "entity", "property")


def count_text(shown: int, total: int, filtered: bool) -> str:
    noun = "open conflict" if total == 1 else "open conflicts"
    if total == 0:
        return "No open conflicts"
    if filtered:
        return f"{shown:,} of {total:,} {noun}"
    return f"{total:,} {noun}"


class RationaleEdit(QLineEdit):
    """Lets Ctrl+Z reach the app's undo when there is no typing of its own to undo, so "settle,
    then Ctrl+Z" undoes the decision even though focus stayed here (docs/ARCHITECTURE.md, trap 14)."""

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
    rationale_message: QLabel  # made after the rationale field whose edits hide it

    def __init__(self, session: Session, parent: QWidget | None = None, *, defer_while_hidden: bool = False):
        """`defer_while_hidden`: a panel tabbed behind another reads the queue when it is raised, not
        at start-up and after every edit (1.1 s each at 1M facts)."""
        super().__init__(parent)
        self.setObjectName("conflictsPanel")
        self.setAccessibleName("Conflicts")
        self._session = session
        self._writable = not session.read_only
        self._detail: conflict_queue.ConflictDetail | None = None
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
        self.source_filter = PopupFilledCombo(self._list_conflict_sources)
        self._filter_combo("sourceFilter", "Filter by source", "All sources", self.source_filter)
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
        self.title_label.setFont(scaled_font(self.title_label, 1.15, bold=True))
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
        self.rationale_message.setStyleSheet(PROBLEM_STYLE)
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
        self.read_only_label = muted(plain_label(READ_ONLY_NOTICE, word_wrap=True, object_name="readOnlyNotice"))
        buttons.addWidget(self.read_only_label, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.scope_button)
        buttons.addWidget(self.dismiss_button)
        column.addLayout(buttons)
        self.detail_stack.addWidget(page)
        self._detail_page = page

    def _build_shortcuts(self) -> None:
        def bind(key: str, slot: Callable[[], object], what: str) -> QShortcut:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setWhatsThis(what)  # Help > Keyboard shortcuts lists it by this name
            # Only while the panel has focus: Alt+1 in the source text must not settle a conflict.
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            return shortcut

        self.resolution_shortcuts: list[QShortcut] = []
        for number in range(1, NUMBERED_CARDS + 1):
            self.resolution_shortcuts.append(bind(PREFER_KEYS[number - 1], partial(self.prefer_card, number),
                                                  f"Prefer the fact on card {number}"))
            self.resolution_shortcuts.append(bind(REJECT_KEYS[number - 1], partial(self.reject_card, number),
                                                  f"Reject the fact on card {number}"))
        self.resolution_shortcuts.append(bind(DISMISS_KEY, self.dismiss_current_conflict,
                                              "Not a conflict: dismiss it"))
        self.resolution_shortcuts.append(bind(SCOPE_KEY, self.scope_current_conflict,
                                              "Scope…: the facts hold at different times or places"))

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
        self._refill(self.source_filter, [(row.title, row.id) for row in sources])

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
        self._total_open = counts.open
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

    def _fill_filters(self, choices: conflict_queue.ConflictFilterChoices) -> None:
        self._refill(self.property_filter, [(row.name, row.id) for row in choices.properties])
        self.source_filter.mark_stale()
        self._refill(self.rule_filter, [(row.name, row.rule) for row in choices.rules])

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
        conflict = detail.conflict
        if conflict.id != self._shown_conflict_id:
            self.rationale_message.hide()
        self._shown_conflict_id = conflict.id
        self.title_label.setText(conflict_title(self.model.conflict_at(self.view.currentIndex().row()) or conflict))
        self.explanation_label.setText(conflict.explanation)
        members = detail.members
        member_ids = [member.fact_id for member in members]
        if self._chosen_fact_id not in member_ids:
            self._chosen_fact_id = self._session.selected_fact if self._session.selected_fact in member_ids else None
        for number, member in enumerate(members, start=1):
            card = ConflictCard(number, member, member_count=len(members), writable=self._writable)
            card.set_chosen(member.fact_id == self._chosen_fact_id)
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
        conflict_id = self._detail.conflict.id
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
