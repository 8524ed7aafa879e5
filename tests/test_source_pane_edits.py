"""An edit with a source shown patches its highlights from the spans of the facts and evidence its
changes name (`HighlightIndex.update`, `SourcePane.update_spans`) instead of reading the source's
whole span list on the GUI thread (~100 ms for the 1 MB source's 10k spans at 1M facts): the
highlights after every edit, undo and redo are those a full read gives."""

from __future__ import annotations

import random
import threading


from kzeu_desk.core import queries
from kzeu_desk.core.highlight_index import HighlightIndex
from kzeu_desk.core.queries import EvidenceSpan
from kzeu_desk.core.text import Utf16Index
from kzeu_desk.ui.source_pane import SourcePane
from kzeu_desk.ui.source_view import SourceView
from highlight_formats import highlight_formats

GRINNING = "\U0001f600"


def _span(evidence_id: int, start: int, end: int, fact_id: int, status: str, rank: str = "normal") -> EvidenceSpan:
    return EvidenceSpan(evidence_id, start, end, fact_id, status, rank, "Kazakhstan", "population")


def _index_state(index: HighlightIndex) -> tuple:
    return index.spans, index.segments, [index.fact_ranges(fact_id) for fact_id in range(40)]


def test_a_patched_index_is_the_index_of_the_whole_new_list():
    rng = random.Random(22)
    text = "".join(rng.choice(["ab ", "Қаз ", GRINNING, "\n", "EU "]) for _ in range(400))
    utf16 = Utf16Index(text)
    length = utf16.codepoint_length
    statuses = ["draft", "confirmed", "disputed", "rejected"]

    def random_span(evidence_id: int, fact_id: int) -> EvidenceSpan:
        start = rng.randrange(length - 1)
        end = min(length, start + rng.choice([1, 2, 5, 20, 80, 300]))
        return _span(evidence_id, start, end, fact_id, rng.choice(statuses), rng.choice(["normal", "preferred"]))

    next_id = 1000
    spans = [random_span(number, rng.randrange(40)) for number in range(120)]
    index = HighlightIndex(spans, utf16)
    for _ in range(300):
        fact_ids = set(rng.sample(range(40), rng.choice([0, 1, 1, 2, 5])))
        evidence_ids = set(rng.sample([span.evidence_id for span in spans], min(len(spans), rng.choice([0, 1, 3]))))
        fresh = []
        for span in spans:  # the facts' spans as they are now: some recoloured, some moved
            if span.fact_id in fact_ids and rng.random() < 0.8:
                fresh.append(_span(span.evidence_id, span.start, span.end, span.fact_id, rng.choice(statuses))
                             if rng.random() < 0.7 else random_span(span.evidence_id, span.fact_id))
        for _ in range(rng.choice([0, 0, 1, 2])):  # new evidence
            next_id += 1
            evidence_ids.add(next_id)
            fresh.append(random_span(next_id, rng.choice(sorted(fact_ids) or [rng.randrange(40)])))
        kept = [span for span in spans if span.fact_id not in fact_ids and span.evidence_id not in evidence_ids]
        spans = kept + [span for span in fresh if span.fact_id in fact_ids or span.evidence_id in evidence_ids]
        before = list(index.segments)

        changed = index.update(fact_ids, evidence_ids, [span for span in fresh if span in spans])

        whole = HighlightIndex(spans, utf16)
        assert _index_state(index) == _index_state(whole)
        assert index.built_from(queries_order(spans))
        before_looks, after_looks = _looks(before, utf16.utf16_length), _looks(whole.segments, utf16.utf16_length)
        for at in range(utf16.utf16_length):  # every position coloured anew lies in a range named
            if before_looks[at] != after_looks[at]:
                assert any(lo <= at < hi for lo, hi in changed)
        assert [index.spans_at(at) for at in range(0, utf16.utf16_length, 7)] == \
               [whole.spans_at(at) for at in range(0, utf16.utf16_length, 7)]


