"""A conflict's member fact as a card: what it states, its evidence, and the decisions on it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kzeu_desk.core import conflict_queue
from kzeu_desk.ui.conflict_keys import NUMBERED_CARDS, PREFER_KEYS, REJECT_KEYS, shortcut_text
from kzeu_desk.ui.evidence_quote import EvidenceQuote
from kzeu_desk.ui.plain_text import plain_label, plain_tooltip
from kzeu_desk.ui.text_styles import muted, scaled_font

_CARD_STYLE = (
    "QFrame#conflictCard { border: 1px solid palette(mid); border-radius: 4px; }"
    " QFrame#conflictCard[chosen=\"true\"] { border: 2px solid palette(highlight); }"
)
_CARD_MIN_WIDTH = 250
_VALUE_FONT_SCALE = 1.35


class ConflictCard(QFrame):
    """One member fact: value, qualifiers, status and rank, agreement, evidence, and its decisions."""

    chosen = Signal(int)  # fact id: the curator clicked into or tabbed into this card
    prefer_requested = Signal(int)
    reject_requested = Signal(int)
    merge_requested = Signal(int)
    evidence_activated = Signal(int, int, int)  # source_id, start, end (code points)

    def __init__(self, number: int, member: conflict_queue.ConflictMember, *, member_count: int, writable: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.number = number
        self.fact_id: int = member.fact_id
        self.setObjectName("conflictCard")
        self.setAccessibleName(f"Fact {number}: {member.value}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(_CARD_STYLE)
        self.setProperty("chosen", False)
        self.setMinimumWidth(_CARD_MIN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 10, 8)
        column.setSpacing(4)
        header = muted(plain_label(f"{number} · fact #{self.fact_id}", object_name="cardHeader"))
        column.addWidget(header)

        self.value_label = plain_label(member.value, word_wrap=True, selectable=True, object_name="cardValue")
        self.value_label.setFont(scaled_font(self.value_label, _VALUE_FONT_SCALE, bold=True))
        column.addWidget(self.value_label)

        qualifiers = member.qualifiers
        qualifier_text = " · ".join(
            f"{conflict_queue.QUALIFIER_FIELDS[column_name]}: {shown}" for column_name, shown in qualifiers.items()
        ) or "No time qualifiers"
        self.qualifiers_label = plain_label(qualifier_text, word_wrap=True, selectable=True,
                                             object_name="cardQualifiers")
        if not qualifiers:
            muted(self.qualifiers_label)
        column.addWidget(self.qualifiers_label)

        self.status_label = muted(plain_label(f"{member.status} · {member.rank} rank",
                                                object_name="cardStatus"))
        column.addWidget(self.status_label)

        self.agreement_label = plain_label(_agreement_text(member), object_name="cardAgreement")
        self.agreement_label.setVisible(bool(self.agreement_label.text()))
        if member.agreeing_fact_count > 1:
            others = ", ".join(f"#{i}" for i in member.agreeing_fact_ids if i != self.fact_id)
            self.agreement_label.setToolTip(plain_tooltip(f"Facts that state a compatible value: {others}"))
        column.addWidget(self.agreement_label)

        self.quotes: list[EvidenceQuote] = []
        for evidence in member.evidence:
            quote = EvidenceQuote(
                evidence.prefix, evidence.quote, evidence.suffix,
                # The stored context is cut at a fixed width; an ellipsis marks only a real cut.
                text_continues_before=evidence.start > len(evidence.prefix),
                text_continues_after=evidence.end + len(evidence.suffix) < evidence.source_char_count)
            quote.setToolTip(plain_tooltip(f"{evidence.source_citation}, characters {evidence.start}–"
                                           f"{evidence.end}\nClick or press Enter to show it in the source."))
            span = (evidence.source_id, evidence.start, evidence.end)
            quote.activated.connect(lambda span=span: self.evidence_activated.emit(*span))
            self.quotes.append(quote)
            column.addWidget(quote)
            undated = "" if evidence.source_published else ", date not stated"
            source_line = muted(plain_label(f"— {evidence.source_reference}{undated}", word_wrap=True,
                                              object_name="cardSource"))
            column.addWidget(source_line)
        if not member.evidence:
            column.addWidget(muted(plain_label("No evidence recorded for this fact.", word_wrap=True)))
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


def _agreement_text(member: conflict_queue.ConflictMember) -> str:
    facts, sources = member.agreeing_fact_count, member.agreeing_source_count
    if sources > 1:
        return f"{sources} sources agree"
    if facts > 1:
        return f"{facts} facts agree"
    return ""
