"""Selecting a fact takes the reader to its evidence.

Whichever pane selects a fact (the facts table by click or keyboard, a conflict card, the history,
the evidence-to-check queue), the source view shows the fact's first evidence: its source opened,
the span scrolled into view and marked. Next/Previous evidence (F7 / Shift+F7) step through the
fact's other spans. "First" prefers the source already open, so choosing a fact whose evidence is
in the text being read never yanks the reader to another document; a fact chosen by clicking its
highlight stays exactly where it was clicked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from kzeu_desk.core.fact_detail import EvidenceDetail, fact_evidence
from kzeu_desk.ui.later_turn import on_a_later_turn
from kzeu_desk.ui.session import Session


class EvidenceNavigator(QObject):
    def __init__(self, session: Session, open_source: Callable[[int], None], current_source: Callable[[], int | None],
                 view, say: Callable[[str], None], parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._open_source = open_source
        self._current_source = current_source
        self._view = view  # the SourceView that marks the span
        self._say = say
        self._evidence: list[EvidenceDetail] = []
        self._position = -1
        self._clicked_in_text: tuple[int, int] | None = None  # (fact id, code point) of a click on a highlight
        self._later: int | None = None  # a fact whose evidence is shown on a later turn
        session.selected_fact_changed.connect(self._fact_selected)

    @property
    def evidence(self) -> list[EvidenceDetail]:
        return list(self._evidence)

    @property
    def position(self) -> int:
        """Which of the fact's evidence is shown (0-based), -1 when none."""
        return self._position

    def select_from_text(self, fact_id: int, position_cp: int | None = None) -> None:
        """A click on a highlight: select its fact but leave the reader where they are."""
        self._clicked_in_text = (fact_id, position_cp if position_cp is not None else self._view.caret_position())
        try:
            if self._session.selected_fact == fact_id:
                self._fact_selected(fact_id)
            else:
                self._session.select_fact(fact_id)
        finally:
            self._clicked_in_text = None

    def go_to_fact(self, fact_id: int) -> None:
        """Select a fact and show its first evidence, even when it was selected already (a view
        outside the text, such as the timeline, asks again after the reader moved on)."""
        if self._session.selected_fact == fact_id:
            self._fact_selected(fact_id)
        else:
            self._session.select_fact(fact_id)

    @property
    def pending(self) -> bool:
        """Whether the reader is yet to be taken to the selected fact's evidence (on a later turn)."""
        return self._later is not None

    def _fact_selected(self, fact_id: int | None) -> None:
        if self._session.reveal_on_a_later_turn:
            self._later = fact_id
            on_a_later_turn(self, self._reveal_later)
            return
        self._later = None
        self._reveal(fact_id)

    def _reveal_later(self) -> None:
        fact_id, self._later = self._later, None
        if fact_id is not None and fact_id == self._session.selected_fact:  # not another one since
            self._reveal(fact_id)

    def _reveal(self, fact_id: int | None) -> None:
        self._evidence, self._position = [], -1
        if fact_id is None:
            self._view.clear_evidence_mark()
            return
        with self._session.fact_base.reading() as conn:
            # Orphaned evidence points into an older text; the evidence-to-check queue shows it.
            self._evidence = [e for e in fact_evidence(conn, fact_id) if e.anchor_state != "orphaned"]
        if not self._evidence:
            self._view.clear_evidence_mark()
            return
        if self._clicked_in_text is not None and self._clicked_in_text[0] == fact_id:
            clicked = self._clicked_in_text[1]
            here = self._current_source()
            self._position = next((number for number, e in enumerate(self._evidence)
                                   if e.source_id == here and e.start <= clicked < e.end), 0)
            self._show(scroll=False)
            return
        here = self._current_source()
        self._position = next((number for number, e in enumerate(self._evidence) if e.source_id == here), 0)
        self._show(scroll=True)

    def step(self, direction: int) -> None:
        """Show the fact's next (+1) or previous (-1) evidence, wrapping around."""
        if self._session.selected_fact is None:
            self._say("Select a fact first; its evidence is then shown in the source text.")
            return
        if len(self._evidence) < 2:
            self._say("This fact has no other evidence." if self._evidence else "This fact has no evidence yet.")
            return
        self._position = (self._position + direction) % len(self._evidence)
        self._show(scroll=True)
        evidence = self._evidence[self._position]
        self._say(f"Evidence {self._position + 1} of {len(self._evidence)}: {evidence.source_title or 'untitled source'}.")

    def _show(self, *, scroll: bool) -> None:
        evidence = self._evidence[self._position]
        if self._current_source() != evidence.source_id:
            self._open_source(evidence.source_id)
        if self._current_source() == evidence.source_id:
            self._view.mark_evidence(evidence.start, evidence.end, scroll=scroll)