def _looks(segments: list, length: int) -> list:
    looks: list = [None] * length
    for start, end, depth, status in segments:
        looks[start:end] = [(depth, status)] * (end - start)
    return looks


def queries_order(spans: list[EvidenceSpan]) -> list[EvidenceSpan]:
    """As `queries.evidence_spans` orders them."""
    return sorted(spans, key=lambda span: (span.start, span.end, span.evidence_id))


def test_the_same_spans_change_nothing():
    utf16 = Utf16Index("Kazakhstan and the EU")
    index = HighlightIndex([_span(1, 0, 10, 7, "draft"), _span(2, 19, 21, 8, "confirmed")], utf16)
    assert index.update({7}, set(), [_span(1, 0, 10, 7, "draft")]) == []
    assert index.update({7}, set(), [_span(1, 0, 10, 7, "confirmed")]) == [(0, 10)]


def _source_id(fact_base, file_name: str) -> int:
    with fact_base.reading() as conn:
        return next(row.id for row in queries.source_rows(conn) if row.file_name == file_name)




def test_edits_undo_and_redo_leave_the_highlights_a_full_read_gives(qtbot, fact_base, monkeypatch):
    from kzeu_desk.ui.session import Session

    session = Session(fact_base)
    pane = SourcePane(session)
    qtbot.addWidget(pane)
    source_id = _source_id(fact_base, "kz_eu_25_years.txt")
    pane.show_source_id(source_id)
    text = pane.view.source_text
    whole_reads: list[bool] = []  # on the GUI thread?
    spans_of = queries.evidence_spans

    def counted(conn, shown_id):
        whole_reads.append(threading.current_thread() is threading.main_thread())
        return spans_of(conn, shown_id)

    monkeypatch.setattr(queries, "evidence_spans", counted)
    fresh_view = SourceView()
    qtbot.addWidget(fresh_view)

    def check() -> None:
        with fact_base.reading() as conn:
            spans = spans_of(conn, source_id)
        fresh_view.show_source(source_id, text, spans)
        index = pane.view.highlight_index
        assert _index_state(index) == _index_state(fresh_view.highlight_index)
        assert index.built_from(spans)
        assert highlight_formats(pane.view) == highlight_formats(fresh_view)

    def version(fact_id: int) -> int:
        with fact_base.reading() as conn:
            return queries.fact_row(conn, fact_id).version

    def step(action) -> None:
        assert session.perform(action) is not None
        check()
        session.undo_stack.undo()
        check()
        session.undo_stack.redo()
        check()

    first = text.index("in 1996")
    second = text.index("EU")
    step(lambda fb: fb.create_fact_from_selection(source_id, first, first + 4))
    fact_id = max(span.fact_id for span in pane.view.highlight_index.spans)
    step(lambda fb: fb.create_fact_from_selection(source_id, second, second + 2))
    other_id = max(span.fact_id for span in pane.view.highlight_index.spans)
    step(lambda fb: fb.update_fact(fact_id, version(fact_id), status="confirmed"))
    step(lambda fb: fb.update_fact(other_id, version(other_id), status="disputed", rank="preferred"))
    step(lambda fb: fb.add_evidence(fact_id, source_id, second - 5, second + 10))  # overlapping the other
    (evidence_id,) = [span.evidence_id for span in pane.view.highlight_index.spans if span.start == first]
    step(lambda fb: fb.reattach_evidence(evidence_id, first + 1, first + 30))  # moved
    step(lambda fb: fb.merge_agreeing(other_id, [fact_id]))
    step(lambda fb: fb.remove_evidence(max(span.evidence_id for span in pane.view.highlight_index.spans)))
    step(lambda fb: fb.delete_fact(other_id))

    assert whole_reads == []  # no edit read the source's whole span list, on any thread


