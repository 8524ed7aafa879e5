"""The open schema in the window (issue 16): source details, the vocabulary manager, qualifiers and
date ranges in the fact editor, each change one undoable action. Texts from tests/curation_texts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from kzeu_desk.core.properties import PropertyDraft, property_by_key
from kzeu_desk.core.qualifiers import fact_qualifiers
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.source_details import source_details
from kzeu_desk.core.typed_value import ValueKind
from kzeu_desk.ui import create_main_window
from kzeu_desk.ui.property_dialog import PropertyDialog
from kzeu_desk.ui.source_details_dialog import SourceDetailsDialog
from kzeu_desk.ui.vocabulary_manager import VocabularyManager

from tests.curation import Curator, date_range, percent


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "project.sqlite"
    with FactBase.open(path, actor="curator") as fb:
        curator = Curator(fb)
        fb.create_property(PropertyDraft(key="ministerial_meeting_held", name="ministerial meeting held",
                                         value_kind=ValueKind.DATE_RANGE, single_valued=True))
        curator.reload()
        ids = {
            "share": curator.fact("Kazakhstan", "share_of_foreign_trade", percent(29.8), "trade_partners_2023.txt",
                                  "29.8%", qualifiers={"partner": "European Union"}, point_in_time="2023"),
            "meeting": curator.fact("EU–Central Asia ministerial meeting", "ministerial_meeting_held",
                                    date_range("2019-07-06", "2019-07-07"), "summit_2019.txt", "6–7 July 2019"),
        }
    return path, curator.sources, ids


@pytest.fixture
def window(qtbot, project):
    win = create_main_window(project[0])
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _type(qtbot, edit, text: str) -> None:
    edit.setText(text)  # the test keyboard types ASCII only; "–" is set, Enter is pressed
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_source_details_are_edited_in_one_undoable_action(window, project):
    _path, sources, _ids = project
    source_id = sources["trade_partners_2023.txt"]
    window.sources_pane.choose(source_id)
    edit_action = window.findChild(QAction, "actionEditSource")
    assert edit_action is not None and edit_action.isEnabled()
    dialog = SourceDetailsDialog(window.session, source_id, window)
    dialog.publisher_edit.setText("Kazinform")
    dialog.author_edit.setText("Dana Abenova")
    dialog.published_field.line_edit.setText("12 February 2024")
    steps = window.session.undo_stack.count()
    dialog.accept()
    assert window.session.undo_stack.count() == steps + 1
    with window.session.fact_base.reading() as conn:
        details = source_details(conn, source_id)
    assert (details.publisher, details.author, details.published) == ("Kazinform", "Dana Abenova", "2024-02-12")
    assert "Kazinform" in window.source_pane.details_label.text()
    window.session.undo_stack.undo()
    with window.session.fact_base.reading() as conn:
        assert source_details(conn, source_id).publisher is None


def test_a_bad_publication_date_is_one_sentence_and_keeps_the_dialog_open(window, project):
    source_id = project[1]["visa_talks.txt"]
    dialog = SourceDetailsDialog(window.session, source_id, window)
    dialog.published_field.line_edit.setText("sometime")
    steps = window.session.undo_stack.count()
    dialog.accept()
    assert window.session.undo_stack.count() == steps and dialog.result() == 0
    assert dialog.problem.text().count(".") >= 1 and "\n" not in dialog.problem.text()


def test_the_vocabulary_manager_creates_a_property_and_undo_takes_it_back(qtbot, window, monkeypatch):
    def filled(dialog: PropertyDialog) -> int:
        dialog.label_edit.setText("negotiation rounds")
        dialog._label_edited("negotiation rounds")
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(ValueKind.COUNT.value))
        return 1

    monkeypatch.setattr(PropertyDialog, "exec", filled)
    manager = VocabularyManager(window.session, window)
    qtbot.addWidget(manager)
    manager.properties.new_property()
    with window.session.fact_base.reading() as conn:
        created = property_by_key(conn, "negotiation_rounds")
    assert created is not None and created.value_kind is ValueKind.COUNT
    assert manager.properties.current().info.id == created.id
    assert manager.undo_button.text() == "Undo New property “negotiation rounds”"
    manager.undo_button.click()
    with window.session.fact_base.reading() as conn:
        assert property_by_key(conn, "negotiation_rounds") is None


def test_a_qualifier_is_added_in_the_fact_editor_and_undone(window, project):
    fact_id = project[2]["share"]
    window.session.select_fact(fact_id)
    qualifiers = window.fact_editor.qualifier_editor
    with window.session.fact_base.reading() as conn:
        method = property_by_key(conn, "determination_method")
    index = qualifiers.property_combo.findData(method.id)
    qualifiers.property_combo.setCurrentIndex(index)
    qualifiers.property_combo.activated.emit(index)
    qualifiers.value_edit.setText("customs statistics")
    qualifiers.add_or_save()
    with window.session.fact_base.reading() as conn:
        shown = {q.label for q in fact_qualifiers(conn, fact_id)}
    assert shown == {"partner: European Union", "determination method: customs statistics"}
    assert qualifiers.list.count() == 2
    window.session.undo_stack.undo()
    with window.session.fact_base.reading() as conn:
        assert [q.label for q in fact_qualifiers(conn, fact_id)] == ["partner: European Union"]


def test_a_date_range_is_typed_whole_as_the_source_writes_it(qtbot, window, project):
    fact_id = project[2]["meeting"]
    window.session.select_fact(fact_id)
    field = window.fact_editor.value_range_field
    assert window.fact_editor.value_stack.currentWidget() is field
    assert (field.first.line_edit.text(), field.last.line_edit.text()) == ("6 July 2019", "7 July 2019")
    _type(qtbot, field.first.line_edit, "17–18 June 2019")
    with window.session.fact_base.reading() as conn:
        row = conn.exec_driver_sql("SELECT value_date, value_date_end FROM fact WHERE id = ?", (fact_id,)).one()
    assert tuple(row) == ("2019-06-17", "2019-06-18")
    assert (field.first.line_edit.text(), field.last.line_edit.text()) == ("17 June 2019", "18 June 2019")
    _type(qtbot, field.first.line_edit, "30 June - 2 July 2019")
    with window.session.fact_base.reading() as conn:
        row = conn.exec_driver_sql("SELECT value_date, value_date_end FROM fact WHERE id = ?", (fact_id,)).one()
    assert tuple(row) == ("2019-06-30", "2019-07-02")
    window.session.undo_stack.undo()
    assert (field.first.line_edit.text(), field.last.line_edit.text()) == ("17 June 2019", "18 June 2019")


def test_the_facts_table_tells_facts_apart_by_their_qualifiers(qtbot, window, project):
    from kzeu_desk.core import fact_listing

    with window.session.fact_base.reading() as conn:
        rows = fact_listing.page_after(conn, fact_listing.ListingSpec(), None)
    share = next(row for row in rows if row.id == project[2]["share"])
    assert share.qualifiers == "partner: European Union"
    model = window.fact_table.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    shown = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert "share of foreign trade · partner: European Union" in shown
