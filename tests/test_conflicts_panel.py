"""The Conflicts panel settles the sample corpus's conflicts, from the keyboard, and the database says so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QWidget

from kzeu_desk.core.reading import ReadDocument
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.ui.conflicts_panel import EMPTY_QUEUE_TEXT, RATIONALE_PLACEHOLDER, RATIONALE_REQUIRED, ConflictsPanel
from kzeu_desk.ui.scope_dialog import ScopeDialog
from kzeu_desk.ui.session import Session
from test_conflict_queue import Scenario, build_scenario, conflict_of, new_fact, row, span_of

RELATIONS_TITLE = "Kazakhstan · diplomatic relations established — value conflict"
INVESTMENT_TITLE = "Kazakhstan · cumulative investment — value conflict"
EPCA_TITLE = "Enhanced Partnership and Cooperation Agreement · agreement signed — value conflict"
INFLOW_TITLE = "Kazakhstan · investment inflow — value conflict"


# -- helpers ---------------------------------------------------------------------------------------


def activate(qtbot, widget: QWidget) -> None:
    # Offscreen, keyboard focus and WidgetWithChildren shortcuts need an active window: activateWindow()
    # alone gives no focus there, windowHandle().requestActivate() does.
    widget.resize(1200, 700)
    widget.show()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow)


def queue_titles(panel: ConflictsPanel) -> list[str]:
    return [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]


def conflict_row(fact_base: FactBase, conflict_id: int) -> dict:
    return row(fact_base, "SELECT * FROM conflict WHERE id = :i", i=conflict_id)


def fact_state(fact_base: FactBase, fact_id: int) -> tuple[str, str]:
    found = row(fact_base, "SELECT status, rank FROM fact WHERE id = :i", i=fact_id)
    return found["status"], found["rank"]


def operation_count(fact_base: FactBase) -> int:
    return row(fact_base, "SELECT count(*) AS n FROM operation")["n"]


def give_rationale(qtbot, panel: ConflictsPanel, rationale: str) -> None:
    panel.rationale_edit.setFocus()
    qtbot.waitUntil(panel.rationale_edit.hasFocus)
    qtbot.keyClicks(panel.rationale_edit, rationale)


def card_button(panel: ConflictsPanel, number: int, name: str) -> QPushButton:
    button = panel.cards[number - 1].findChild(QPushButton, name)
    assert button is not None
    return button


# -- fixtures --------------------------------------------------------------------------------------


@pytest.fixture
def scenario(fact_base: FactBase) -> Scenario:
    return build_scenario(fact_base)


@pytest.fixture
def session(fact_base: FactBase, scenario: Scenario) -> Session:
    return Session(fact_base)


@pytest.fixture
def panel(qtbot, session: Session) -> ConflictsPanel:
    widget = ConflictsPanel(session)
    qtbot.addWidget(widget)
    return widget


# -- the queue -------------------------------------------------------------------------------------


def test_queue_shows_the_corpus_conflicts_and_passes_the_model_tester(panel, qtmodeltester):
    assert panel.accessibleName() == "Conflicts"
    assert panel.findChild(QWidget, "conflictList") is panel.view
    assert queue_titles(panel) == [RELATIONS_TITLE, INVESTMENT_TITLE, EPCA_TITLE, INFLOW_TITLE]
    assert panel.count_label.text() == "4 open conflicts"
    tooltip = panel.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Astana Calling, “Kazakhstan, a sign of the EU 25 years of strong and…” says 1996; “Kazakhstan and EU " \
           "mark 30 years of diplomatic relations” says 1993" in tooltip
    qtmodeltester.check(panel.model)


def test_current_conflict_shows_explanation_and_side_by_side_cards(panel, scenario):
    assert panel.current_conflict_id == conflict_of(panel._session.fact_base, scenario.relations_1996,
                                                    scenario.relations_1993)
    explanation = panel.explanation_label
    assert explanation.textFormat() == Qt.TextFormat.PlainText and explanation.wordWrap()
    assert explanation.text().startswith("Kazakhstan · diplomatic relations established: Astana Calling, "
                                         "“Kazakhstan, a sign of the EU 25 years of strong and…” says 1996")
    assert explanation.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    first, second = panel.cards
    assert (first.fact_id, second.fact_id) == (scenario.relations_1996, scenario.relations_1993)
    assert (first.value_label.text(), second.value_label.text()) == ("1996", "1993")
    assert first.status_label.text() == "draft · normal rank"
    assert first.agreement_label.isHidden()
    quote = first.quotes[0].toPlainText()
    assert "five years later, in 1996, it officially" in quote
    sources = [label.text() for label in first.findChildren(QLabel, "cardSource")]
    # Cited by the source's details (docs: citation.py): title, publisher, date.
    assert sources == ["— “Kazakhstan, a sign of the EU 25 years of strong and developing relations”, Astana Calling, "
                       "date not stated"]
    assert panel.cards_layout.indexOf(first) == 0 and panel.cards_layout.indexOf(second) == 1
    assert panel.rationale_edit.placeholderText() == RATIONALE_PLACEHOLDER


def test_quotes_are_plain_text_with_the_quote_emphasised(panel):
    quote_view = panel.cards[1].quotes[0]
    document_text = quote_view.toPlainText()
    start = document_text.index("30th anniversary")
    cursor = quote_view.textCursor()
    cursor.setPosition(start + 1)
    emphasised_weight = cursor.charFormat().fontWeight()
    cursor.setPosition(2)
    assert emphasised_weight > cursor.charFormat().fontWeight()
    assert quote_view.isReadOnly()


def test_next_and_previous_wrap_around(panel, session, scenario):
    ids = [panel.model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(4)]
    assert panel.current_conflict_id == ids[0]
    panel.previous_conflict()
    assert panel.current_conflict_id == ids[3]
    assert panel.title_label.text() == INFLOW_TITLE
    panel.next_conflict()
    assert panel.current_conflict_id == ids[0]
    for expected in (ids[1], ids[2], ids[3], ids[0]):
        panel.next_conflict()
        assert panel.current_conflict_id == expected
    assert [card.value_label.text() for card in panel.cards] == ["1996", "1993"]


def test_filters_narrow_the_queue_and_say_how_many_are_hidden(panel, fact_base):
    index = panel.property_filter.findText("cumulative investment")
    panel.property_filter.setCurrentIndex(index)
    panel.property_filter.activated.emit(index)
    assert queue_titles(panel) == [INVESTMENT_TITLE]
    assert panel.count_label.text() == "1 of 4 open conflicts"
    assert panel.title_label.text() == INVESTMENT_TITLE

    panel.source_filter.ensure_filled()  # what opening the list does; sources are read then, not per reload
    source = panel.source_filter.findText("Kazakhstan, a sign of the EU 25 years of strong and developing relations")
    panel.source_filter.setCurrentIndex(source)
    panel.source_filter.activated.emit(source)
    assert queue_titles(panel) == []
    assert panel.detail_stack.currentWidget() is panel.empty_label
    assert "No open conflicts match these filters (4 open in all)" in panel.empty_label.text()

    panel.property_filter.setCurrentIndex(0)
    panel.property_filter.activated.emit(0)
    assert queue_titles(panel) == [RELATIONS_TITLE]
    assert panel.rule_filter.count() == 2 and panel.rule_filter.itemText(1) == "value conflict"


def test_clicking_a_quote_reveals_it_and_choosing_a_card_selects_its_fact(qtbot, panel, session, fact_base, scenario):
    activate(qtbot, panel)
    second = panel.cards[1]
    with qtbot.waitSignal(panel.evidence_activated) as revealed:
        qtbot.mouseClick(second.quotes[0].viewport(), Qt.MouseButton.LeftButton)
    assert tuple(revealed.args) == span_of(fact_base, "kz_eu_30_years.txt", "30th anniversary")
    assert session.selected_fact == scenario.relations_1993
    assert second.is_chosen() and not panel.cards[0].is_chosen()

    qtbot.mouseClick(panel.cards[0], Qt.MouseButton.LeftButton)
    assert session.selected_fact == scenario.relations_1996
    assert panel.cards[0].is_chosen()

    panel.cards[1].quotes[0].setFocus()
    with qtbot.waitSignal(panel.evidence_activated):
        qtbot.keyClick(panel.cards[1].quotes[0], Qt.Key.Key_Return)
    assert session.selected_fact == scenario.relations_1993


# -- settling conflicts ----------------------------------------------------------------------------


def test_prefer_from_the_keyboard_records_the_decision_and_moves_on(qtbot, panel, session, fact_base, scenario):
    activate(qtbot, panel)
    conflict_id = conflict_of(fact_base, scenario.relations_1996, scenario.relations_1993)
    investment = conflict_of(fact_base, scenario.investment_over_160bn, scenario.investment_almost_77bn)
    give_rationale(qtbot, panel, "Relations date from February 1993; 1996 is when the delegation opened.")
    qtbot.keyClick(panel.rationale_edit, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)

    settled = conflict_row(fact_base, conflict_id)
    assert (settled["status"], settled["resolution"], settled["resolved_by"]) == ("resolved", "prefer", "tester")
    assert settled["rationale"] == "Relations date from February 1993; 1996 is when the delegation opened."
    assert fact_state(fact_base, scenario.relations_1993) == ("draft", "preferred")
    assert fact_state(fact_base, scenario.relations_1996) == ("draft", "deprecated")
    assert panel.current_conflict_id == investment
    assert queue_titles(panel) == [INVESTMENT_TITLE, EPCA_TITLE, INFLOW_TITLE]
    assert panel.count_label.text() == "3 open conflicts"
    assert panel.rationale_edit.text() == ""

    session.undo_stack.undo()
    reopened = conflict_row(fact_base, conflict_id)
    assert (reopened["status"], reopened["resolution"], reopened["rationale"]) == ("open", None, None)
    assert fact_state(fact_base, scenario.relations_1993) == ("draft", "normal")
    assert fact_state(fact_base, scenario.relations_1996) == ("draft", "normal")
    assert queue_titles(panel)[0] == RELATIONS_TITLE
    assert panel.current_conflict_id == investment  # undo does not pull the curator back


def test_ctrl_z_in_the_emptied_rationale_field_undoes_the_decision(qtbot, panel, session, fact_base, scenario):
    activate(qtbot, panel)
    # The main window's Undo action is window-wide; stand in for it here.
    undo = QAction(panel)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    undo.triggered.connect(session.undo_stack.undo)
    panel.addAction(undo)
    conflict_id = conflict_of(fact_base, scenario.relations_1996, scenario.relations_1993)
    give_rationale(qtbot, panel, "Anniversary article is the primary source.")
    qtbot.keyClick(panel.rationale_edit, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert conflict_row(fact_base, conflict_id)["status"] == "resolved"
    qtbot.keyClick(panel.rationale_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert conflict_row(fact_base, conflict_id)["status"] == "open"


def test_reject_with_ctrl_alt_number(qtbot, panel, fact_base, scenario):
    activate(qtbot, panel)
    panel.next_conflict()
    conflict_id = conflict_of(fact_base, scenario.investment_over_160bn, scenario.investment_almost_77bn)
    assert panel.current_conflict_id == conflict_id
    give_rationale(qtbot, panel, "US$77 billion is the EU-27 figure without the UK; the article's own total is 160.")
    qtbot.keyClick(panel.rationale_edit, Qt.Key.Key_2,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert fact_state(fact_base, scenario.investment_almost_77bn) == ("rejected", "normal")
    assert fact_state(fact_base, scenario.investment_over_160bn) == ("draft", "normal")
    settled = conflict_row(fact_base, conflict_id)
    assert (settled["status"], settled["resolution"]) == ("resolved", "reject")
    assert panel.title_label.text() == EPCA_TITLE


def test_keep_and_merge_moves_the_other_evidence(qtbot, panel, fact_base, scenario):
    activate(qtbot, panel)
    panel.show_conflict(conflict_of(fact_base, scenario.epca_signed_2016, scenario.epca_signed_2005))
    give_rationale(qtbot, panel, "Both describe the one signing; keep the dated statement.")
    merge = card_button(panel, 1, "mergeButton")
    assert merge.text() == "Merge here"
    qtbot.mouseClick(merge, Qt.MouseButton.LeftButton)
    assert fact_state(fact_base, scenario.epca_signed_2005) == ("draft", "deprecated")
    quotes = row(fact_base, "SELECT group_concat(quote, ' | ') AS q FROM evidence WHERE fact_id = :i",
                 i=scenario.epca_signed_2016)["q"]
    assert quotes.split(" | ") == ["signed in 2016", "The decade later, we signed"]
    link = row(fact_base, "SELECT * FROM fact_link WHERE from_fact_id = :i", i=scenario.epca_signed_2005)
    assert (link["to_fact_id"], link["kind"]) == (scenario.epca_signed_2016, "duplicate_of")
    conflict = conflict_row(fact_base, conflict_of(fact_base, scenario.epca_signed_2016, scenario.epca_signed_2005))
    assert (conflict["status"], conflict["resolution"]) == ("resolved", "merge")
    assert panel.title_label.text() == INFLOW_TITLE


def test_scope_gives_each_fact_its_year(qtbot, panel, fact_base, scenario, monkeypatch):
    conflict_id = conflict_of(fact_base, scenario.inflow_about_800m, scenario.inflow_over_8bn)
    panel.show_conflict(conflict_id)
    panel.rationale_edit.setText("“Last year alone” in the 2023 article is 2021's inflow; the ministry's is 2022.")

    def fill_in(dialog: ScopeDialog) -> int:
        dialog.field(scenario.inflow_about_800m, "point_in_time").setText("2021")
        dialog.field(scenario.inflow_over_8bn, "point_in_time").setText("2022")
        dialog.field(scenario.inflow_over_8bn, "scope_note").setText("first 9 months")
        dialog.accept_if_valid()
        return dialog.result()

    monkeypatch.setattr(ScopeDialog, "exec", fill_in)
    panel.scope_button.click()
    assert row(fact_base, "SELECT point_in_time, scope_note FROM fact WHERE id = :i", i=scenario.inflow_about_800m) == {
        "point_in_time": "2021", "scope_note": None}
    assert row(fact_base, "SELECT point_in_time, scope_note FROM fact WHERE id = :i", i=scenario.inflow_over_8bn) == {
        "point_in_time": "2022", "scope_note": "first 9 months"}
    conflict = conflict_row(fact_base, conflict_id)
    assert (conflict["status"], conflict["resolution"]) == ("resolved", "scope")
    assert INFLOW_TITLE not in queue_titles(panel)
    assert panel.title_label.text() == RELATIONS_TITLE  # past the end of the queue, it wraps


def test_scope_dialog_says_what_it_cannot_read(qtbot, panel, fact_base, scenario):
    panel.show_conflict(conflict_of(fact_base, scenario.inflow_about_800m, scenario.inflow_over_8bn))
    dialog = ScopeDialog(panel._detail, panel)
    qtbot.addWidget(dialog)
    dialog.accept_if_valid()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Change at least one fact" in dialog.problem_label.text()
    dialog.field(scenario.inflow_about_800m, "point_in_time").setText("sometime")
    dialog.accept_if_valid()
    assert dialog.problem_label.text().startswith("“sometime” is not a date I can read")
    assert dialog.problem_label.textFormat() == Qt.TextFormat.PlainText


def test_overlapping_scopes_are_refused_by_the_service_and_nothing_changes(panel, session, fact_base, scenario,
                                                                          monkeypatch, qtbot):
    conflict_id = conflict_of(fact_base, scenario.inflow_about_800m, scenario.inflow_over_8bn)
    panel.show_conflict(conflict_id)
    panel.rationale_edit.setText("Both are 2022.")

    def same_year(dialog: ScopeDialog) -> int:
        dialog.field(scenario.inflow_about_800m, "point_in_time").setText("2022")
        dialog.field(scenario.inflow_over_8bn, "point_in_time").setText("2022")
        dialog.accept_if_valid()
        return dialog.result()

    monkeypatch.setattr(ScopeDialog, "exec", same_year)
    with qtbot.waitSignal(session.failed) as failure:
        panel.scope_current_conflict()
    assert "still cover overlapping times" in failure.args[0]
    assert conflict_row(fact_base, conflict_id)["status"] == "open"
    assert panel.rationale_edit.text() == "Both are 2022."  # kept for the next try


def test_dismiss_then_a_changed_value_reopens_it(qtbot, panel, session, fact_base, scenario):
    activate(qtbot, panel)
    conflict_id = conflict_of(fact_base, scenario.relations_1996, scenario.relations_1993)
    give_rationale(qtbot, panel, "Different events: recognition vs. mission opening.")
    qtbot.keyClick(panel.rationale_edit, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dismissed = conflict_row(fact_base, conflict_id)
    assert (dismissed["status"], dismissed["resolution"], dismissed["resolved_by"]) == ("dismissed", "dismiss", "tester")
    assert RELATIONS_TITLE not in queue_titles(panel)

    version = row(fact_base, "SELECT version FROM fact WHERE id = :i", i=scenario.relations_1993)["version"]
    session.perform(lambda fb: fb.update_fact(scenario.relations_1993, version,
                                              value=TypedValue(ValueKind.DATE, date="1992")))
    assert conflict_row(fact_base, conflict_id)["status"] == "open"
    assert queue_titles(panel)[0] == RELATIONS_TITLE
    panel.show_conflict(conflict_id)
    assert [card.value_label.text() for card in panel.cards] == ["1996", "1992"]


def test_an_empty_rationale_is_refused_inline_without_writing(qtbot, panel, session, fact_base, scenario):
    activate(qtbot, panel)
    operations = operation_count(fact_base)
    failures: list[str] = []
    session.failed.connect(failures.append)
    panel.rationale_edit.setFocus()
    qtbot.keyClicks(panel.rationale_edit, "   ")
    qtbot.keyClick(panel.rationale_edit, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.mouseClick(card_button(panel, 2, "rejectButton"), Qt.MouseButton.LeftButton)
    panel.dismiss_button.click()
    assert panel.scope_current_conflict() is False
    assert operation_count(fact_base) == operations and failures == []
    assert panel.rationale_message.isVisible() and panel.rationale_message.text() == RATIONALE_REQUIRED
    assert panel.rationale_edit.hasFocus()
    assert fact_state(fact_base, scenario.relations_1996) == ("draft", "normal")
    qtbot.keyClicks(panel.rationale_edit, "typed")
    assert not panel.rationale_message.isVisible()


def test_a_refresh_keeps_the_current_conflict(panel, session, fact_base, scenario):
    panel.show_conflict(conflict_of(fact_base, scenario.epca_signed_2016, scenario.epca_signed_2005))
    session.perform(lambda fb: fb.create_fact(value=TypedValue(ValueKind.TEXT, text="unrelated")))
    assert panel.title_label.text() == EPCA_TITLE
    # A second 2016 fact from the same article: it agrees with card 1 and opens a conflict of its own.
    evidence = span_of(fact_base, "kz_eu_dance_of_finance_and_politics.txt", "(EPCA) signed in 2016")
    session.perform(lambda fb: fb.create_fact(
        value=TypedValue(ValueKind.DATE, date="2016"), subject_id=_entity(fb, "Enhanced Partnership and Cooperation Agreement"),
        property_id=_property(fb, "agreement_signed"), evidence=[evidence]))
    assert panel.title_label.text() == EPCA_TITLE
    assert panel.count_label.text() == "5 open conflicts"
    assert panel.cards[0].agreement_label.text() == "2 facts agree"


# -- safety and special states ---------------------------------------------------------------------


def test_markup_in_sources_and_values_is_shown_literally(qtbot, fact_base, scenario):
    markup = ReadDocument(text="Relations: <b>1996</b> <img src=http://example.invalid/x.png> per the archive.",
                          encoding="utf-8", file_name="markup.txt", title="<i>Archive</i>", format="text")
    fact_base.import_document(markup)
    fact_id = new_fact(fact_base, TypedValue(ValueKind.DATE, date="1996"), "Kazakhstan",
                       "diplomatic_relations_established", [("markup.txt", "<b>1996</b>")])
    session = Session(fact_base)
    panel = ConflictsPanel(session)
    qtbot.addWidget(panel)
    assert panel.show_conflict(conflict_of(fact_base, fact_id, scenario.relations_1993))
    card = next(c for c in panel.cards if c.fact_id == fact_id)
    # The context starts where the text does, so no ellipsis before it.
    assert card.quotes[0].toPlainText().startswith("Relations: <b>1996</b> <img src=http://example.invalid")
    assert "<img" not in card.quotes[0].document().toHtml().replace("&lt;img", "")
    source_label = card.findChild(QLabel, "cardSource")
    assert source_label.text().startswith("— “<i>Archive</i>”") and source_label.textFormat() == Qt.TextFormat.PlainText
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in panel.findChildren(QLabel))


def test_read_only_session_reviews_but_cannot_settle(qtbot, fact_base, scenario):
    with FactBase.open(fact_base.path, read_only=True, actor="reviewer") as review:
        session = Session(review)
        panel = ConflictsPanel(session)
        qtbot.addWidget(panel)
        activate(qtbot, panel)
        assert queue_titles(panel) == [RELATIONS_TITLE, INVESTMENT_TITLE, EPCA_TITLE, INFLOW_TITLE]
        panel.next_conflict()
        assert panel.title_label.text() == INVESTMENT_TITLE and len(panel.cards) == 2
        assert not panel.rationale_edit.isEnabled()
        assert not panel.scope_button.isEnabled() and not panel.dismiss_button.isEnabled()
        assert all(not button.isEnabled() for card in panel.cards for button in card.findChildren(QPushButton))
        assert all(not shortcut.isEnabled() for shortcut in panel.resolution_shortcuts)
        assert panel.read_only_label.isVisible()
        operations = operation_count(fact_base)
        panel.rationale_edit.setText("should not matter")
        assert panel.prefer_card(1) is False and panel.dismiss_current_conflict() is False
        qtbot.keyClick(panel.view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        assert operation_count(fact_base) == operations
        assert fact_state(fact_base, scenario.investment_over_160bn) == ("draft", "normal")
        with qtbot.waitSignal(panel.evidence_activated):
            qtbot.mouseClick(panel.cards[0].quotes[0].viewport(), Qt.MouseButton.LeftButton)
        assert session.selected_fact == scenario.investment_over_160bn


def test_an_empty_queue_says_what_conflicts_are(qtbot, tmp_path):
    from kzeu_desk.core.sample_corpus import import_sample_corpus

    with FactBase.open(tmp_path / "quiet.sqlite", actor="tester") as quiet:
        import_sample_corpus(quiet)
        session = Session(quiet)
        panel = ConflictsPanel(session)
        qtbot.addWidget(panel)
        activate(qtbot, panel)
        assert panel.model.rowCount() == 0 and panel.current_conflict_id is None
        assert panel.detail_stack.currentWidget() is panel.empty_label
        assert panel.empty_label.text() == EMPTY_QUEUE_TEXT
        assert panel.count_label.text() == "No open conflicts"
        panel.next_conflict()
        panel.previous_conflict()
        assert panel.current_conflict_id is None

        first = session.perform(lambda fb: fb.create_fact(
            value=TypedValue(ValueKind.DATE, date="1996"), subject_id=_entity(quiet, "Kazakhstan"),
            property_id=_property(quiet, "diplomatic_relations_established")))
        assert first is not None and panel.model.rowCount() == 0
        session.perform(lambda fb: fb.create_fact(
            value=TypedValue(ValueKind.DATE, date="1993"), subject_id=_entity(quiet, "Kazakhstan"),
            property_id=_property(quiet, "diplomatic_relations_established")))
        assert queue_titles(panel) == [RELATIONS_TITLE]
        assert panel.detail_stack.currentWidget() is not panel.empty_label
        assert panel.count_label.text() == "1 open conflict"
        assert all(card.findChild(QLabel) is not None for card in panel.cards)


def _entity(fact_base: FactBase, name: str) -> int:
    return row(fact_base, "SELECT id FROM entity WHERE name = :n", n=name)["id"]


def _property(fact_base: FactBase, key: str) -> int:
    return row(fact_base, "SELECT id FROM property WHERE key = :k", k=key)["id"]


def test_shortcut_hints_are_on_the_tooltips(panel):
    _first, second = panel.cards
    assert "(Alt+1)" in card_button(panel, 1, "preferButton").toolTip()
    assert "(Ctrl+Alt+2)" in second.findChild(QPushButton, "rejectButton").toolTip()
    assert "(Ctrl+Shift+D)" in panel.dismiss_button.toolTip()
    assert "(Ctrl+Shift+S)" in panel.scope_button.toolTip()
    assert isinstance(panel.rationale_edit, QLineEdit)
