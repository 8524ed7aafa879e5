"""The Sources pane: sorting, filtering and counts without reading every source's counts up front."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kzeu_desk.core import queries
from kzeu_desk.core.sample_corpus import import_sample_corpus
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.ui.session import Session
from kzeu_desk.ui.sources_pane import SourcesPane
from test_conflicts import Corpus


@pytest.fixture
def pane(qtbot, tmp_path: Path):
    with FactBase.open(tmp_path / "sources.sqlite", actor="curator") as fb:
        import_sample_corpus(fb)
        corpus = Corpus(fb)  # two sources disagree on when diplomatic relations began
        rel = "Kazakhstan–EU relations"
        corpus.fact(rel, "diplomatic_relations_established", TypedValue(ValueKind.DATE, date="1996"),
                    "kz_eu_25_years.txt", "five years later, in 1996")
        corpus.fact(rel, "diplomatic_relations_established", TypedValue(ValueKind.DATE, date="1993"),
                    "kz_eu_30_years.txt", "30th anniversary of the establishment of diplomatic relations")
    fact_base = FactBase.open(tmp_path / "sources.sqlite", actor="curator")
    widget = SourcesPane(Session(fact_base))
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.model.stop()
    fact_base.close()


def shown_titles(pane: SourcesPane) -> list[str]:
    return [pane.model.index(row, 0).data() for row in range(pane.model.rowCount())]


def shown_counts(pane: SourcesPane, column: int) -> list[int]:
    """The counts shown once read: they are read off the GUI thread for the rows asked for."""
    for row in range(pane.model.rowCount()):
        pane.model.index(row, column).data()
    pane.model.wait_for_counts()
    return [pane.model.index(row, column).data() or 0 for row in range(pane.model.rowCount())]


def reference_rows(pane: SourcesPane) -> list[queries.SourceSummary]:
    with pane._session.fact_base.reading() as conn:
        return queries.source_rows(conn)


def test_titles_start_sorted_and_counts_match_the_reference_query(pane):
    reference = reference_rows(pane)
    assert shown_titles(pane) == sorted((r.title for r in reference), key=str.casefold)
    by_title = {r.title: (r.fact_count, r.open_conflicts) for r in reference}
    assert shown_counts(pane, 3) == [by_title[title][0] for title in shown_titles(pane)]
    assert shown_counts(pane, 4) == [by_title[title][1] for title in shown_titles(pane)]
    assert sum(shown_counts(pane, 3)) > 0 and sum(shown_counts(pane, 4)) > 0  # the sample has both


def test_sorting_by_a_count_column_orders_by_the_counts_and_keeps_the_current_source(pane):
    pane.view.selectRow(2)
    chosen = pane.current_source_id()
    pane.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    counts = shown_counts(pane, 3)
    assert counts == sorted(counts, reverse=True)
    assert pane.current_source_id() == chosen
    pane.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown_titles(pane) == sorted(shown_titles(pane), key=str.casefold)
    assert pane.current_source_id() == chosen


def test_filter_matches_titles_and_choosing_a_hidden_source_clears_it(pane, qtbot):
    reference = reference_rows(pane)
    pane.filter_box.setText("quantum")
    assert shown_titles(pane) and all("quantum" in title.casefold() for title in shown_titles(pane))
    hidden = next(r for r in reference if "quantum" not in r.title.casefold())
    with qtbot.waitSignal(pane.source_chosen) as chosen:
        pane.choose(hidden.id)
    assert chosen.args == [hidden.id]
    assert pane.filter_box.text() == "" and len(shown_titles(pane)) == len(reference)


def test_new_evidence_refreshes_the_counts_without_reloading_the_list(pane):
    fact_base = pane._session.fact_base
    source = min(reference_rows(pane), key=lambda r: r.fact_count)
    row = pane.model.row_of(source.id)
    before = facts_shown(pane, row)
    with fact_base.reading() as conn:
        body = queries.source_text(conn, source.id)
    start = body.index(body.split()[3])
    pane._session.perform(lambda fb: fb.create_fact_from_selection(source.id, start, start + 8))
    assert pane.model.row_of(source.id) == row
    assert facts_shown(pane, row) == before + 1


def facts_shown(pane, row: int) -> int:
    """The facts count a row shows once read (counts are read off the GUI thread when first painted)."""
    pane.model.index(row, 3).data()
    pane.model.wait_for_counts()
    return pane.model.index(row, 3).data() or 0


def test_tooltip_describes_the_source_without_its_text(pane):
    source = reference_rows(pane)[0]
    tip = pane.model.index(pane.model.row_of(source.id), 0).data(Qt.ItemDataRole.ToolTipRole)
    assert source.title in tip and f"{source.char_count:,} characters" in tip


def test_an_import_and_its_undo_change_only_their_row_and_keep_the_chosen_source(pane, qtmodeltester, tmp_path):
    """A source added or removed by one action is read alone and slotted in (re-reading the list of
    25k sources held the window for 0.13-0.18 s); the order, the counts and the choice stay."""
    from kzeu_desk.core.reading import read_document
    from kzeu_desk.core.steps import SourceMetadata

    session = pane._session
    reference = reference_rows(pane)
    chosen = reference[-1].id
    pane.choose(chosen)
    resets: list[bool] = []
    pane.model.modelReset.connect(lambda: resets.append(True))
    article = tmp_path / "middle.txt"
    article.write_text("Astana and Brussels met again to talk about trade and transport corridors.\n", encoding="utf-8")
    document = read_document(article)
    session.perform(lambda fb: fb.import_document(document, SourceMetadata(title="Middle Corridor talks")))

    qtmodeltester.check(pane.model)
    titles = shown_titles(pane)
    assert titles.count("Middle Corridor talks") == 1 and titles == sorted(titles, key=str.casefold)
    assert pane.model.rowCount() == len(reference) + 1
    assert pane.current_source_id() == chosen
    assert not resets
    by_title = {r.title: r.fact_count for r in reference_rows(pane)}
    assert shown_counts(pane, 3) == [by_title[title] for title in shown_titles(pane)]

    session.undo_stack.undo()
    assert shown_titles(pane) == sorted((r.title for r in reference), key=str.casefold)
    assert pane.current_source_id() == chosen
    assert not resets


def test_a_refresh_reads_the_list_off_the_gui_thread_and_keeps_the_chosen_source(qtbot, pane, tmp_path):
    from kzeu_desk.core.reading import read_document
    from kzeu_desk.core.steps import SourceMetadata

    chosen = reference_rows(pane)[0].id
    pane.choose(chosen)
    before = shown_titles(pane)
    article = tmp_path / "colleague.txt"
    article.write_text("A colleague imported this note about rail freight through Dostyk.\n", encoding="utf-8")
    with FactBase.open(pane._session.fact_base.path, actor="colleague") as colleague:  # another window's work
        colleague.import_document(read_document(article), SourceMetadata(title="Dostyk freight note"))
    pane.reload(in_background=True)
    assert shown_titles(pane) == before  # the list as it was until the read comes in
    qtbot.waitUntil(lambda: "Dostyk freight note" in shown_titles(pane))
    assert pane.current_source_id() == chosen


def test_a_changed_source_moves_only_if_what_the_list_is_sorted_by_changed(pane, qtmodeltester):
    """A revision import or a publisher corrected keeps the title: its row is repainted where it is
    (sorting the 25k sources of 1M facts and laying the view out again took ~20 ms each time)."""
    session = pane._session
    titles = shown_titles(pane)
    chosen = pane.model._shown[1].id
    pane.choose(chosen)
    layouts: list[bool] = []
    repainted: list[int] = []
    pane.model.layoutChanged.connect(lambda *_: layouts.append(True))
    pane.model.dataChanged.connect(lambda first, *_: repainted.append(first.row()))
    session.perform(lambda fb: fb.update_source(chosen, publisher="A corrected publisher"))
    qtmodeltester.check(pane.model)
    assert not layouts and 1 in repainted
    assert shown_titles(pane) == titles
    assert pane.model.index(1, 1).data() == "A corrected publisher"
    session.perform(lambda fb: fb.update_source(chosen, title="zzz last of all"))
    assert layouts and shown_titles(pane)[-1] == "zzz last of all"
    assert pane.current_source_id() == chosen


def test_a_sources_position_is_found_again_after_the_rows_moved():
    from kzeu_desk.ui.sources_pane import _position_in

    def rows(*ids):
        return [type("Row", (), {"id": source_id})() for source_id in ids]

    shown = rows(5, 3, 9)
    positions, found = _position_in(shown, {}, 9)
    assert found == 2 and positions == {5: 0, 3: 1, 9: 2}
    moved = rows(9, 5, 3, 7)  # re-sorted, and a source added
    positions, found = _position_in(moved, positions, 9)  # the kept position 2 now holds another source
    assert found == 0
    positions, found = _position_in(moved, positions, 7)
    assert found == 3
    positions, found = _position_in(moved[1:], positions, 9)  # gone
    assert found is None and positions == {5: 0, 3: 1, 7: 2}


@pytest.mark.parametrize("order", ["title", "title descending", "publisher", "filtered"])
def test_sources_added_at_once_take_the_places_a_full_sort_gives(pane, qtmodeltester, tmp_path, order):
    """New sources are slotted in by bisection over the shown order (sorting the 25k sources of 1M
    facts again took 45 ms of an import's turn): the rows end where sorting everything puts them,
    ties of equal titles by id, in every order the list can have."""
    from kzeu_desk.core.reading import read_document
    from kzeu_desk.core.steps import SourceMetadata

    session = pane._session
    if order == "title descending":
        pane.model.sort(0, Qt.SortOrder.DescendingOrder)
    elif order == "publisher":
        pane.model.sort(1)
    elif order == "filtered":
        pane.model.set_filter("a")
    resets: list[bool] = []
    pane.model.modelReset.connect(lambda: resets.append(True))
    changes = []
    for number, title in enumerate(["Alpha talks", "alpha talks", "Middle corridor", "Zeta note", "Alpha talks"]):
        article = tmp_path / f"added{number}.txt"
        article.write_text(f"Note {number} on trade between Astana and Brussels.\n", encoding="utf-8")
        changes.append(session.fact_base.import_document(
            read_document(article), SourceMetadata(title=title, publisher=f"P{5 - number}")))
    session.adopt_all("Import 5 files", changes)
    qtmodeltester.check(pane.model)
    assert not resets
    assert [row.id for row in pane.model._shown] == [row.id for row in pane.model._arranged()]
    assert [row.id for row in pane.model._all] == sorted(row.id for row in reference_rows(pane))
    assert all(pane.model.row_of(row.id) == number for number, row in enumerate(pane.model._shown))


@pytest.mark.parametrize("order", ["title", "title descending", "publisher", "published", "filtered", "facts"])
def test_a_refresh_arranges_the_list_off_the_gui_thread_as_the_gui_thread_would(qtbot, pane, qtmodeltester, order):
    """File > Refresh reads the 25k sources of 1M facts and now filters, sorts and maps them on the
    reading thread too (~20 ms of the GUI thread's turn before): the rows shown, their positions and
    the date column's state are those arranging them on the GUI thread gives, in every order the list
    can have (by a count: arranged on the GUI thread, which holds the counts)."""
    if order == "title descending":
        pane.model.sort(0, Qt.SortOrder.DescendingOrder)
    elif order == "publisher":
        pane.model.sort(1)
    elif order == "published":
        pane.model.sort(2, Qt.SortOrder.DescendingOrder)
    elif order == "filtered":
        pane.model.set_filter("quantum")
    elif order == "facts":
        pane.model.sort(3)
    chosen = pane.model._shown[-1].id
    pane.choose(chosen)
    arrived: list = []
    pane.model.read_list_in_background(arrived.append)
    qtbot.waitUntil(lambda: bool(arrived))
    arranged = arrived[0]
    assert (arranged.shown is None) == (order == "facts")
    pane._replace_rows(lambda: pane.model.adopt_list(arranged))
    qtmodeltester.check(pane.model)
    assert [row.id for row in pane.model._shown] == [row.id for row in pane.model._arranged()]
    assert pane.model._shown and (order != "filtered" or len(pane.model._shown) < len(pane.model._all))
    assert all(pane.model.row_of(row.id) == number for number, row in enumerate(pane.model._shown))
    assert all(pane.model.contains(row.id) for row in pane.model._all)
    assert pane.model.has_publication_dates() == any(row.published for row in pane.model._all)
    assert pane.current_source_id() == chosen


def test_a_list_arranged_for_an_order_changed_meanwhile_is_arranged_again(qtbot, pane):
    """The curator sorted or filtered while the list was read: the rows come in arranged for the old
    order, and are arranged again on the GUI thread for the new one."""
    arrived: list = []
    pane.model.read_list_in_background(arrived.append)
    qtbot.waitUntil(lambda: bool(arrived))
    pane.model.sort(0, Qt.SortOrder.DescendingOrder)
    pane.model.set_filter("quantum")
    pane.model.adopt_list(arrived[0])
    titles = shown_titles(pane)
    assert titles == sorted(titles, key=str.casefold, reverse=True)
    assert [row.id for row in pane.model._shown] == [row.id for row in pane.model._arranged()]
    assert len(titles) < len(pane.model._all)


def test_the_list_read_again_does_not_announce_the_same_source_again(qtbot, pane, tmp_path):
    """Read again (File > Refresh, a load, a restore), the list keeps the chosen source without
    telling the panes it was chosen: they would set its text again (the 1 MB source: 170-263 ms of
    the GUI thread at 1M facts). A source chosen anew is announced, and one gone is announced gone."""
    rows = reference_rows(pane)
    announced: list[int | None] = []
    pane.source_chosen.connect(announced.append)
    pane.choose(rows[0].id)
    assert announced == [rows[0].id]
    pane.reload()
    pane.reload(in_background=True)
    qtbot.waitUntil(lambda: not pane.model.reading)
    assert announced == [rows[0].id] and pane.current_source_id() == rows[0].id
    pane.choose(rows[1].id)
    assert announced == [rows[0].id, rows[1].id]
    with FactBase.open(pane._session.fact_base.path, actor="colleague") as colleague:  # another window's work
        colleague.delete_source(rows[1].id, delete_unsupported_facts=True)
    pane.reload()
    assert announced == [rows[0].id, rows[1].id, None]


def test_a_load_reads_the_list_off_the_gui_thread_and_keeps_the_chosen_source(qtbot, pane, tmp_path, monkeypatch):
    """A load's changes count rows instead of naming them, so the whole list is read again: off the
    GUI thread (its 25k rows held the GUI thread 134 ms in one turn after a load at 1M facts). The
    chosen source stays chosen and is not announced again."""
    import threading

    from kzeu_desk.core.loading import load_jsonl
    from kzeu_desk.core.export import export

    rows = reference_rows(pane)
    announced: list[int | None] = []
    pane.source_chosen.connect(announced.append)
    pane.choose(rows[0].id)
    with FactBase.open(tmp_path / "colleague.sqlite", actor="colleague") as colleague:
        colleague.import_document(_note(tmp_path), _metadata("Dostyk freight note"))
    export(tmp_path / "colleague.sqlite", "jsonl", tmp_path / "colleague.jsonl")
    changes = load_jsonl(pane._session.fact_base, tmp_path / "colleague.jsonl", backup=False).changes  # the worker's
    assert changes.bulk_counts.get("source")
    on_the_gui_thread: list[bool] = []
    source_list = queries.source_list
    monkeypatch.setattr(queries, "source_list", lambda conn: (
        on_the_gui_thread.append(threading.current_thread() is threading.main_thread()), source_list(conn))[1])

    pane._session.changed.emit(changes)
    qtbot.waitUntil(lambda: "Dostyk freight note" in shown_titles(pane))

    assert on_the_gui_thread == [False]
    assert pane.current_source_id() == rows[0].id and announced == [rows[0].id]


def _note(folder: Path):
    from kzeu_desk.core.reading import read_document

    article = folder / "note.txt"
    article.write_text("A colleague imported this note about rail freight through Dostyk.\n", encoding="utf-8")
    return read_document(article)


def _metadata(title: str):
    from kzeu_desk.core.steps import SourceMetadata

    return SourceMetadata(title=title)
