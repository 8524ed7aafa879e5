"""The fact editor: one fact's subject, property, typed value, qualifiers, status, evidence, links
and history, in a compact scrollable form.

Every field edit is one undoable user action, committed when the field loses focus or Enter is
pressed, never per keystroke: a focused QLineEdit takes Ctrl+Z for its own undo (docs/ARCHITECTURE.md, trap 14),
so committing on focus-out keeps the app's undo stack the authority. Edits carry the version the
editor loaded; if the fact moved on meanwhile the service refuses (StaleEdit), the session says why
and the editor reloads.

Imported text (quotes, titles, entity names) is only ever shown as plain text (docs/ARCHITECTURE.md, trap 3).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QApplication, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidgetItem, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget,
)

from kzeu_desk.core import fact_detail, queries
from kzeu_desk.core.changes import Changes
from kzeu_desk.core.qualifiers import fact_qualifiers
from kzeu_desk.core.models import AnchorState, FactRank, FactStatus, LinkKind
from kzeu_desk.core.property_info import KIND_WORDS, PropertyInfo, property_infos, value_for_property, value_problem
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core import value_parsing_on_demand as value_parsing
from kzeu_desk.ui.amount_editor import AmountEditor
from kzeu_desk.ui.background import BackgroundReader
from kzeu_desk.ui.settling_combo import SettlingCombo
from kzeu_desk.ui.date_field import DateField
from kzeu_desk.ui.date_range_field import DateRangeField
from kzeu_desk.ui.entity_field import AliasListModel, EntityField
from kzeu_desk.ui.entity_lookup import EntityLookup
from kzeu_desk.ui.fitted_list import FittedList
from kzeu_desk.ui.form_fields import CommitLineEdit, CommitPlainTextEdit, ProblemLabel
from kzeu_desk.ui.kind_offer import KindOffer
from kzeu_desk.ui.plain_text import local_time, plain_label, plain_tooltip
from kzeu_desk.ui.property_box import PropertyBox
from kzeu_desk.ui.qualifier_editor import QualifierEditor
from kzeu_desk.ui.session import Session
from kzeu_desk.ui.text_styles import small_print

EMPTY_HINT = "Select text in a source and press Ctrl+N to make a fact, or pick a fact in the table."
# A reviewer cannot make facts, so the hint does not invite them to.
READ_ONLY_EMPTY_HINT = "Pick a fact in the facts table to see it here, with its evidence marked in the text."
DELETED_HINT = "This fact no longer exists. Pick another fact in the table."

_ROW_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 4
_KIND_WORDS = KIND_WORDS
_LIST_HEIGHT = 110
_SHOWN_QUOTE = 140  # characters of a quote in the evidence list; the tooltip has all of it


def _section_title(text: str) -> QLabel:
    label = plain_label(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 0)
    return label


def _evidence_anchor_words(evidence: fact_detail.EvidenceDetail) -> tuple[str, str, str]:
    """(marker before the quote, where the span is, what activating it does), by how the span was
    found again after its source was revised."""
    if evidence.anchor_state == AnchorState.ORPHANED:
        return ("⚠ not in current text: ",
                "not found in the current revision (the quote is from an earlier one)",
                "Double-click or press Enter to re-attach, accept or drop it in Evidence to check.")
    if evidence.anchor_state == AnchorState.FUZZY:
        score = f" ({evidence.anchor_score:.0%} alike)" if evidence.anchor_score is not None else ""
        return ("≈ ", f"characters {evidence.start}–{evidence.end}, an approximate match{score}",
                "Double-click or press Enter to show it in the source.")
    return ("", f"characters {evidence.start}–{evidence.end}", "Double-click or press Enter to show it in the source.")


class FactEditor(QWidget):
    """Edits `session.selected_fact`; each committed field is one undoable action."""

    evidence_activated = Signal(int, int, int)  # source_id, start, end (code points)
    evidence_review_requested = Signal(int)  # evidence_id of a span lost from its source's current text

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("factEditor")
        self.setAccessibleName("Fact editor")
        # Focusable, so moving focus here from a field (main window's undo) commits that field.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._session = session
        self._fact_id: int | None = None
        self._row: queries.FactRecord | None = None
        self._version: int | None = None
        self._evidence: list[fact_detail.EvidenceDetail] = []
        self._links: list[fact_detail.LinkDetail] = []
        self._history: list[fact_detail.HistoryEntry] = []
        # The history is read off the GUI thread: with SQLite's cache cold (after a restore, a
        # revision import) reading it for a fact at 1M facts held the window 0.1-0.3 s.
        self._history_reader = BackgroundReader(session.fact_base.reading, self)
        self._acting = False  # inside our own session.perform
        self._last_failure: str | None = None
        self._properties: dict[int, PropertyInfo] = {}
        # A property chosen whose kind the value does not fit: it is stored with the next value entered.
        self._pending_property: PropertyInfo | None = None
        self._entity_model = AliasListModel(self)
        self._entity_lookup = EntityLookup(session, self._entity_model, self)  # 52k aliases at 1M facts
        self._loaded_texts: dict[QLineEdit, str] = {}  # what each plain text field showed when loaded

        self._build()
        self._reload_vocabulary()
        self._apply_read_only()

        session.selected_fact_changed.connect(self._on_selected_fact_changed)
        session.changed.connect(self._on_changed)
        session.failed.connect(self._remember_failure)
        self._show_fact(session.selected_fact)

    # -- public ------------------------------------------------------------------------------

    @property
    def shown_fact_id(self) -> int | None:
        return self._fact_id

    @property
    def shown_version(self) -> int | None:
        return self._version

    def reload(self) -> None:
        """Show the stored state again (after a refresh from disk): vocabulary and the shown fact."""
        self._reload_vocabulary()
        self._show_fact(self._fact_id)

    def focus_subject(self) -> None:
        """Put the cursor in the subject field, ready to type (after "New fact from selection")."""
        if self._fact_id is None:
            return
        self.subject_field.line_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.subject_field.line_edit.selectAll()
        self._scroll.ensureWidgetVisible(self.subject_field)

    def link_to(self, other_fact_id: int, kind: LinkKind | str) -> bool:
        """Link the shown fact to another one as one undoable action; True if it was linked."""
        fact_id = self._fact_id
        if fact_id is None or self._session.read_only:
            return False
        return self._perform(lambda fb: fb.link_facts(fact_id, other_fact_id, kind)) is not None

    def commit_pending_edit(self) -> None:
        """Commit any field holding typing that was not committed yet, as its own action."""
        if self._fact_id is None or self._session.read_only:
            return
        for field in (self.subject_field, self.value_entity_field):
            if field.is_dirty():
                field.commit_typed()
        for date_field in (self.value_date_field, self.value_range_field.first, self.value_range_field.last,
                           *self._qualifier_dates.values()):
            if date_field.is_dirty():
                date_field.commit_typed()
        self.amount_editor.commit_pending()
        if self.value_range_field.is_dirty():
            self.value_range_field.commit_typed()
        for combo in (self.property_combo, self.status_combo, self.rank_combo):
            combo.settle()
        if self.value_text_edit.text() != self._loaded_text(self.value_text_edit):
            self._commit_value_text()
        if self.scope_note_edit.text() != self._loaded_text(self.scope_note_edit):
            self._commit_scope_note()
        if self.note_edit.document().isModified():
            self._commit_note()

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self._stack = QStackedWidget()
        self._hint = plain_label(self._empty_hint(), word_wrap=True)
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint.setObjectName("factEditorHint")
        self._hint.setContentsMargins(16, 16, 16, 16)
        self._stack.addWidget(self._hint)

        form_host = QWidget()
        column = QVBoxLayout(form_host)
        column.setContentsMargins(8, 6, 8, 8)
        column.setSpacing(4)

        self.header = plain_label(selectable=True, word_wrap=True)
        self.header.setAccessibleName("Fact summary")
        header_font = QFont(self.header.font())
        header_font.setBold(True)
        self.header.setFont(header_font)
        self.header_details = small_print(plain_label(selectable=True, word_wrap=True))
        self.notice = ProblemLabel()
        self.notice.setAccessibleName("Editor notice")
        column.addWidget(self.header)
        column.addWidget(self.header_details)
        column.addWidget(self.notice)

        # -- what the fact states
        form = self._new_form()
        self.subject_field = EntityField(self._entity_model, self._entity_lookup.directory, allow_empty=True,
                                         accessible_name="Subject")
        self.subject_field.committed.connect(self._commit_subject)
        self.subject_field.create_requested.connect(lambda name: self._create_entity_and_assign(name, "subject"))
        form.addRow("Subject", self.subject_field)

        self.property_box = PropertyBox()
        self.property_combo = self.property_box.combo
        self.property_box.chosen.connect(self._commit_property)
        self.property_box.create_requested.connect(self._create_property)
        form.addRow("Property", self.property_box)
        self.kind_offer = KindOffer()
        self.kind_offer.keep_requested.connect(self._keep_property)
        self.kind_offer.choose_requested.connect(self._choose_another_property)
        form.addRow(self.kind_offer)

        self.value_stack = QStackedWidget()
        self.value_date_field = DateField("Value date")
        self.value_date_field.committed.connect(self._commit_value_date)
        self.value_date_field.line_edit.textEdited.connect(self._preview_date)
        self.value_range_field = DateRangeField()
        self.value_range_field.committed.connect(self._commit_value_range)
        self.amount_editor = AmountEditor()
        self.amount_editor.committed.connect(lambda value, words: self._commit_value(value, words))
        self.amount_editor.preview_changed.connect(self._show_preview)
        self.value_entity_field = EntityField(self._entity_model, self._entity_lookup.directory, allow_empty=False,
                                              accessible_name="Value entity")
        self.value_entity_field.committed.connect(self._commit_value_entity)
        self.value_entity_field.create_requested.connect(lambda name: self._create_entity_and_assign(name, "value"))
        text_page = QWidget()
        text_layout = QVBoxLayout(text_page)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.setSpacing(2)
        self.value_text_edit = CommitLineEdit()
        self.value_text_edit.setAccessibleName("Value text")
        self.value_text_edit.editingFinished.connect(self._commit_value_text)
        self.value_text_edit.textEdited.connect(
            lambda text: self._show_preview(TypedValue(kind=ValueKind.TEXT, text=text.strip()) if text.strip() else None))
        self.value_text_problem = ProblemLabel()
        text_layout.addWidget(self.value_text_edit)
        text_layout.addWidget(self.value_text_problem)
        self._value_pages: dict[ValueKind, QWidget] = {
            ValueKind.DATE: self.value_date_field,
            ValueKind.DATE_RANGE: self.value_range_field,
            ValueKind.MONEY: self.amount_editor,
            ValueKind.QUANTITY: self.amount_editor,
            ValueKind.COUNT: self.amount_editor,
            ValueKind.PERCENT: self.amount_editor,
            ValueKind.ENTITY: self.value_entity_field,
            ValueKind.TEXT: text_page,
        }
        for page in dict.fromkeys(self._value_pages.values()):
            self.value_stack.addWidget(page)
        # The stack takes the height of the page on show, not of its tallest page.
        self.value_stack.currentChanged.connect(self._fit_value_stack)
        self.value_preview = plain_label(selectable=True, word_wrap=True)
        self.value_preview.setAccessibleName("Value preview")
        self.value_kind_note = small_print(plain_label(word_wrap=True))
        value_box = QWidget()
        value_layout = QVBoxLayout(value_box)
        value_layout.setContentsMargins(0, 0, 0, 0)
        value_layout.setSpacing(2)
        value_layout.addWidget(self.value_stack)
        value_layout.addWidget(self.value_preview)
        value_layout.addWidget(self.value_kind_note)
        self._value_row_label = plain_label("Value")
        form.addRow(self._value_row_label, value_box)
        column.addLayout(form)

        # -- qualifiers
        column.addWidget(_section_title("Qualifiers"))
        form = self._new_form()
        self._qualifier_dates: dict[str, DateField] = {}
        for field_name, title in (("point_in_time", "Point in time"), ("start_time", "Start"), ("end_time", "End")):
            date_field = DateField(title)
            date_field.committed.connect(
                lambda iso, name=field_name, words=title.lower(), problem=date_field.problem: self._update(
                    f"Set {words} to {fact_detail.display_date(iso)}" if iso else f"Clear {words}", problem=problem,
                    **{name: iso}))
            self._qualifier_dates[field_name] = date_field
            form.addRow(title, date_field)
        self.scope_note_edit = CommitLineEdit()
        self.scope_note_edit.setAccessibleName("Scope note")
        self.scope_note_edit.setPlaceholderText("e.g. first nine months only")
        self.scope_note_edit.editingFinished.connect(self._commit_scope_note)
        form.addRow("Scope note", self.scope_note_edit)
        self.qualifier_editor = QualifierEditor(self._perform, self._entity_model, self._entity_lookup.directory)
        form.addRow("Other", self.qualifier_editor)
        column.addLayout(form)

        # -- judgement
        column.addWidget(_section_title("Review"))
        form = self._new_form()
        self.status_combo = SettlingCombo()
        self.status_combo.setAccessibleName("Status")
        for status in FactStatus:
            self.status_combo.addItem(status.value, status.value)
        self.status_combo.settled.connect(self._commit_status)
        self.rank_combo = SettlingCombo()
        self.rank_combo.setAccessibleName("Rank")
        for rank in FactRank:
            self.rank_combo.addItem(rank.value, rank.value)
        self.rank_combo.settled.connect(self._commit_rank)
        judgement = QWidget()
        judgement_layout = QHBoxLayout(judgement)
        judgement_layout.setContentsMargins(0, 0, 0, 0)
        judgement_layout.addWidget(self.status_combo, 1)
        judgement_layout.addWidget(plain_label("Rank"))
        judgement_layout.addWidget(self.rank_combo, 1)
        form.addRow("Status", judgement)
        self.note_edit = CommitPlainTextEdit()
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setPlaceholderText("Why this fact, doubts, what to check")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 4 + 12)
        self.note_edit.focus_left.connect(self._commit_note)
        form.addRow("Note", self.note_edit)
        column.addLayout(form)

        # -- evidence, links, history
        self.evidence_title = _section_title("Evidence")
        column.addWidget(self.evidence_title)
        self.evidence_list = self._new_list("Evidence")
        self.evidence_list.itemActivated.connect(self._on_evidence_activated)
        self.remove_evidence_button = QPushButton("Remove evidence")
        self.remove_evidence_button.setAccessibleName("Remove evidence")
        self.remove_evidence_button.clicked.connect(self._remove_selected_evidence)
        column.addWidget(self.evidence_list)
        column.addWidget(self.remove_evidence_button, alignment=Qt.AlignmentFlag.AlignRight)

        self.links_title = _section_title("Links")
        column.addWidget(self.links_title)
        self.links_list = self._new_list("Links")
        self.links_list.itemActivated.connect(self._on_link_activated)
        self.remove_link_button = QPushButton("Remove link")
        self.remove_link_button.setAccessibleName("Remove link")
        self.remove_link_button.clicked.connect(self._remove_selected_link)
        column.addWidget(self.links_list)
        column.addWidget(self.remove_link_button, alignment=Qt.AlignmentFlag.AlignRight)

        column.addWidget(_section_title("History"))
        self.history_list = self._new_list("Fact history", _LIST_HEIGHT * 3)
        column.addWidget(self.history_list)
        column.addStretch(1)

        self.evidence_list.itemSelectionChanged.connect(self._update_buttons)
        self.links_list.itemSelectionChanged.connect(self._update_buttons)

        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(form_host)
        self._stack.addWidget(self._scroll)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)

    @staticmethod
    def _new_form() -> QFormLayout:
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return form

    @staticmethod
    def _new_list(accessible_name: str, max_height: int = _LIST_HEIGHT) -> FittedList:
        view = FittedList(max_height)
        view.setAccessibleName(accessible_name)
        return view

    def _fit_value_stack(self, index: int) -> None:
        for position in range(self.value_stack.count()):
            policy = QSizePolicy.Policy.Preferred if position == index else QSizePolicy.Policy.Ignored
            self.value_stack.widget(position).setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        self.value_stack.updateGeometry()

    def _empty_hint(self) -> str:
        return READ_ONLY_EMPTY_HINT if self._session.read_only else EMPTY_HINT

    def _apply_read_only(self) -> None:
        read_only = self._session.read_only
        if self._fact_id is None and hasattr(self, "_hint"):
            self._hint.setText(self._empty_hint())
        self.subject_field.set_read_only(read_only)
        self.value_entity_field.set_read_only(read_only)
        for date_field in (self.value_date_field, *self._qualifier_dates.values()):
            date_field.line_edit.setReadOnly(read_only)
        self.value_range_field.set_read_only(read_only)
        self.amount_editor.set_read_only(read_only)
        self.qualifier_editor.set_read_only(read_only)
        self.value_text_edit.setReadOnly(read_only)
        self.scope_note_edit.setReadOnly(read_only)
        self.note_edit.setReadOnly(read_only)
        if read_only:
            # Read-only QPlainTextEdit keeps mouse selection; keyboard selection has to be asked for.
            self.note_edit.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                   | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.property_box.set_read_only(read_only)
        for combo in (self.status_combo, self.rank_combo):
            combo.setEnabled(not read_only)
        self.remove_evidence_button.setVisible(not read_only)
        self.remove_link_button.setVisible(not read_only)
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self._session.read_only
        self.remove_evidence_button.setEnabled(writable and self.evidence_list.currentRow() >= 0
                                               and bool(self.evidence_list.selectedItems()))
        self.remove_link_button.setEnabled(writable and self.links_list.currentRow() >= 0
                                           and bool(self.links_list.selectedItems()))

    # -- loading -------------------------------------------------------------------------------

    def _reload_vocabulary(self) -> None:
        self._entity_lookup.invalidate()
        with self._session.fact_base.reading() as conn:
            self._properties = property_infos(conn)
        self.property_box.set_properties(self._properties)
        self.qualifier_editor.set_vocabulary(self._properties)
        if self._pending_property is not None:
            self._pending_property = self._properties.get(self._pending_property.id)

    @property
    def _entities(self) -> EntityLookup:
        """Entity names (`.name`); every alias is read off the GUI thread once a fact is shown."""
        return self._entity_lookup

    def stop_background_reads(self) -> None:
        """The window is closing: wait for the entity directory's and the history's reads, start no more."""
        self._entity_lookup.stop()
        self._history_reader.stop()

    @property
    def reading_history(self) -> bool:
        return self._history_reader.pending()

    def wait_for_history(self) -> None:
        """Block until the history being read is shown (tests)."""
        self._history_reader.wait_until_delivered()

    def _read_history(self) -> None:
        """Read the shown fact's history off the GUI thread; the list shows it when it comes (a
        newer read supersedes this one)."""
        fact_id = self._fact_id
        if fact_id is None:
            return

        def shown(history: list[fact_detail.HistoryEntry]) -> None:
            if fact_id == self._fact_id and self._row is not None:
                self._history = history
                self._fill_history()
                self._update_buttons()

        self._history_reader.request("history", lambda conn, _report: fact_detail.fact_history(conn, fact_id), shown)

    def _on_selected_fact_changed(self, fact_id: int | None) -> None:
        if fact_id == self._fact_id:
            return
        # Typing left in a field belongs to the fact it was typed for.
        self.commit_pending_edit()
        self._show_fact(fact_id)

    def _show_fact(self, fact_id: int | None, *, keep_typing: bool = False) -> None:
        if fact_id != self._fact_id:
            self.notice.clear_problem()
            self._set_pending_property(None)
            self.qualifier_editor.commit_pending()
            keep_typing = False
        self._fact_id = fact_id
        if fact_id is None:
            self._clear(self._empty_hint())
            return
        self._entity_lookup.load_in_background()  # ready for completion by the time a curator types
        with self._session.fact_base.reading() as conn:
            row = queries.fact_row(conn, fact_id)
            if row is None:
                self._clear(DELETED_HINT)
                return
            label = fact_detail.fact_label(conn, fact_id)
            self._evidence = fact_detail.fact_evidence(conn, fact_id)
            self._links = fact_detail.fact_links(conn, fact_id)
            qualifiers = fact_qualifiers(conn, fact_id)
        if self._row is None or self._row.id != fact_id:
            self._history = []  # another fact's history must not show meanwhile
        self._row = row
        self._version = row.version
        self._fill_fields(row, label, keep_typing=keep_typing)
        self.qualifier_editor.show_fact(fact_id, row.property_id, qualifiers)
        self._fill_lists()
        self._read_history()
        self._stack.setCurrentWidget(self._scroll)

    def _clear(self, hint: str) -> None:
        self._row = None
        self._version = None
        self._evidence, self._links, self._history = [], [], []
        self._hint.setText(hint)
        self._stack.setCurrentWidget(self._hint)

    def _reload_lists(self) -> None:
        if self._fact_id is None or self._row is None:
            return
        with self._session.fact_base.reading() as conn:
            self._evidence = fact_detail.fact_evidence(conn, self._fact_id)
            self._links = fact_detail.fact_links(conn, self._fact_id)
        self._fill_lists()
        self._read_history()

    def _typing_widget(self) -> QWidget | None:
        """The field the user is typing in right now, if it holds text not yet committed."""
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            return None
        if isinstance(focused, QLineEdit) and focused.isModified():
            return focused
        if isinstance(focused, QPlainTextEdit) and focused.document().isModified():
            return focused
        return None

    def _fill_fields(self, row: queries.FactRecord, label: str, *, keep_typing: bool) -> None:
        spared = self._typing_widget() if keep_typing else None
        value = row.value
        prop = self._properties.get(row.property_id) if row.property_id is not None else None
        if self._pending_property is not None and self._pending_property.id == row.property_id:
            self._set_pending_property(None)  # stored meanwhile
        prop = self._pending_property or prop
        shown_kind = prop.value_kind if prop is not None else value.kind

        self.header.setText(label)
        self.header_details.setText(
            f"Fact #{row.id} · {row.status} · {row.rank} rank · version {row.version}"
            f" · last changed by {row.updated_by} {local_time(row.updated_at)}")

        if spared is not self.subject_field.line_edit:
            subject = row.subject_id
            self.subject_field.set_entity(subject, self._entities.name(subject) if subject is not None else "")

        self.property_box.set_current(row.property_id)
        if self._pending_property is not None:
            self.property_box.show_choice(self._pending_property.id)

        self._fill_value(value, prop, shown_kind, spared)

        for field_name, date_field in self._qualifier_dates.items():
            if spared is not date_field.line_edit:
                date_field.set_date(getattr(row, field_name))
        if spared is not self.scope_note_edit:
            self._set_line(self.scope_note_edit, row.scope_note or "")
        with QSignalBlocker(self.status_combo):
            self.status_combo.setCurrentIndex(self.status_combo.findData(row.status))
        with QSignalBlocker(self.rank_combo):
            self.rank_combo.setCurrentIndex(self.rank_combo.findData(row.rank))
        for combo in (self.property_combo, self.status_combo, self.rank_combo):
            combo.mark_settled()
        if spared is not self.note_edit:
            self.note_edit.setPlainText(row.note or "")
            self.note_edit.document().setModified(False)

    def _fill_value(self, value: TypedValue, prop: PropertyInfo | None, shown_kind: ValueKind,
                    spared: QWidget | None) -> None:
        self._value_row_label.setText(f"Value ({_KIND_WORDS[shown_kind]})")
        self.value_stack.setCurrentWidget(self._value_pages[shown_kind])
        self._fit_value_stack(self.value_stack.currentIndex())
        pending = self._pending_property is not None
        held_matches = not pending and (value.kind is shown_kind or (value.kind.is_numeric and shown_kind.is_numeric))
        self.amount_editor.set_units(prop.allowed_units if prop is not None else ())
        if shown_kind is ValueKind.DATE:
            if spared is not self.value_date_field.line_edit:
                self.value_date_field.set_date(value.date if held_matches else None)
        elif shown_kind is ValueKind.DATE_RANGE:
            if spared not in self.value_range_field.line_edits():
                held_range = held_matches and value.kind is ValueKind.DATE_RANGE
                self.value_range_field.set_range(value.date if held_range else None, value.date_end if held_range else None)
        elif shown_kind.is_numeric:
            if held_matches:
                shown = value.with_changes(kind=shown_kind)
            else:
                shown = TypedValue(kind=shown_kind, unit=prop.default_unit if prop is not None else None)
            if spared not in self.amount_editor.text_edits():
                self.amount_editor.set_value(shown)
        elif shown_kind is ValueKind.ENTITY:
            if spared is not self.value_entity_field.line_edit:
                entity_id = value.entity_id if value.kind is ValueKind.ENTITY else None
                self.value_entity_field.set_entity(
                    entity_id, self._entities.name(entity_id) if entity_id is not None else "")
        elif spared is not self.value_text_edit:
            self._set_line(self.value_text_edit, (value.text or "") if value.kind is ValueKind.TEXT else "")
            self.value_text_problem.clear_problem()
        self._show_preview(None)
        if held_matches or pending:
            self.value_kind_note.hide()
        else:
            held = fact_detail.display_value(value, self._entities.name)
            self.value_kind_note.setText(
                f"This property takes a {_KIND_WORDS[shown_kind]} value; the fact still holds "
                f"the {_KIND_WORDS[value.kind]} “{held}”. Enter a new value to replace it.")
            self.value_kind_note.show()

    def _set_line(self, edit: QLineEdit, text: str) -> None:
        self._loaded_texts[edit] = text
        edit.setText(text)

    def _loaded_text(self, edit: QLineEdit) -> str:
        return self._loaded_texts.get(edit, "")

    def _fill_lists(self) -> None:
        self.evidence_title.setText(f"Evidence ({len(self._evidence)})")
        self.evidence_list.clear()
        for evidence in self._evidence:
            quote = " ".join(evidence.quote.split())
            if len(quote) > _SHOWN_QUOTE:
                quote = quote[: _SHOWN_QUOTE - 1].rstrip() + "…"
            marker, where, action = _evidence_anchor_words(evidence)
            cited = f"{evidence.source_title}, {evidence.page}" if evidence.page else evidence.source_title
            item = QListWidgetItem(f"{marker}“{quote}” — {cited}")
            item.setData(_ROW_ID_ROLE, evidence.id)
            item.setToolTip(plain_tooltip(
                f"…{evidence.prefix}[{evidence.quote}]{evidence.suffix}…\n"
                f"{cited}, {where}\n{action}"))
            if evidence.anchor_state == AnchorState.ORPHANED:
                item.setForeground(self.palette().placeholderText())
            self.evidence_list.addItem(item)

        self.links_title.setText(f"Links ({len(self._links)})")
        self.links_list.clear()
        for link in self._links:
            item = QListWidgetItem(f"{fact_detail.link_phrase(link)}: {link.other_label}")
            item.setData(_ROW_ID_ROLE, link.id)
            tip = f"Fact #{link.other_fact_id}: {link.other_label}"
            if link.note:
                tip += f"\n{link.note}"
            item.setToolTip(plain_tooltip(tip + "\nDouble-click or press Enter to open that fact."))
            self.links_list.addItem(item)

        self._fill_history()
        for view in (self.evidence_list, self.links_list):
            view.fit_height()
        self._update_buttons()

    def _fill_history(self) -> None:
        self.history_list.clear()
        for entry in self._history:
            lines = [f"{local_time(entry.at)} · {entry.actor} · {entry.operation_label}"]
            if entry.changes:
                lines.extend(f"    {change}" for change in entry.changes)
            else:
                lines.append(f"    {entry.summary}")
            item = QListWidgetItem("\n".join(lines))
            item.setToolTip(plain_tooltip(f"{entry.summary}\nOperation {entry.operation_id}, {entry.at} (UTC)"))
            self.history_list.addItem(item)
        self.history_list.fit_height()

    def history_lines(self) -> list[str]:
        """The history list as shown, one string per entry (for tests and copying)."""
        return [self.history_list.item(i).text() for i in range(self.history_list.count())]

    # -- reacting to the fact base -------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        vocabulary_changed = changes.affects("entity", "entity_alias", "property", "property_separator")
        if vocabulary_changed:
            self._reload_vocabulary()
        fact_id = self._fact_id
        if fact_id is None:
            return
        if fact_id in changes.touched("fact"):
            # Our own edit may be followed by typing elsewhere; a change from anywhere else wins.
            self._show_fact(fact_id, keep_typing=self._acting)
        elif vocabulary_changed:
            self._show_fact(fact_id, keep_typing=True)
        else:
            if changes.affects("fact_qualifier"):
                self._reload_qualifiers()
            if self._lists_affected_by(changes):
                self._reload_lists()

    def _reload_qualifiers(self) -> None:
        if self._fact_id is None or self._row is None:
            return
        with self._session.fact_base.reading() as conn:
            found = fact_qualifiers(conn, self._fact_id)
            label = fact_detail.fact_label(conn, self._fact_id)
        self.header.setText(label)
        self.qualifier_editor.show_fact(self._fact_id, self._row.property_id, found)
        self._fill_lists()
        self._read_history()

    def _lists_affected_by(self, changes: Changes) -> bool:
        """Whether evidence, links or linked facts shown here changed (the history reads are not free)."""
        shown_evidence = {e.id for e in self._evidence}
        shown_links = {link.id for link in self._links}
        linked_facts = {link.other_fact_id for link in self._links}
        if (changes.touched("evidence") & shown_evidence or changes.touched("fact_link") & shown_links
                or changes.touched("fact") & linked_facts):
            return True
        new_evidence = changes.inserted.get("evidence", set())
        new_links = changes.inserted.get("fact_link", set())
        if not (new_evidence or new_links):
            return False
        with self._session.fact_base.reading() as conn:
            return fact_detail.rows_concern_fact(conn, self._fact_id, evidence_ids=new_evidence, link_ids=new_links)

    def _remember_failure(self, message: str) -> None:
        self._last_failure = message

    def _perform(self, action: Callable[[FactBase], Changes], problem: ProblemLabel | None = None) -> Changes | None:
        """One undoable action through the session; on failure, say so here and reload if the fact moved on."""
        if self._session.read_only:
            return None
        self._last_failure = None
        self._acting = True
        try:
            changes = self._session.perform(action)
        finally:
            self._acting = False
        if changes is not None:
            self.notice.clear_problem()
            return changes
        self._after_failure(self._last_failure or "The change could not be saved.", problem)
        return None

    def _after_failure(self, message: str, problem: ProblemLabel | None) -> None:
        fact_id = self._fact_id
        if fact_id is None:
            return
        with self._session.fact_base.reading() as conn:
            row = queries.fact_row(conn, fact_id)
        if row is None or row.version != self._version:
            # Stale: what is on screen is not what is stored; show the stored fact, typing included.
            self._show_fact(fact_id)
            self.notice.show_problem(message)
        elif problem is not None:
            problem.show_problem(message)
        else:
            self.notice.show_problem(message)

    # -- commits ---------------------------------------------------------------------------------

    def _update(self, label: str, *, value: TypedValue | None = None, problem: ProblemLabel | None = None,
                **fields: object) -> None:
        fact_id, version, loaded = self._fact_id, self._version, self._row
        if fact_id is None or version is None or self._session.read_only:
            return
        pending = self._pending_property
        if pending is not None and value is not None and "property_id" not in fields:
            # The property chosen before the value that fits it: both change in one action.
            fields["property_id"] = pending.id
            shown = fact_detail.display_value(value, self._entities.name)
            label = f"Set property to {pending.name} and value to {shown}"
        self._mark_committed_field_clean()
        saved = self._perform(lambda fb: fb.update_fact(fact_id, version, value=value, label=label, **fields), problem)
        if saved is not None and "property_id" in fields:
            self._set_pending_property(None)
        if saved is None and loaded is not None and self._fact_id == fact_id and self._version != version:
            mine = {**(value.to_columns() if value is not None else {}), **fields}
            self._resolve_collision(fact_id, loaded, mine, label)

    def _resolve_collision(self, fact_id: int, loaded: queries.FactRecord, mine: dict[str, object],
                           label: str) -> None:
        """Another curator saved this fact first: the curator chooses what becomes of their change
        (ui/edit_collision.py); nothing is overwritten without that choice."""
        from kzeu_desk.ui import edit_collision

        if self._row is None:
            return  # deleted meanwhile: the editor says so
        with self._session.fact_base.reading() as conn:
            who = queries.last_actor_of(conn, "fact", fact_id) or "Another curator"
        stored = asdict(self._row)
        collision = edit_collision.Collision(loaded=asdict(loaded), stored=stored, mine=mine, who=who)
        choice = edit_collision.ask(self, collision, label.lower())
        if choice is edit_collision.Choice.TAKE_THEIRS:
            return
        columns = collision.merged() if choice is edit_collision.Choice.MERGE else dict(mine)
        if not columns or self._version is None:
            return
        value_columns = {c: v for c, v in columns.items() if c.startswith("value_")}
        fields = {c: v for c, v in columns.items() if not c.startswith("value_")}
        value = TypedValue.from_columns({**stored, **value_columns}) if value_columns else None
        version = self._version
        self._perform(lambda fb: fb.update_fact(fact_id, version, value=value, label=f"{label} ({choice.value})",
                                                **fields))

    def _mark_committed_field_clean(self) -> None:
        # The field being committed is refreshed with the stored text; the others keep their typing.
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            return
        if isinstance(focused, QLineEdit):
            focused.setModified(False)
        elif isinstance(focused, QPlainTextEdit):
            focused.document().setModified(False)

    def _commit_subject(self, entity_id: int | None) -> None:
        name = self._entities.name(entity_id) if entity_id is not None else None
        self._update(f"Set subject to {name}" if name else "Clear subject", subject_id=entity_id,
                     problem=self.subject_field.problem)

    def _commit_property(self, property_id: int | None) -> None:
        if self._row is None:
            return
        if property_id == self._row.property_id:
            self._set_pending_property(None)
            self._show_fact(self._fact_id, keep_typing=True)
            return
        prop = self._properties.get(property_id) if property_id is not None else None
        held = self._row.value
        restated = value_for_property(held, prop) if prop is not None else None
        problem = value_problem(restated or held, prop) if prop is not None else None
        if prop is not None and problem is not None:
            # The value cannot be this property's: offer to enter one that is, or to keep the old property.
            self._set_pending_property(prop, problem)
            self._show_fact(self._fact_id, keep_typing=True)
            self._focus_value_field(prop.value_kind)
            return
        self._set_pending_property(None)
        self._update(f"Set property to {prop.name}" if prop else "Clear property", property_id=property_id,
                     value=restated, problem=self.property_box.problem)

    def _focus_value_field(self, kind: ValueKind) -> None:
        fields = {ValueKind.DATE: self.value_date_field.line_edit, ValueKind.DATE_RANGE: self.value_range_field.first.line_edit,
                  ValueKind.ENTITY: self.value_entity_field.line_edit, ValueKind.TEXT: self.value_text_edit}
        fields.get(kind, self.amount_editor.amount_edit).setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_pending_property(self, prop: PropertyInfo | None, problem: str | None = None) -> None:
        self._pending_property = prop
        if prop is None:
            self.kind_offer.hide()
            return
        current = self._properties.get(self._row.property_id) if self._row and self._row.property_id else None
        self.kind_offer.offer(problem or "", _KIND_WORDS[prop.value_kind], current.name if current else None)

    def _keep_property(self) -> None:
        self._set_pending_property(None)
        self._show_fact(self._fact_id)

    def _choose_another_property(self) -> None:
        self.property_combo.setFocus()
        self.property_combo.lineEdit().selectAll()
        self.property_combo.showPopup()

    def _create_property(self, label: str) -> None:
        """A property for a label no property has yet, made and given to this fact in one action."""
        from kzeu_desk.ui.property_dialog import PropertyDialog

        fact_id, version = self._fact_id, self._version
        if fact_id is None or version is None or self._session.read_only or self._row is None:
            return
        held = self._row.value
        dialog = PropertyDialog.for_new(self._session, label, held, parent=self)
        if not dialog.exec():
            return
        draft = dialog.draft()
        if self._perform(lambda fb: fb.create_property(draft, assign_to=(fact_id, version)),
                         self.property_box.problem) is not None:
            self._set_pending_property(None)

    def _commit_value(self, value: TypedValue, words: str, problem: ProblemLabel | None = None) -> None:
        shown = fact_detail.display_value(value, self._entities.name)
        if problem is None and value.kind.is_numeric:
            problem = self.amount_editor.problem
        self._update(f"{words} to {shown}" if words == "Set value" else words, value=value, problem=problem)

    def _held_value(self) -> TypedValue | None:
        return self._row.value if self._row is not None else None

    def _commit_value_date(self, iso: str | None) -> None:
        held = self._held_value()
        if iso is None:
            self.value_date_field.problem.show_problem("Enter a date; a fact needs a value.")
            return
        approximate = held is not None and held.kind is ValueKind.DATE and held.approximate
        value = TypedValue(kind=ValueKind.DATE, date=iso, approximate=approximate)
        if held is not None and value == held:
            return
        self._update(f"Set value to {fact_detail.display_value(value, self._entities.name)}", value=value, problem=self.value_date_field.problem)

    def _commit_value_range(self, first: str, last: str) -> None:
        held = self._held_value()
        approximate = held is not None and held.kind is ValueKind.DATE_RANGE and held.approximate
        value = TypedValue(kind=ValueKind.DATE_RANGE, date=first, date_end=last, approximate=approximate)
        if value == held:
            self.value_range_field.set_range(first, last)  # the same range written another way
            return
        self._update(f"Set value to {fact_detail.display_value(value, self._entities.name)}", value=value,
                     problem=self.value_range_field.problem)

    def _commit_value_entity(self, entity_id: int | None) -> None:
        if entity_id is None:
            return
        value = TypedValue(kind=ValueKind.ENTITY, entity_id=entity_id)
        if value == self._held_value():
            return
        self._update(f"Set value to {self._entities.name(entity_id)}", value=value,
                     problem=self.value_entity_field.problem)

    def _commit_value_text(self) -> None:
        edit = self.value_text_edit
        if edit.isReadOnly() or edit.text() == self._loaded_text(edit):
            return
        typed = edit.text().strip()
        if not typed:
            self.value_text_problem.show_problem("Enter the text the fact states.")
            return
        value = TypedValue(kind=ValueKind.TEXT, text=typed)
        if value == self._held_value():
            self._set_line(edit, typed)
            return
        self.value_text_problem.clear_problem()
        self._update("Set value text", value=value, problem=self.value_text_problem)

    def _commit_scope_note(self) -> None:
        edit = self.scope_note_edit
        if edit.isReadOnly() or edit.text() == self._loaded_text(edit):
            return
        note = edit.text().strip() or None
        if self._row is not None and note == self._row.scope_note:
            self._set_line(edit, note or "")
            return
        self._update("Set scope note", scope_note=note)

    def _commit_status(self, index: int) -> None:
        status = self.status_combo.itemData(index)
        if self._row is not None and status != self._row.status:
            self._update(f"Set status to {status}", status=status)

    def _commit_rank(self, index: int) -> None:
        rank = self.rank_combo.itemData(index)
        if self._row is not None and rank != self._row.rank:
            self._update(f"Set rank to {rank}", rank=rank)

    def _commit_note(self) -> None:
        if self.note_edit.isReadOnly() or self._row is None or not self.note_edit.document().isModified():
            return
        note = self.note_edit.toPlainText().strip() or None
        self.note_edit.document().setModified(False)
        if note != self._row.note:
            self._update("Edit note", note=note)

    def _create_entity_and_assign(self, name: str, role: str) -> None:
        """Create an entity named `name` and make it the subject (or value): one undoable action."""
        fact_id, version = self._fact_id, self._version
        if fact_id is None or version is None or self._session.read_only:
            return
        field = self.subject_field if role == "subject" else self.value_entity_field

        field.line_edit.setModified(False)
        self._perform(
            lambda fb: fb.create_entity_and_assign(fact_id, version, name, as_value=role != "subject"),
            field.problem,
        )

    # -- previews, evidence, links ---------------------------------------------------------------

    def _preview_date(self, text: str) -> None:
        iso = value_parsing.parse_date_text(text) if text.strip() else None
        self._show_preview(TypedValue(kind=ValueKind.DATE, date=iso) if iso else None,
                           typing=bool(text.strip()))

    def _show_preview(self, candidate: TypedValue | None, *, typing: bool = False) -> None:
        """The value as it will be saved while typing, else as it is stored."""
        if candidate is not None:
            self.value_preview.setText(f"→ {fact_detail.display_value(candidate, self._entities.name)}")
        elif typing:
            self.value_preview.setText("→ (not understood yet)")
        elif self._row is not None:
            stored = fact_detail.display_value(self._row.value, self._entities.name)
            self.value_preview.setText(f"= {stored}")
        else:
            self.value_preview.setText("")

    def _on_evidence_activated(self, item: QListWidgetItem) -> None:
        evidence_id = item.data(_ROW_ID_ROLE)
        for evidence in self._evidence:
            if evidence.id == evidence_id:
                if evidence.anchor_state == AnchorState.ORPHANED:
                    # Its span is in an older revision: there is nothing to show in the current text.
                    self.evidence_review_requested.emit(evidence.id)
                else:
                    self.evidence_activated.emit(evidence.source_id, evidence.start, evidence.end)
                return

    def _remove_selected_evidence(self) -> None:
        item = self.evidence_list.currentItem()
        if item is None or self._session.read_only:
            return
        evidence_id = int(item.data(_ROW_ID_ROLE))
        self._perform(lambda fb: fb.remove_evidence(evidence_id))

    def _on_link_activated(self, item: QListWidgetItem) -> None:
        link_id = item.data(_ROW_ID_ROLE)
        for link in self._links:
            if link.id == link_id:
                self._session.select_fact(link.other_fact_id)
                return

    def _remove_selected_link(self) -> None:
        item = self.links_list.currentItem()
        if item is None or self._session.read_only:
            return
        link_id = int(item.data(_ROW_ID_ROLE))
        self._perform(lambda fb: fb.remove_link(link_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Delete on a selected evidence or link row removes it, as the buttons do.
        if event.key() == Qt.Key.Key_Delete and not self._session.read_only:
            focused = QApplication.focusWidget()
            if focused is self.evidence_list and self.evidence_list.currentItem() is not None:
                self._remove_selected_evidence()
                return
            if focused is self.links_list and self.links_list.currentItem() is not None:
                self._remove_selected_link()
                return
        super().keyPressEvent(event)