def test_changes_that_name_too_many_rows_are_read_whole_off_the_gui_thread(qtbot, fact_base, monkeypatch):
    from kzeu_desk.core.changes import Changes
    from kzeu_desk.ui import source_pane
    from kzeu_desk.ui.session import Session

    session = Session(fact_base)
    pane = SourcePane(session)
    qtbot.addWidget(pane)
    source_id = _source_id(fact_base, "kz_eu_25_years.txt")
    pane.show_source_id(source_id)
    fact_id = session.perform(lambda fb: fb.create_fact_from_selection(source_id, 0, 9)).new_id("fact")
    with fact_base.reading() as conn:
        version = queries.fact_row(conn, fact_id).version
    changes = fact_base.update_fact(fact_id, version, status="confirmed")  # as a worker's operation would
    monkeypatch.setattr(source_pane, "_FEW_ROWS", 0)
    on_the_gui_thread: list[bool] = []
    spans_of = queries.evidence_spans
    monkeypatch.setattr(queries, "evidence_spans", lambda conn, shown_id: (
        on_the_gui_thread.append(threading.current_thread() is threading.main_thread()), spans_of(conn, shown_id))[1])

    session.changed.emit(changes)
    assert pane.reading
    qtbot.waitUntil(lambda: not pane.reading)

    assert on_the_gui_thread == [False]
    assert [span.status for span in pane.view.highlight_index.spans] == ["confirmed"]
    loaded = Changes(bulk_counts={"evidence": 3})  # a load names no rows: read whole too
    session.changed.emit(loaded)
    qtbot.waitUntil(lambda: not pane.reading)
    assert on_the_gui_thread == [False, False]



def test_a_new_revision_of_the_shown_source_is_read_off_the_gui_thread(qtbot, fact_base, monkeypatch):
    """A revision import changes the shown source's text: its spans and their index are read and
    built off the GUI thread (at 1M facts the 1 MB source's took 205-226 ms of the GUI thread in one
    turn after the import); an edit while that read is out is not patched into the old text's
    highlights, and what is shown at the end is what a full read of the new text gives."""
    from kzeu_desk.core.reading import ReadDocument
    from kzeu_desk.ui.session import Session

    session = Session(fact_base)
    pane = SourcePane(session)
    qtbot.addWidget(pane)
    source_id = _source_id(fact_base, "kz_eu_25_years.txt")
    fact_id = session.perform(lambda fb: fb.create_fact_from_selection(source_id, 0, 9)).new_id("fact")
    pane.show_source_id(source_id)
    old_text = pane.view.source_text
    new_text = "A correction was added here.\n" + old_text
    changes = fact_base.import_revision(source_id, ReadDocument(new_text, "utf-8", "kz_eu_25_years-v2.txt", None,
                                                                "text"))  # as the worker's operation does
    on_the_gui_thread: list[str] = []
    for name in ("evidence_spans", "evidence_spans_of"):
        def counted(*args, _read=getattr(queries, name), _name=name):
            if threading.current_thread() is threading.main_thread():
                on_the_gui_thread.append(_name)
            return _read(*args)
        monkeypatch.setattr(queries, name, counted)

    session.changed.emit(changes)
    assert pane.reading and pane.view.source_text == old_text
    with fact_base.reading() as conn:
        version = queries.fact_row(conn, fact_id).version
    session.changed.emit(fact_base.update_fact(fact_id, version, status="confirmed"))  # an edit meanwhile
    qtbot.waitUntil(lambda: not pane.reading)

    assert on_the_gui_thread == []
    assert pane.view.source_text == new_text
    with fact_base.reading() as conn:
        spans = queries.evidence_spans(conn, source_id)
    fresh_view = SourceView()
    qtbot.addWidget(fresh_view)
    fresh_view.show_source(source_id, new_text, spans)
    assert _index_state(pane.view.highlight_index) == _index_state(fresh_view.highlight_index)
    assert {span.status for span in spans if span.fact_id == fact_id} == {"confirmed"}
