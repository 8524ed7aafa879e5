"""The fact editor commits each field as one undoable action and always shows what is stored."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from kzeu_desk.core import fact_detail, queries
from kzeu_desk.core.service import FactBase
from kzeu_desk.ui.fact_editor import EMPTY_HINT, FactEditor
from kzeu_desk.ui.session import Session


# -- helpers ---------------------------------------------------------------------------------------


def span_of(fact_base: FactBase, file_name: str, phrase: str) -> tuple[int, int, int]:
    """(source_id, start, end) of the first `phrase` in the sample article `file_name`."""
    with fact_base.reading() as conn:
        for row in queries.source_rows(conn):
            if row.file_name == file_name:
                text = queries.source_text(conn, row.id)
                start = text.index(phrase)
                return row.id, start, start + len(phrase)
    raise AssertionError(f"no sample source {file_name}")


def new_draft(session: Session, phrase: str = "in 1996", file_name: str = "kz_eu_25_years.txt") -> int:
    source_id, start, end = span_of(session.fact_base, file_name, phrase)
    changes = session.perform(lambda fb: fb.create_fact_from_selection(source_id, start, end))
    assert changes is not None
    fact_id = changes.new_id("fact")
    session.select_fact(fact_id)
    return fact_id


def stored(fact_base: FactBase, fact_id: int) -> queries.FactRecord:
    with fact_base.reading() as conn:
        row = queries.fact_row(conn, fact_id)
    assert row is not None
    return row


def entity_id(fact_base: FactBase, name: str) -> int:
    with fact_base.reading() as conn:
        for row in queries.entity_names(conn):
            if row.name == name:
                return row.entity_id
    raise AssertionError(f"no entity {name}")


def type_and_enter(qtbot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def choose(combo: QComboBox, text: str) -> None:
    """Pick an entry the way a user does: the editor listens to `activated`, not to programmatic changes."""
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    combo.hidePopup()  # an item picked in the open list: Qt closes the list, then emits `activated`
    combo.activated.emit(index)


def activate_window(qtbot, widget: QWidget) -> None:
    # Offscreen, focus (and so focus-out commits) only exists in an active window (requestActivate).
    widget.show()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow)


# -- fixtures --------------------------------------------------------------------------------------


@pytest.fixture
def session(fact_base: FactBase) -> Session:
    return Session(fact_base)


@pytest.fixture
def editor(qtbot, session: Session) -> FactEditor:
    widget = FactEditor(session)
    qtbot.addWidget(widget)
    widget.resize(420, 900)
    widget.show()
    return widget


# -- tests -----------------------------------------------------------------------------------------


def test_nothing_selected_shows_a_hint(editor: FactEditor) -> None:
    assert editor.objectName() == "factEditor"
    assert editor.accessibleName() == "Fact editor"
    assert editor.shown_fact_id is None
    assert editor._hint.isVisible()
    assert editor._hint.text() == EMPTY_HINT


def test_selected_draft_is_shown(editor: FactEditor, session: Session) -> None:
    fact_id = new_draft(session)
    assert editor.shown_fact_id == fact_id
    assert editor.value_date_field.line_edit.text() == "1996"
    assert editor.value_date_field.precision.text() == "year"
    assert editor.status_combo.currentText() == "draft"
    assert editor.evidence_list.count() == 1
    assert editor.evidence_list.item(0).text().startswith("“in 1996”")


def test_alias_commits_the_entity_as_one_undo_step(qtbot, editor: FactEditor, session: Session) -> None:
    fact_id = new_draft(session)
    steps = session.undo_stack.count()
    editor.focus_subject()
    type_and_enter(qtbot, editor.subject_field.line_edit, "EU")

    assert stored(session.fact_base, fact_id).subject_id == entity_id(session.fact_base, "European Union")
    assert session.undo_stack.count() == steps + 1
    assert editor.subject_field.line_edit.text() == "European Union"


def test_completer_offers_the_entity_for_an_alias(qtbot, editor: FactEditor, session: Session) -> None:
    new_draft(session)
    completer = editor.subject_field.completer
    # Every alias is read off the GUI thread a quiet moment after a fact is shown; the completer has them then.
    qtbot.waitUntil(lambda: completer.model().rowCount() > 0)
    completer.setCompletionPrefix("EU")
    offered = {completer.pathFromIndex(completer.completionModel().index(row, 0))
               for row in range(completer.completionCount())}
    assert "European Union" in offered


def test_edits_undo_one_by_one(qtbot, editor: FactEditor, session: Session) -> None:
    fact_base = session.fact_base
    fact_id = new_draft(session)
    steps = session.undo_stack.count()
    snapshots = [stored(fact_base, fact_id)]

    type_and_enter(qtbot, editor.subject_field.line_edit, "EU")
    snapshots.append(stored(fact_base, fact_id))
    choose(editor.property_combo, "cumulative investment")
    # The property takes money and the draft holds a date: nothing is stored until an amount is
    # entered, then property and value change together, in one step.
    assert stored(fact_base, fact_id) == snapshots[-1]
    assert editor.kind_offer.isVisible()
    assert editor.value_stack.currentWidget() is editor.amount_editor
    choose(editor.amount_editor.unit_combo, "USD")
    type_and_enter(qtbot, editor.amount_editor.amount_edit, "more than 160 billion")
    snapshots.append(stored(fact_base, fact_id))
    assert not editor.kind_offer.isVisible()
    assert session.undo_stack.undoText() == "Set property to cumulative investment and value to more than US$160 billion"
    choose(editor.status_combo, "confirmed")
    snapshots.append(stored(fact_base, fact_id))

    assert session.undo_stack.count() == steps + 3
    final = snapshots[-1]
    assert final.subject_id == entity_id(fact_base, "European Union")
    assert final.value_kind == "money"
    assert final.value_lower == 160e9
    assert final.value_unit == "USD"
    assert final.status == "confirmed"
    assert editor.value_preview.text() == "= more than US$160 billion"

    def fields(row: queries.FactRecord) -> queries.FactRecord:
        return replace(row, version=0, updated_at="", updated_by="")

    for expected in reversed(snapshots[:-1]):
        session.undo_stack.undo()
        now = stored(fact_base, fact_id)
        assert fields(now) == fields(expected)
        assert editor.shown_version == now.version
        assert editor.status_combo.currentText() == now.status
    assert editor.subject_field.line_edit.text() == ""
    assert editor.value_date_field.line_edit.text() == "1996"
    assert editor.property_combo.currentIndex() == 0


def test_a_ceiling_and_almost_are_entered_and_shown_apart(qtbot, editor: FactEditor, session: Session) -> None:
    fact_id = new_draft(session)
    choose(editor.property_combo, "cumulative investment")
    choose(editor.amount_editor.unit_combo, "USD")
    type_and_enter(qtbot, editor.amount_editor.amount_edit, "up to 95 million")
    ceiling = stored(session.fact_base, fact_id)
    assert (ceiling.value_amount, ceiling.value_upper) == (None, 95e6)
    assert editor.value_preview.text() == "= up to US$95 million"
    assert editor.amount_editor.amount_edit.text() == ""
    assert editor.amount_editor.upper_edit.text() == "95 million"
    type_and_enter(qtbot, editor.amount_editor.amount_edit, "almost 95 million")
    almost = stored(session.fact_base, fact_id)
    assert (almost.value_amount, almost.value_upper) == (95e6, 95e6)
    assert editor.value_preview.text() == "= almost US$95 million"


def test_date_value_with_month_precision(qtbot, editor: FactEditor, session: Session) -> None:
    fact_id = new_draft(session)
    choose(editor.property_combo, "diplomatic relations established")
    assert editor.value_stack.currentWidget() is editor.value_date_field
    edit = editor.value_date_field.line_edit
    edit.selectAll()
    qtbot.keyClicks(edit, "Feb 1996")
    assert editor.value_date_field.precision.text() == "month"
    assert editor.value_preview.text() == "→ February 1996"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(session.fact_base, fact_id).value_date == "1996-02"
    assert edit.text() == "February 1996"


def test_unparseable_input_is_flagged_inline_and_not_saved(qtbot, editor: FactEditor, session: Session) -> None:
    fact_id = new_draft(session)
    before, steps = stored(session.fact_base, fact_id), session.undo_stack.count()
    type_and_enter(qtbot, editor.value_date_field.line_edit, "sometime soon")
    assert editor.value_date_field.problem.isVisible()
    assert "not a date" in editor.value_date_field.problem.text()

    choose(editor.property_combo, "trade turnover")  # a date cannot be money: offered, not stored
    type_and_enter(qtbot, editor.amount_editor.amount_edit, "lots of money")
    assert editor.amount_editor.problem.isVisible()
    assert session.undo_stack.count() == steps
    assert stored(session.fact_base, fact_id).value_date == before.value_date


def test_numeric_value_follows_the_property_kind(qtbot, editor: FactEditor, session: Session) -> None:
    # "800" of "invested about 800 million" is a bare number; ("29" of "covers 29 different areas" is
    # a count of areas, since the sentence says what it counts).
    fact_id = new_draft(session, "800", "kz_eu_30_years.txt")
    assert stored(session.fact_base, fact_id).value_kind == "quantity"
    choose(editor.property_combo, "trade turnover")
    row = stored(session.fact_base, fact_id)
    assert (row.value_kind, row.value_unit) == ("money", "USD")


def test_unknown_subject_can_be_created_in_one_step(qtbot, editor: FactEditor, session: Session) -> None:
    fact_base = session.fact_base
    fact_id = new_draft(session)
    steps = session.undo_stack.count()
    edit = editor.subject_field.line_edit
    qtbot.keyClicks(edit, "Astana International Financial Centre")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert stored(fact_base, fact_id).subject_id is None
    button = editor.subject_field.create_button
    assert button.isVisible()
    assert button.text() == "Create entity “Astana International Financial Centre”"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    new_entity = entity_id(fact_base, "Astana International Financial Centre")
    assert stored(fact_base, fact_id).subject_id == new_entity
    assert session.undo_stack.count() == steps + 1
    assert edit.text() == "Astana International Financial Centre"
    assert not button.isVisible()

    session.undo_stack.undo()
    assert stored(fact_base, fact_id).subject_id is None
    with pytest.raises(AssertionError):
        entity_id(fact_base, "Astana International Financial Centre")
    assert edit.text() == ""


def test_history_lists_the_changes(qtbot, editor: FactEditor, session: Session) -> None:
    fact_id = new_draft(session)
    type_and_enter(qtbot, editor.subject_field.line_edit, "EU")
    choose(editor.status_combo, "confirmed")

    editor.wait_for_history()  # read off the GUI thread
    lines = editor.history_lines()
    assert "status: draft → confirmed" in lines[0]
    assert "Set status to confirmed" in lines[0]
    assert "subject: — → European Union" in lines[1]
    assert any("Evidence added: “in 1996”" in line for line in lines)
    assert "Fact created" in lines[-1] or "Evidence added" in lines[-1]

    with session.fact_base.reading() as conn:
        history = fact_detail.fact_history(conn, fact_id)
    assert history[0].changes == ("status: draft → confirmed",)
    assert history[0].actor == "tester"


def test_history_shows_value_change_as_one_line(qtbot, editor: FactEditor, session: Session) -> None:
    fact_id = new_draft(session)
    type_and_enter(qtbot, editor.value_date_field.line_edit, "1993")
    with session.fact_base.reading() as conn:
        latest = fact_detail.fact_history(conn, fact_id)[0]
    assert latest.changes == ("value: 1996 → 1993",)


def test_stale_edit_is_refused_and_the_editor_reloads(qtbot, editor: FactEditor, session: Session) -> None:
    fact_base = session.fact_base
    fact_id = new_draft(session)
    loaded = editor.shown_version
    # Someone else changes the fact; the editor hears nothing of it.
    fact_base.update_fact(fact_id, loaded, note="checked against the MFA site", label="Edit note")
    steps = session.undo_stack.count()

    with qtbot.waitSignal(session.failed, timeout=1000) as failure:
        choose(editor.status_combo, "confirmed")
    assert "changed" in failure.args[0]

    row = stored(fact_base, fact_id)
    assert row.status == "draft"
    assert row.note == "checked against the MFA site"
    assert session.undo_stack.count() == steps
    assert editor.shown_version == row.version != loaded
    assert editor.status_combo.currentText() == "draft"
    assert editor.note_edit.toPlainText() == "checked against the MFA site"
    assert editor.notice.isVisible()

    choose(editor.status_combo, "confirmed")
    assert stored(fact_base, fact_id).status == "confirmed"


@pytest.mark.parametrize("choice", ["keep mine", "merge"])
def test_a_collision_is_resolved_by_the_curators_choice(qtbot, editor: FactEditor, session: Session, monkeypatch,
                                                         choice: str) -> None:
    from kzeu_desk.ui import edit_collision

    fact_base = session.fact_base
    fact_id = new_draft(session)
    loaded = editor.shown_version
    fact_base.update_fact(fact_id, loaded, note="theirs", status="confirmed", label="Edit note")  # another curator
    asked = []
    monkeypatch.setattr(edit_collision, "ask", lambda _parent, collision, what: (
        asked.append((collision, what)) or edit_collision.Choice(choice)))
    editor.note_edit.setFocus()
    editor.note_edit.setPlainText("mine")
    editor.note_edit.document().setModified(True)
    editor._commit_note()
    (collision, what), = asked
    assert collision.stored["note"] == "theirs" and collision.mine == {"note": "mine"} and what == "edit note"
    row = stored(fact_base, fact_id)
    assert row.status == "confirmed"  # their other change is never lost
    assert row.note == ("mine" if choice == "keep mine" else "theirs\n\nmine")


def test_merging_keeps_my_change_only_where_they_left_the_field_alone() -> None:
    from kzeu_desk.ui.edit_collision import Collision

    loaded = {"status": "draft", "rank": "normal", "note": None, "value_amount": 1.0, "value_kind": "money"}
    stored_now = {**loaded, "status": "confirmed", "value_amount": 2.0}
    assert Collision(loaded, stored_now, {"rank": "preferred", "status": "rejected"}).merged() == {"rank": "preferred"}
    assert Collision(loaded, stored_now, {"value_amount": 3.0, "value_kind": "money"}).merged() == {}
    assert Collision(loaded, {**loaded, "note": "a"}, {"note": "b"}).merged() == {"note": "a\n\nb"}


def test_evidence_activation_and_removal(qtbot, editor: FactEditor, session: Session) -> None:
    fact_base = session.fact_base
    fact_id = new_draft(session)
    source_id, start, end = span_of(fact_base, "kz_eu_25_years.txt", "in 1996")
    item = editor.evidence_list.item(0)
    with qtbot.waitSignal(editor.evidence_activated) as activation:
        editor.evidence_list.itemActivated.emit(item)
    assert activation.args == [source_id, start, end]

    editor.evidence_list.setCurrentRow(0)
    steps = session.undo_stack.count()
    qtbot.mouseClick(editor.remove_evidence_button, Qt.MouseButton.LeftButton)
    with fact_base.reading() as conn:
        assert fact_detail.fact_evidence(conn, fact_id) == []
    assert editor.evidence_list.count() == 0
    assert session.undo_stack.count() == steps + 1
    session.undo_stack.undo()
    assert editor.evidence_list.count() == 1


def test_links_both_ways_and_removal(qtbot, editor: FactEditor, session: Session) -> None:
    other = new_draft(session, "30th anniversary", "kz_eu_30_years.txt")
    fact_id = new_draft(session)
    assert editor.link_to(other, "contradicts")
    assert editor.links_list.count() == 1
    assert editor.links_list.item(0).text().startswith("contradicts: ")

    session.select_fact(other)
    assert editor.links_list.item(0).text().startswith("contradicted by: ")
    editor.links_list.setCurrentRow(0)
    qtbot.mouseClick(editor.remove_link_button, Qt.MouseButton.LeftButton)
    with session.fact_base.reading() as conn:
        assert fact_detail.fact_links(conn, fact_id) == []
    assert editor.links_list.count() == 0


def test_focus_out_commits_and_keeps_other_typing(qtbot, editor: FactEditor, session: Session) -> None:
    fact_base = session.fact_base
    fact_id = new_draft(session)
    activate_window(qtbot, editor)

    editor.scope_note_edit.setFocus()
    qtbot.keyClicks(editor.scope_note_edit, "first nine months")
    editor.note_edit.setFocus()
    qtbot.waitUntil(editor.note_edit.hasFocus)
    assert stored(fact_base, fact_id).scope_note == "first nine months"

    qtbot.keyClicks(editor.note_edit, "Compare with the 2023 article")
    # A change to evidence elsewhere reloads the lists but leaves the typing alone.
    source_id, start, end = span_of(fact_base, "kz_eu_30_years.txt", "30th anniversary")
    session.perform(lambda fb: fb.add_evidence(fact_id, source_id, start, end))
    assert editor.evidence_list.count() == 2
    assert editor.note_edit.toPlainText() == "Compare with the 2023 article"

    editor.scope_note_edit.setFocus()
    qtbot.waitUntil(editor.scope_note_edit.hasFocus)
    assert stored(fact_base, fact_id).note == "Compare with the 2023 article"


def test_switching_facts_commits_pending_typing(qtbot, editor: FactEditor, session: Session) -> None:
    other = new_draft(session, "30th anniversary", "kz_eu_30_years.txt")
    fact_id = new_draft(session)
    qtbot.keyClicks(editor.scope_note_edit, "as of 2021")
    session.select_fact(other)
    assert stored(session.fact_base, fact_id).scope_note == "as of 2021"
    assert editor.shown_fact_id == other
    assert editor.scope_note_edit.text() == ""


def test_read_only_session_shows_but_never_writes(qtbot, fact_base: FactBase) -> None:
    writer = Session(fact_base)
    fact_id = new_draft(writer)
    with FactBase.open(fact_base.path, read_only=True) as reader:
        session = Session(reader)
        editor = FactEditor(session)
        qtbot.addWidget(editor)
        editor.show()
        session.select_fact(fact_id)
        assert editor.shown_fact_id == fact_id

        for edit in (editor.subject_field.line_edit, editor.value_date_field.line_edit,
                     editor.scope_note_edit, editor.amount_editor.amount_edit):
            assert edit.isReadOnly()
        assert editor.note_edit.isReadOnly()
        assert editor.note_edit.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
        for combo in (editor.property_combo, editor.status_combo, editor.rank_combo):
            assert not combo.isEnabled()
        assert not editor.remove_evidence_button.isVisible()
        assert editor.header.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse

        before = stored(reader, fact_id)
        qtbot.keyClicks(editor.subject_field.line_edit, "EU")
        qtbot.keyClick(editor.subject_field.line_edit, Qt.Key.Key_Return)
        editor.commit_pending_edit()
        assert not editor.link_to(fact_id, "related")
        assert stored(reader, fact_id) == before
        assert session.undo_stack.count() == 0
        assert editor.value_date_field.line_edit.text() == "1996"


def test_entity_value_for_an_entity_property(qtbot, editor: FactEditor, session: Session) -> None:
    fact_id = new_draft(session)
    choose(editor.property_combo, "largest investor")
    assert editor.value_stack.currentWidget() is editor.value_entity_field
    assert editor.kind_offer.isVisible()  # the fact holds a date until an entity is entered
    assert "“largest investor” takes an entity" in editor.kind_offer.message.text()
    assert stored(session.fact_base, fact_id).property_id is None
    type_and_enter(qtbot, editor.value_entity_field.line_edit, "holland")
    row = stored(session.fact_base, fact_id)
    assert (row.value_kind, row.value_entity_id) == ("entity", entity_id(session.fact_base, "Netherlands"))
    assert row.property_id is not None
    assert editor.value_entity_field.line_edit.text() == "Netherlands"
    assert not editor.kind_offer.isVisible()


def test_create_is_offered_only_when_nothing_completes(qtbot, editor: FactEditor, session: Session) -> None:
    new_draft(session)
    edit = editor.subject_field.line_edit
    qtbot.keyClicks(edit, "Euro")
    assert not editor.subject_field.create_button.isVisible()
    qtbot.keyClicks(edit, "stat")
    assert editor.subject_field.create_button.isVisible()


def test_ctrl_z_in_a_committed_field_undoes_through_the_app(qtbot, editor: FactEditor, session: Session) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    fact_base = session.fact_base
    fact_id = new_draft(session)
    undo = QAction("Undo", editor)
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    undo.triggered.connect(session.undo_stack.undo)
    editor.addAction(undo)
    activate_window(qtbot, editor)

    edit = editor.subject_field.line_edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    type_and_enter(qtbot, edit, "Kazakhstan")
    assert stored(fact_base, fact_id).subject_id == entity_id(fact_base, "Kazakhstan")

    # Typing not yet committed is the field's own to undo ...
    qtbot.keyClicks(edit, "x")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == "Kazakhstan"
    assert stored(fact_base, fact_id).subject_id == entity_id(fact_base, "Kazakhstan")
    # ... and once there is none, Ctrl+Z undoes the committed edit.
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(fact_base, fact_id).subject_id is None
    assert edit.text() == ""


def test_a_date_range_and_a_count_from_a_suggestion_are_shown_and_edited(editor, session, qtbot):
    # "for 2020-2030" reads as a date range; "29 different areas" as a count.
    range_fact = new_draft(session, "for 2020-2030", "kz_mfa_european_track.txt")
    assert editor.value_stack.currentWidget() is editor.value_range_field
    assert editor.value_range_field.first.line_edit.text() == "2020"
    assert editor.value_range_field.last.line_edit.text() == "2030"
    type_and_enter(qtbot, editor.value_range_field.last.line_edit, "2025")
    row = stored(session.fact_base, range_fact)
    assert (row.value_kind, row.value_date, row.value_date_end) == ("date_range", "2020", "2025")
    type_and_enter(qtbot, editor.value_range_field.last.line_edit, "2019")
    assert "must end after it begins" in editor.value_range_field.problem.text()
    assert stored(session.fact_base, range_fact).value_date_end == "2025"
    count_fact = new_draft(session, "29 areas", "kz_mfa_european_track.txt")
    assert editor.value_stack.currentWidget() is editor.amount_editor
    assert stored(session.fact_base, count_fact).value_kind == "count"


def test_the_history_is_read_off_the_gui_thread_and_never_shows_another_facts(qtbot, editor: FactEditor,
                                                                             session: Session, monkeypatch) -> None:
    """Reading a fact's history held the window 0.1-0.3 s at 1M facts with SQLite's cache cold."""
    import threading

    first = new_draft(session)
    choose(editor.status_combo, "confirmed")
    editor.wait_for_history()
    assert editor.history_lines()
    read_on: list[str] = []
    real = fact_detail.fact_history
    monkeypatch.setattr(fact_detail, "fact_history",
                        lambda *args, **kwargs: (read_on.append(threading.current_thread().name), real(*args, **kwargs))[1])
    second = new_draft(session)
    assert editor.history_lines() == []  # not the first fact's history meanwhile
    editor.wait_for_history()
    assert editor.history_lines() and read_on and threading.main_thread().name not in read_on
    session.select_fact(first)
    editor.wait_for_history()
    assert any("Set status to confirmed" in line for line in editor.history_lines())
    assert second != first
