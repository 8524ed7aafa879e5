"""The facts table model and pane: paging, sorting, filtering, refresh and the shared selection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QIcon
from PySide6.QtWidgets import QHeaderView

from kzeu_desk.core import fact_listing
from kzeu_desk.core.fact_listing import SortColumn
from kzeu_desk.core.models import FactStatus
from kzeu_desk.core.reading import read_document
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.ui import fact_table
from kzeu_desk.ui.fact_table import FACT_ID_ROLE, STATUS_COLUMN, FactTableModel, FactTablePane
from kzeu_desk.paths import sample_corpus_dir
from kzeu_desk.ui.session import Session
from test_fact_listing import (
    FTS_SYNTAX_TYPED_BY_USERS, bulk_insert_facts, entity_id, property_id, reference_order, reference_rows,
)

FACTS = 1000
COLUMN_SORTS = {0: SortColumn.ID, 1: SortColumn.SUBJECT, 2: SortColumn.PROPERTY, 3: SortColumn.VALUE,
                5: SortColumn.STATUS, 6: SortColumn.RANK, 9: SortColumn.UPDATED}
ASCENDING, DESCENDING = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@pytest.fixture
def session(qtbot, fact_base: FactBase) -> Session:
    bulk_insert_facts(fact_base, FACTS)
    return Session(fact_base)


@pytest.fixture
def model(session: Session) -> FactTableModel:
    return FactTableModel(session)


@pytest.fixture
def pane(qtbot, session: Session) -> FactTablePane:
    widget = FactTablePane(session)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def references(session: Session) -> dict[int, dict]:
    with session.fact_base.reading() as conn:
        return {row["id"]: row for row in reference_rows(conn)}


def listed_ids(model: FactTableModel) -> list[int]:
    return [model.fact_id_at(row) for row in range(model.rowCount())]


def shown(model: FactTableModel, row: int, column: int) -> str:
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def create_fact(session: Session, value: TypedValue, subject: str = "Germany") -> int:
    with session.fact_base.reading() as conn:
        # A text is a statement; anything else is a figure of trade turnover (what these tests list).
        key = "statement" if value.kind is ValueKind.TEXT else "trade_turnover"
        subject_id, prop = entity_id(conn, subject), property_id(conn, key)
    changes = session.perform(lambda fact_base: fact_base.create_fact(
        value=value, subject_id=subject_id, property_id=prop))
    return changes.new_id("fact")


# --- the model -------------------------------------------------------------------------------------


def test_model_passes_the_qt_model_tester(qtmodeltester, model):
    qtmodeltester.check(model)
    model.sort(1, DESCENDING)
    qtmodeltester.check(model)


def test_model_with_nothing_to_show_passes_the_qt_model_tester(qtmodeltester, model):
    model.set_filter_text("no-fact-says-this")
    assert model.rowCount() == 0
    qtmodeltester.check(model)


@pytest.mark.parametrize("order", [ASCENDING, DESCENDING], ids=["ascending", "descending"])
def test_sorting_each_column_matches_a_reference_sort(session, model, order):
    rows = list(references(session).values())
    for column, sort_column in COLUMN_SORTS.items():
        model.sort(column, order)
        assert listed_ids(model) == reference_order(rows, sort_column, order == DESCENDING), sort_column


def test_count_columns_cannot_be_sorted_and_leave_the_order_alone(model):
    model.sort(3, DESCENDING)
    before = model.spec
    for count_column in (4, 7, 8):
        model.sort(count_column, ASCENDING)
        assert model.spec == before


def test_rows_are_right_across_page_boundaries_and_after_a_jump(session, model, monkeypatch):
    expected = reference_order(list(references(session).values()), SortColumn.ID, descending=False)
    reference = references(session)
    assert model.rowCount() == FACTS
    boundary_scans = []
    scan = fact_listing.page_boundaries
    monkeypatch.setattr(fact_listing, "page_boundaries", lambda *args: boundary_scans.append(args) or scan(*args))
    # Row 900 first: its page's predecessor was never read, so this is a jump, not a scroll.
    for row in (900, 899, 255, 256, 257, 0, 511, 512, 999):
        fact_id = expected[row]
        assert model.fact_id_at(row) == fact_id
        assert model.data(model.index(row, 0), FACT_ID_ROLE) == fact_id
        assert shown(model, row, 0) == str(fact_id)
        assert shown(model, row, 1) == reference[fact_id]["subject"]
        assert shown(model, row, 2) == reference[fact_id]["property"]
        assert shown(model, row, 3) == reference[fact_id]["display_value"]
        assert shown(model, row, 5) == reference[fact_id]["status"].capitalize()
        assert shown(model, row, 7) == str(reference[fact_id]["sources"])
    assert model.fact_id_at(FACTS) is None
    assert model.data(model.index(FACTS, 0)) is None
    assert len(boundary_scans) == 1  # built by the first jump, reused by the later ones


def test_scrolling_page_by_page_never_scans_for_boundaries(model, monkeypatch):
    monkeypatch.setattr(fact_listing, "page_boundaries", lambda *args: pytest.fail("sequential pages need no scan"))
    assert [model.fact_id_at(row) is not None for row in range(FACTS)] == [True] * FACTS


def test_a_jump_in_a_sort_without_an_index_lands_on_the_right_rows(session, model):
    model.sort(3, DESCENDING)
    expected = reference_order(list(references(session).values()), SortColumn.VALUE, descending=True)
    assert [model.fact_id_at(row) for row in (900, 700, 256, 255)] == [expected[r] for r in (900, 700, 256, 255)]


def test_status_has_a_coloured_dot_and_rejected_facts_recede(session, model):
    reference = references(session)
    statuses = {row: reference[model.fact_id_at(row)]["status"] for row in range(60)}
    for row, status in statuses.items():
        assert isinstance(model.data(model.index(row, STATUS_COLUMN), Qt.ItemDataRole.DecorationRole), QIcon)
        assert model.data(model.index(row, 1), Qt.ItemDataRole.DecorationRole) is None
        foreground = model.data(model.index(row, 1), Qt.ItemDataRole.ForegroundRole)
        assert isinstance(foreground, QBrush) == (status == FactStatus.REJECTED.value)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(10)] == [
        "ID", "Subject", "Property", "Value", "Time", "Status", "Rank", "Sources", "Conflicts", "Updated"]


def test_row_of_answers_from_the_cache_or_by_counting(session, model):
    model.sort(1, ASCENDING)
    expected = reference_order(list(references(session).values()), SortColumn.SUBJECT, descending=False)
    assert model.row_of(expected[777]) == 777  # nothing cached yet: a COUNT on the keyset
    model.fact_id_at(10)
    assert model.row_of(expected[12]) == 12  # page 0 is cached now
    model.set_status_filter(FactStatus.CONFIRMED)
    draft = next(fact_id for fact_id, row in references(session).items() if row["status"] == "draft")
    assert model.row_of(draft) is None


def test_filter_text_and_status_narrow_the_rows(session, model):
    reference = references(session)
    model.set_filter_text("Germany")
    germany = {fact_id for fact_id, row in reference.items() if row["subject"] == "Germany"}
    assert set(listed_ids(model)) >= germany and model.rowCount() > 0
    assert model.total_count == FACTS
    model.set_status_filter(FactStatus.DISPUTED)
    assert {reference[fact_id]["status"] for fact_id in listed_ids(model)} == {"disputed"}
    model.set_filter_text("")
    model.set_status_filter(None)
    assert model.rowCount() == FACTS


@pytest.mark.parametrize("typed", FTS_SYNTAX_TYPED_BY_USERS)
def test_fts_syntax_typed_by_a_user_never_raises(model, typed):
    model.set_filter_text(typed)
    for row in range(min(model.rowCount(), 3)):
        assert shown(model, row, 0)


def test_refreshes_after_a_fact_is_created_edited_and_deleted(session, model):
    model.sort(3, DESCENDING)  # values sort: an edit moves the fact
    model.fact_id_at(0)
    fact_id = create_fact(session, TypedValue(ValueKind.TEXT, text="zzz newest statement"))
    assert model.rowCount() == FACTS + 1
    row = model.row_of(fact_id)
    assert shown(model, row, 3) == "zzz newest statement"

    with session.fact_base.reading() as conn:
        version = conn.exec_driver_sql("SELECT version FROM fact WHERE id = ?", (fact_id,)).scalar_one()
    with session.fact_base.reading() as conn:
        turnover = property_id(conn, "trade_turnover")
    session.perform(lambda fact_base: fact_base.update_fact(
        fact_id, version, value=TypedValue(ValueKind.MONEY, amount=160e9, unit="USD"), status=FactStatus.CONFIRMED,
        property_id=turnover))
    row = model.row_of(fact_id)
    assert shown(model, row, 3) == "US$160 billion"
    assert shown(model, row, 5) == "Confirmed"
    assert model.rowCount() == FACTS + 1

    session.perform(lambda fact_base: fact_base.delete_fact(fact_id))
    assert model.rowCount() == FACTS
    assert model.row_of(fact_id) is None
    assert fact_id not in listed_ids(model)


def test_after_changes_the_number_of_facts_follows_them_without_a_count(session, model, monkeypatch):
    """A COUNT of every fact on the GUI thread after each operation was 10-20 ms at 1M facts (far
    more with a cold cache): the counts follow the facts a change inserted and deleted."""
    counts: list[str] = []
    real_count = fact_listing.count
    monkeypatch.setattr(fact_listing, "count", lambda *args: (counts.append("count"), real_count(*args))[1])
    created = [create_fact(session, TypedValue(ValueKind.TEXT, text=f"statement {n}")) for n in range(3)]
    session.perform(lambda fact_base: fact_base.delete_fact(created[0]))
    session.undo_stack.undo()  # the deletion undone: the fact is back
    session.undo_stack.undo()  # the third creation undone
    assert counts == []
    assert model.rowCount() == model.total_count == FACTS + 2
    with session.fact_base.reading() as conn:
        assert real_count(conn, fact_listing.ListingSpec()) == FACTS + 2
    model.set_status_filter(FactStatus.DRAFT.value)  # a filtered listing is counted, up to COUNT_LIMIT
    drafts = model.rowCount()
    create_fact(session, TypedValue(ValueKind.TEXT, text="one more draft"))
    assert model.rowCount() == drafts + 1 and model.total_count == FACTS + 3


def test_a_refresh_counts_the_facts_off_the_gui_thread(qtbot, session, model, monkeypatch):
    """File > Refresh: another program's facts are counted by a worker; the table shows the rows it
    showed until the count comes."""
    import threading

    counted_on: list[str] = []
    real_count = fact_listing.count
    monkeypatch.setattr(fact_listing, "count",
                        lambda *args: (counted_on.append(threading.current_thread().name), real_count(*args))[1])
    with FactBase.open(session.fact_base.path, actor="colleague") as colleague:
        colleague.create_fact(value=TypedValue(ValueKind.DATE, date="2020"))
    model.refresh()
    assert model.counting and model.rowCount() == FACTS
    model.wait_for_count()
    assert not model.counting and model.rowCount() == model.total_count == FACTS + 1
    assert counted_on and threading.main_thread().name not in counted_on
    assert len(listed_ids(model)) == FACTS + 1


def test_changes_the_table_does_not_show_keep_its_pages(session, model):
    model.fact_id_at(0)
    document = read_document(sample_corpus_dir() / "kz_eu_25_years.txt")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model, "refresh", lambda *_: pytest.fail("refreshed for a change it does not show"))
        assert session.perform(lambda fact_base: fact_base.import_document(document)) is not None


# --- the pane --------------------------------------------------------------------------------------


def test_pane_is_set_up_for_a_million_rows(pane):
    view = pane.view
    assert view.objectName() == "factTable"
    assert view.accessibleName() == "Facts"
    assert view.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert view.verticalHeader().defaultSectionSize() >= view.fontMetrics().height()
    assert view.horizontalHeader().resizeContentsPrecision() == 0
    assert view.isSortingEnabled()
    assert pane.filter_box.placeholderText() == "Filter facts: subject, property, value, quote or note"
    assert pane.filter_box.isClearButtonEnabled()
    assert [pane.status_filter.itemText(i) for i in range(pane.status_filter.count())] == [
        "All", "Draft", "Confirmed", "Disputed", "Rejected"]
    assert pane.count_label.text() == "1,000 facts"


def test_typing_a_filter_is_debounced_and_counted(qtbot, pane):
    queries = []
    pane.model.modelReset.connect(lambda: queries.append(pane.model.spec.search_text))
    qtbot.keyClicks(pane.filter_box, "Germany")
    qtbot.waitUntil(lambda: pane.model.spec.search_text == "Germany")
    assert queries == ["Germany"]  # one query for the whole word, not one per keystroke
    shown_rows = pane.model.rowCount()
    assert 0 < shown_rows < FACTS
    assert pane.count_label.text() == f"{shown_rows:,} of 1,000 facts match"
    pane.status_filter.setCurrentIndex(pane.status_filter.findText("Rejected"))
    assert pane.model.spec.status is FactStatus.REJECTED
    pane.filter_box.clear()
    qtbot.waitUntil(lambda: pane.model.spec.search_text == "")
    assert pane.count_label.text().endswith("of 1,000 facts match")
    pane.status_filter.setCurrentIndex(0)
    assert pane.count_label.text() == "1,000 facts"


def test_clicking_a_count_column_header_keeps_the_sort(pane):
    header = pane.view.horizontalHeader()
    header.setSortIndicator(1, DESCENDING)
    assert pane.model.spec.sort is SortColumn.SUBJECT and pane.model.spec.descending
    header.setSortIndicator(7, ASCENDING)
    assert pane.model.spec.sort is SortColumn.SUBJECT and pane.model.spec.descending
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (1, DESCENDING)


def test_selecting_a_row_selects_the_fact_in_the_session(qtbot, session, pane):
    index = pane.model.index(300, 2)
    with qtbot.waitSignal(session.selected_fact_changed) as selected:
        pane.view.setCurrentIndex(index)
    assert selected.args == [pane.model.fact_id_at(300)]
    assert session.selected_fact == pane.model.fact_id_at(300)


def test_selecting_a_fact_in_the_session_selects_and_reveals_its_row(session, pane):
    pane.model.sort(1, ASCENDING)
    fact_id = pane.model.fact_id_at(900)
    session.select_fact(fact_id)
    assert pane.view.currentIndex().row() == 900
    assert pane.view.selectionModel().isRowSelected(900, QModelIndex())
    assert pane.view.viewport().rect().intersects(pane.view.visualRect(pane.model.index(900, 0)))
    session.select_fact(None)
    assert not pane.view.selectionModel().hasSelection()


def test_in_a_large_listing_the_selected_facts_row_is_found_off_the_gui_thread(monkeypatch, session, pane):
    """Above FIND_ROW_OFF_GUI_THREAD_FROM rows the COUNT that places a fact runs on a worker: the
    row is highlighted when it comes, and a selection that moved on meanwhile wins."""
    monkeypatch.setattr(fact_table, "FIND_ROW_OFF_GUI_THREAD_FROM", 0)
    pane.model.sort(1, ASCENDING)
    fact_id = pane.model.fact_id_at(900)
    pane.model.set_filter_text("")  # forget the fetched pages: the row must be counted
    pane.model.refresh()
    pane.model.wait_for_count()
    assert pane.model.fetched_row_of(fact_id) is None
    session.select_fact(fact_id)
    assert not pane.view.selectionModel().hasSelection()  # not the previous fact's row meanwhile
    pane.wait_for_position()
    assert pane.view.currentIndex().row() == 900
    assert pane.view.viewport().rect().intersects(pane.view.visualRect(pane.model.index(900, 0)))

    later = pane.model.fact_id_at(3)
    session.select_fact(pane.model.fact_id_at(700))
    session.select_fact(later)  # before the first answer arrives
    pane.wait_for_position()
    assert pane.view.currentIndex().row() == 3


def test_a_fact_filtered_out_stays_selected_in_the_session(qtbot, session, pane):
    fact_id = pane.model.fact_id_at(5)
    session.select_fact(fact_id)
    pane.model.set_filter_text("no-fact-says-this")
    assert not pane.view.selectionModel().hasSelection()
    assert session.selected_fact == fact_id
    pane.model.set_filter_text("")
    assert pane.view.currentIndex().row() == 5


def test_selection_follows_the_fact_through_a_refresh(session, pane):
    pane.model.sort(0, DESCENDING)
    fact_id = pane.model.fact_id_at(40)
    session.select_fact(fact_id)
    create_fact(session, TypedValue(ValueKind.TEXT, text="pushes every row down"))  # newest id: row 0
    assert pane.model.row_of(fact_id) == 41
    assert pane.view.currentIndex().row() == 41
    assert session.selected_fact == fact_id
    with session.fact_base.reading() as conn:
        version = conn.exec_driver_sql("SELECT version FROM fact WHERE id = ?", (fact_id,)).scalar_one()
    session.perform(lambda fact_base: fact_base.update_fact(fact_id, version, status=FactStatus.REJECTED))
    assert pane.view.currentIndex().row() == 41  # same count: repainted in place
    assert pane.view.currentIndex().siblingAtColumn(5).data() == "Rejected"


def test_scroll_position_survives_a_refresh_that_adds_a_row(qtbot, session, pane):
    pane.view.scrollTo(pane.model.index(600, 0), pane.view.ScrollHint.PositionAtTop)
    top = pane.view.rowAt(0)
    assert top > 500
    create_fact(session, TypedValue(ValueKind.TEXT, text="a"))  # highest id: appended at the end
    assert pane.view.rowAt(0) == top


def test_a_hidden_pane_finds_the_selected_row_when_shown(session, pane):
    pane.hide()
    fact_id = pane.model.fact_id_at(700)
    session.select_fact(fact_id)
    assert not pane.view.selectionModel().hasSelection()  # no COUNT query for a pane nobody sees
    pane.show()
    assert pane.view.currentIndex().row() == 700


def test_a_broad_filter_is_counted_in_batches_as_the_rows_are_reached(qtbot, session, pane, monkeypatch,
                                                                        qtmodeltester):
    monkeypatch.setattr(fact_listing, "COUNT_LIMIT", 100)  # 1,000 facts stand in for a million
    model = pane.model
    model.set_status_filter(FactStatus.DRAFT)
    with session.fact_base.reading() as conn:
        matching = fact_listing.count(conn, model.spec)
    assert matching > 200  # several batches of 100
    assert (model.rowCount(), model.more_rows) == (100, True)
    assert pane.count_label.text() == "100+ of 1,000 facts match"
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert (model.rowCount(), model.more_rows) == (matching, False)
    assert pane.count_label.text() == f"{matching:,} of 1,000 facts match"
    assert listed_ids(model) == sorted(listed_ids(model))  # every row is there, in order

    unseen = FactTableModel(session)  # no view asking for more rows
    unseen.set_status_filter(FactStatus.DRAFT)
    assert unseen.rowCount() == 100
    last_id = max(fact_id for fact_id, row in references(session).items() if row["status"] == "draft")
    row = unseen.row_of(last_id)  # selecting a fact far down counts as far as its row
    assert row is not None and unseen.fact_id_at(row) == last_id and unseen.rowCount() > row
    unseen.set_status_filter(None)
    unseen.set_status_filter(FactStatus.DRAFT)
    qtmodeltester.check(unseen)  # it fetches more rows, as a view would

    model.set_status_filter(None)
    model.set_status_filter(FactStatus.DRAFT)
    def scrolled_to_the_end() -> bool:
        pane.view.scrollToBottom()  # the view asks for more rows whenever it reaches the end
        return not model.more_rows

    qtbot.waitUntil(scrolled_to_the_end)
    assert model.rowCount() == matching


def _column_widths(pane: FactTablePane) -> list[int]:
    header = pane.view.horizontalHeader()
    return [header.sectionSize(column) for column in range(header.count())]


def test_columns_follow_the_pane_when_it_widens_until_the_curator_sizes_one(qtbot, pane):
    qtbot.waitUntil(lambda: pane._shown_once)
    qtbot.wait(20)
    header = pane.view.horizontalHeader()
    value_before = header.sectionSize(3)
    pane.resize(1400, 500)
    # The table fills the wider pane again (no strip of empty table beside the values).
    qtbot.waitUntil(lambda: header.sectionSize(3) > value_before + 300)
    shown_width = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
    assert pane.view.viewport().width() - 20 <= shown_width <= pane.view.viewport().width()
    header.resizeSection(1, 250)  # the curator's own width
    kept = _column_widths(pane)
    pane.resize(1000, 500)
    qtbot.wait(50)
    assert _column_widths(pane) == kept


def test_the_id_column_fits_the_largest_id_not_only_the_first_rows(qtbot, tmp_path):
    """Sorted by id, the first rows hold the smallest ids; every id further down must still fit
    (at 1M facts they all showed as "500…")."""
    from sqlalchemy import text

    fact_base = FactBase.open(tmp_path / "ids.sqlite")
    for amount in (1, 2, 3):
        fact_base.create_fact(value=TypedValue(ValueKind.COUNT, amount=amount))
    with fact_base.engine.begin() as conn:  # a fact base whose newest fact has a 7-digit id
        conn.execute(text("UPDATE fact SET id = 1234567 WHERE id = (SELECT max(id) FROM fact)"))
    widget = FactTablePane(Session(fact_base))
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 3)
    widget.fit_columns_to_content()
    metrics = widget.view.fontMetrics()
    assert widget.view.horizontalHeader().sectionSize(0) >= metrics.horizontalAdvance("1234567") + 6
    assert widget.model.data(widget.model.index(0, 0)) == "1"  # the first row the sample saw: a 1-digit id
    widget.close()
    fact_base.close()


def test_the_largest_id_is_read_once_until_the_listing_is_read_again(qtbot, pane, monkeypatch):
    """Every resize of the pane fits the columns again; the largest id is read once, and again
    only after the listing was re-read (a new fact can be the widest)."""
    from kzeu_desk.core import queries

    asked = []
    largest = queries.largest_fact_id
    monkeypatch.setattr(queries, "largest_fact_id", lambda conn: (asked.append(1), largest(conn))[1])
    pane.fit_columns_to_content()
    pane.fit_columns_to_content()
    pane.resize(1200, 500)
    pane.fit_columns_to_content()
    assert len(asked) <= 1  # none when an earlier fit already read it
    assert pane.model.widest_id_text() == str(FACTS)
    before = len(asked)
    fact_base = pane.model._session.fact_base
    changes = fact_base.create_fact(value=TypedValue(ValueKind.COUNT, amount=7))
    pane.model._session.changed.emit(changes)  # as an edit's command publishes what it did
    pane.fit_columns_to_content()
    assert len(asked) == before + 1
    assert pane.model.widest_id_text() == str(FACTS + 1)
    pane.model.refresh()  # File > Refresh: read again at the next fit
    pane.fit_columns_to_content()
    assert len(asked) == before + 2


def _pane_of_long_names(qtbot, tmp_path, width: int) -> FactTablePane:
    """Facts whose subjects and properties have names as long as a generated 100k fact base's
    ("Pavlodar Grain Logistics LLP", "number of employees at year end") and values such as
    "1,028 employees", in a pane of `width`."""
    from kzeu_desk.core.properties import PropertyDraft

    fact_base = FactBase.open(tmp_path / "names.sqlite")
    subjects = [fact_base.create_entity(name, kind="organization").new_id("entity")
                for name in ("Pavlodar Grain Logistics LLP", "Karaganda Wind Power GmbH", "Aktobe Pharmaceuticals JSC")]
    properties = [fact_base.create_property(PropertyDraft(key=key, name=key.replace("_", " "),
                                                          value_kind=ValueKind.COUNT)).new_id("property")
                  for key in ("number_of_employees_at_year_end", "number_of_joint_ventures_opened")]
    for number in range(30):
        fact_base.create_fact(value=TypedValue(ValueKind.COUNT, amount=1000 + number, unit="employees"),
                              subject_id=subjects[number % 3],
                              property_id=properties[number % 2])
    widget = FactTablePane(Session(fact_base))
    qtbot.addWidget(widget)
    widget.resize(width, 500)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 30)
    return widget


def test_subject_property_and_value_show_typical_texts_whole_in_a_narrow_pane(qtbot, tmp_path):
    """A pane too narrow for every column squeezed Subject and Property to 12 characters
    ("Aktobe Ph…" on every row at 100k facts), and once they kept room for typical names the
    values gave way alone ("1,571 emp…"); all three keep room for typical texts, the table
    scrolling sideways instead."""
    widget = _pane_of_long_names(qtbot, tmp_path, 650)
    widget.fit_columns_to_content()
    header = widget.view.horizontalHeader()
    metrics = widget.view.fontMetrics()
    for column, name in ((1, "Pavlodar Grain Logistics LLP"), (2, "number of employees at year end"),
                         (3, "1,028 employees")):
        assert header.sectionSize(column) >= metrics.horizontalAdvance(name), name
    shown = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
    assert shown > widget.view.viewport().width()  # too wide for the pane: it scrolls sideways
    widget.close()
    widget.model._session.fact_base.close()


def test_a_curators_own_width_for_subject_stays_when_the_pane_narrows(qtbot, tmp_path):
    widget = _pane_of_long_names(qtbot, tmp_path, 1400)
    qtbot.waitUntil(lambda: widget._shown_once)
    qtbot.wait(20)  # the fit the first showing asks for, on the next turn
    header = widget.view.horizontalHeader()
    header.resizeSection(1, 60)  # narrower than any name: the curator's choice
    kept = _column_widths(widget)
    widget.resize(650, 500)
    qtbot.wait(50)
    assert _column_widths(widget) == kept
    widget.close()
    widget.model._session.fact_base.close()


def test_an_empty_table_says_why_it_is_empty_and_what_to_do(qtbot, tmp_path):
    fact_base = FactBase.open(tmp_path / "empty.sqlite")
    empty = FactTablePane(Session(fact_base))
    qtbot.addWidget(empty)
    empty.show()
    assert "No facts yet" in empty.view.empty_text and "Ctrl+N" in empty.view.empty_text
    image = empty.view.viewport().grab().toImage()
    assert any(image.pixelColor(x, y) != image.pixelColor(0, 0)
               for x in range(0, image.width(), 2) for y in range(0, min(image.height(), 60), 2))  # drawn
    fact_base.close()


def test_a_filter_that_matches_nothing_says_so_and_rows_clear_the_message(qtbot, pane):
    assert pane.view.empty_text == ""
    pane.model.set_filter_text("zzqqxxnothingmatches")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 0)
    qtbot.waitUntil(lambda: pane.view.empty_text == "No facts match the filter and status chosen.")
    pane.model.set_filter_text("")
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0)
    qtbot.waitUntil(lambda: pane.view.empty_text == "")
