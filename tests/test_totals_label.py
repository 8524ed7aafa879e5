"""The status bar's totals follow each change without counting on the GUI thread, and always agree
with a count of the fact base."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QLabel

from kzeu_desk.core import queries
from kzeu_desk.core.reading import ReadDocument
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.ui.session import Session
from kzeu_desk.ui.totals_label import TotalsLabel


def recount(session: Session) -> queries.Totals:
    with session.fact_base.reading() as conn:
        return queries.totals(conn)


def test_totals_followed_through_changes_equal_a_recount(qtbot, fact_base):
    session = Session(fact_base)
    label = QLabel()
    qtbot.addWidget(label)
    kept = TotalsLabel(label, session)
    assert kept.totals == recount(session)
    shown: list[queries.Totals] = []

    def perform_and_compare(action) -> None:
        session.perform(action)
        kept.wait()
        shown.append(kept.totals)
        assert kept.totals == recount(session), session.undo_stack.undoText()
        assert label.text().startswith(f"{kept.totals.sources} sources · ")

    year = TypedValue(ValueKind.DATE, date="2021")
    perform_and_compare(lambda fb: fb.create_fact(value=year))
    perform_and_compare(lambda fb: fb.create_fact(value=year))
    with fact_base.reading() as conn:
        latest = conn.exec_driver_sql("SELECT max(id) FROM fact").scalar()
    perform_and_compare(lambda fb: fb.delete_fact(latest))
    perform_and_compare(lambda fb: fb.import_document(ReadDocument("A new article. It says 42.", "utf-8", "new.txt",
                                                                   None, "text")))
    with fact_base.reading() as conn:
        source_id = conn.exec_driver_sql("SELECT max(id) FROM source").scalar()
    perform_and_compare(lambda fb: fb.create_fact_from_selection(source_id, 0, 5))
    perform_and_compare(lambda fb: fb.delete_source(source_id, delete_unsupported_facts=True))
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
        kept.wait()
        assert kept.totals == recount(session)
    assert len({t.facts for t in shown}) > 1 and len({t.sources for t in shown}) > 1  # they did move


def test_what_a_change_cannot_tell_is_counted_off_the_gui_thread(qtbot, fact_base, monkeypatch):
    session = Session(fact_base)
    label = QLabel()
    qtbot.addWidget(label)
    kept = TotalsLabel(label, session)
    counted_on: list[threading.Thread] = []
    counting = queries.totals

    def totals_noting_the_thread(conn):
        counted_on.append(threading.current_thread())
        return counting(conn)

    monkeypatch.setattr("kzeu_desk.ui.totals_label.totals", totals_noting_the_thread)
    session.perform(lambda fb: fb.create_fact(value=TypedValue(ValueKind.DATE, date="2021")))
    kept.recount()  # as after File > Refresh or a restore
    kept.wait()
    assert counted_on and all(thread is not threading.main_thread() for thread in counted_on)
    assert kept.totals == recount(session)
