"""View > Source agreement in the real window on the curated sample base."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from curated_base import build_curated_base
from kzeu_desk.core.source_agreement import Stance, VoiceGrouping
from kzeu_desk.ui import create_main_window
from kzeu_desk.ui.agreement_view import CELL_ROLE


@pytest.fixture(scope="module")
def curated_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("curated") / "curated.sqlite"
    return path, build_curated_base(path)


@pytest.fixture
def window(qtbot, tmp_path, curated_file):
    path = tmp_path / "curated.sqlite"
    path.write_bytes(curated_file[0].read_bytes())
    win = create_main_window(path)
    qtbot.addWidget(win)
    win.resize(1500, 950)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def ids(curated_file):
    return curated_file[1]


def open_agreement(window, qtbot):
    window.findChild(type(window.actionUndo), "actionShowAgreement").trigger()
    view = window.whole_base_views.agreement
    qtbot.waitUntil(lambda: window.findChild(QDockWidget, "agreementDock").isVisible() and view.agreement is not None
                    and not view.loading)
    return view


def cell_index(view, key_name: str, voice_prefix: str):
    model = view.model
    row = next(r for r in range(model.rowCount()) if model.key_at(r).name == key_name)
    column = next(c for c in range(model.columnCount()) if model.voice_at(c).name.startswith(voice_prefix))
    return model.index(row, column)


def click(view, qtbot, index) -> None:
    view.matrix.scrollTo(index)
    qtbot.mouseClick(view.matrix.viewport(), Qt.MouseButton.LeftButton, pos=view.matrix.visualRect(index).center())


def test_names_and_the_matrix(window, qtbot):
    view = open_agreement(window, qtbot)
    assert view.objectName() == "agreementView"
    assert window.findChild(QDockWidget, "agreementDock").widget().accessibleName() == "Source agreement"
    assert view.model.rowCount() == 7 and view.model.columnCount() == 5 and view.model.wide
    index = cell_index(view, "European Union · investment inflow", "Cooperation with the EU")
    assert index.data(CELL_ROLE).stance is Stance.DISAGREES
    assert index.data() == "more than US$8 billion"
    assert "7 subject–property keys compared across 5 sources" in view.summary.text()


def test_clicking_a_disagreement_opens_its_conflict(window, qtbot, ids):
    view = open_agreement(window, qtbot)
    click(view, qtbot, cell_index(view, "European Union · investment inflow", "Cooperation with the EU"))
    assert window.findChild(QDockWidget, "conflictsDock").isVisible()
    qtbot.waitUntil(lambda: window.conflicts_panel.current_conflict_id == ids["conflict:inflow"])
    assert window.session.selected_fact == ids["inflow_8bn"]
    assert "disagrees" in view.detail.text() and view.open_button.text() == "Open conflict"


def marked_text(window) -> str | None:
    marked = window.source_pane.view.marked_evidence
    return None if marked is None else window.source_pane.view.toPlainText()[marked[0]:marked[1]]


def test_clicking_an_agreement_shows_the_quote_in_that_source(window, qtbot, ids):
    view = open_agreement(window, qtbot)
    click(view, qtbot, cell_index(view, "Partnership and Cooperation Agreement · agreement signed", "Cooperation"))
    assert window.session.selected_fact == ids["pca_signed"]
    qtbot.waitUntil(lambda: marked_text(window) == "the signing of the Partnership and Cooperation Agreement in 1995")


def test_a_settled_cell_tells_how_it_was_settled(window, qtbot):
    view = open_agreement(window, qtbot)
    index = cell_index(view, "Kazakhstan–EU relations · diplomatic relations established", "Kazakhstan, a sign")
    view.matrix.setCurrentIndex(index)
    assert "resolved (prefer) by sofia: The EEAS and the Ministry" in view.detail.text()


def test_comparing_with_one_publisher_ranks_the_others(window, qtbot):
    view = open_agreement(window, qtbot)
    view.set_grouping(VoiceGrouping.PUBLISHER)
    qtbot.waitUntil(lambda: view.agreement is not None and view.agreement.grouping is VoiceGrouping.PUBLISHER
                    and not view.loading)
    ministry = next(voice for voice in view.agreement.voices if voice.name.startswith("El.kz"))
    view.compare_with(ministry.key)
    assert view.model.voice_at(0).key == ministry.key
    assert view.model.voice_at(1).name == "Kazakhstan and EU mark 30 years of diplomatic relations"
    assert all(view.model.cell_at(row, 0) is not None for row in range(view.model.rowCount()))
    first = view.pair_model.index(0, 0)
    assert first.data() == "Kazakhstan and EU mark 30 years of diplomatic relations"
    assert view.pair_model.index(0, 1).data() == "1"
    assert "El.kz" in view.pairs_title.text()


def test_the_matrix_follows_the_facts_tables_filter(window, qtbot):
    view = open_agreement(window, qtbot)
    window.fact_table.filter_box.setText("investment")
    window.fact_table.filter_box.returnPressed.emit()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 and not view.loading)
    assert "filtered like the facts table" in view.summary.text()


def test_asking_for_the_view_gives_it_room_and_leaves_the_text_readable(window, qtbot):
    from kzeu_desk.ui.window_layout import MIN_TEXT_HEIGHT

    dock = window.findChild(QDockWidget, "agreementDock")
    open_agreement(window, qtbot)
    # More than half the window (the source pane's own minimum may keep it a little under whole_base_views.ROOM_SHARE).
    qtbot.waitUntil(lambda: dock.height() > window.height() // 2)
    assert window.source_pane.view.height() >= MIN_TEXT_HEIGHT
    assert window.layout_keeper.collapsed_panes() == []
    dock.setFloating(True)  # a floating view keeps the size the curator gave it
    dock.resize(400, 300)
    window.findChild(type(window.actionUndo), "actionShowAgreement").trigger()
    qtbot.wait(50)
    assert dock.height() == 300
