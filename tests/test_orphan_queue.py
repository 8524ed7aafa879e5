"""The revision workflow in the UI: importing a corrected article off the GUI thread, the revision
history with its diff, and settling the orphan queue from it, every step undoable."""

from __future__ import annotations

import random

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog

from kzeu_desk.core import queries, revisions, steps
from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.reading import ReadDocument
from kzeu_desk.core.service import FactBase, SourceMetadata
from kzeu_desk.core.text import Utf16Index
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.ui.orphan_queue import EMPTY_QUEUE_TEXT, LOST_ALL_EVIDENCE_MARK, OrphanQueuePane
from kzeu_desk.ui.revision_view import NewRevisionDialog, RevisionImport, RevisionView, start_revision_import
from kzeu_desk.ui.session import Session
from test_revisions import article, corrected, document, evidence_rows  # noqa: F401 (article is a fixture)

JOB_TIMEOUT_MS = 60_000


@pytest.fixture
def session(article) -> Session:
    fb, *_ = article
    return Session(fb)


@pytest.fixture
def pane(qtbot, session: Session) -> OrphanQueuePane:
    widget = OrphanQueuePane(session)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def import_revision(qtbot, session: Session, source_id: int, body: str, parent) -> object:
    job = RevisionImport(session, source_id, document(body), parent)
    with qtbot.waitSignal(job.done, timeout=JOB_TIMEOUT_MS) as finished:
        job.start()
    if isinstance(parent, OrphanQueuePane):
        parent.wait_for_reads()  # the queue is read off the GUI thread
    return finished.args[0]


def select_in(view, text: str, start: int, end: int) -> None:
    """Select code points start..end in a plain-text view, through Qt's UTF-16 positions."""
    utf16 = Utf16Index(text)
    cursor = QTextCursor(view.document())
    cursor.setPosition(utf16.to_utf16(start))
    cursor.setPosition(utf16.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def queue_facts(pane: OrphanQueuePane) -> set[int]:
    return {item.fact_id for item in pane.model.items}


# -- importing and settling ---------------------------------------------------------------------------


def test_a_corrected_article_fills_the_queue_and_each_decision_is_undoable(qtbot, qtmodeltester, article,
                                                                           session, pane):
    fb, source_id, body, facts = article
    assert pane.summary_label.text() == EMPTY_QUEUE_TEXT
    new_body = corrected(body)
    changes = import_revision(qtbot, session, source_id, new_body, pane)
    assert changes is not None and session.undo_stack.count() == 1

    qtmodeltester.check(pane.model)
    assert queue_facts(pane) == {facts["one_third"], facts["invested_77"]}
    assert "1 fact has lost all its evidence" in pane.summary_label.text()
    lost_row = pane.model.row_of(evidence_rows(fb)[facts["one_third"]]["id"])
    assert pane.model.index(lost_row, 0).data().startswith(LOST_ALL_EVIDENCE_MARK)

    # The lost share: its old sentence on the left, the current text on the right.
    assert pane.choose_evidence(evidence_rows(fb)[facts["one_third"]]["id"])
    pane.wait_for_reads()
    assert "one third of the total volume" in pane.old_context.toPlainText()
    assert pane.new_text.source_text == new_body
    qtbot.waitUntil(lambda: session.selected_fact == facts["one_third"])  # on the next turn of the event loop
    assert not pane.reattach_button.isEnabled() and not pane.accept_button.isEnabled()

    start = new_body.index("about a half, or 50 percent")
    select_in(pane.new_text, new_body, start, start + len("about a half, or 50 percent"))
    assert pane.reattach_button.isEnabled()
    pane.reattach_button.click()
    pane.wait_for_reads()
    row = evidence_rows(fb)[facts["one_third"]]
    assert (row["anchor_state"], row["quote"]) == ("exact", "about a half, or 50 percent")
    assert queue_facts(pane) == {facts["invested_77"]}
    assert pane.shown_item is not None and pane.shown_item.fact_id == facts["invested_77"]

    # The corrected figure: accept the proposed words, highlighted in the current text.
    assert pane.new_text.extra_selection_ranges()
    assert pane.accept_button.isEnabled()
    pane.accept_button.click()
    pane.wait_for_reads()
    assert evidence_rows(fb)[facts["invested_77"]]["anchor_state"] == AnchorState.EXACT
    assert pane.summary_label.text() == EMPTY_QUEUE_TEXT
    assert session.undo_stack.count() == 3

    session.undo_stack.undo()
    session.undo_stack.undo()
    pane.wait_for_reads()
    assert queue_facts(pane) == {facts["one_third"], facts["invested_77"]}
    assert evidence_rows(fb)[facts["one_third"]]["anchor_state"] == AnchorState.ORPHANED
    session.undo_stack.redo()
    pane.wait_for_reads()
    assert queue_facts(pane) == {facts["invested_77"]}

    # Dropping, then undoing the whole revision: the source and every highlight are as before.
    pane.choose_evidence(evidence_rows(fb)[facts["invested_77"]]["id"])
    pane.wait_for_reads()
    pane.drop_button.click()
    pane.wait_for_reads()
    assert facts["invested_77"] not in evidence_rows(fb)
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    pane.wait_for_reads()
    with fb.reading() as conn:
        assert queries.source_text(conn, source_id) == body
    assert all(row["anchor_state"] == AnchorState.EXACT for row in evidence_rows(fb).values())
    assert pane.summary_label.text() == EMPTY_QUEUE_TEXT


def test_an_orphan_is_shown_where_its_passage_stood(qtbot, article, session, pane):
    fb, source_id, body, facts = article
    new_body = corrected(body)
    import_revision(qtbot, session, source_id, new_body, pane)
    pane.choose_evidence(evidence_rows(fb)[facts["one_third"]]["id"])
    pane.wait_for_reads()
    # The cut sentence followed "180-fold."; the reader starts there in the new text once the diff,
    # computed off the GUI thread, says where that is.
    stood = new_body.index("180-fold.") + len("180-fold.")
    qtbot.waitUntil(lambda: abs(pane.new_text.caret_position() - stood) <= 2, timeout=10_000)  # a short text: a thread, no process


def test_a_read_only_fact_base_offers_no_decisions(qtbot, article):
    fb, source_id, body, _facts = article
    fb.import_revision(source_id, document(corrected(body)))
    with FactBase.open(fb.path, read_only=True) as reviewer:
        widget = OrphanQueuePane(Session(reviewer))
        qtbot.addWidget(widget)
        widget.wait_for_reads()
        assert widget.model.rowCount() == 2
        assert not widget.drop_button.isEnabled() and not widget.reattach_button.isEnabled()


# -- the revision history ---------------------------------------------------------------------------


def test_the_revision_view_lists_revisions_and_shows_what_one_changed(qtbot, article, session):
    _fb, source_id, body, _facts = article
    view = RevisionView(session)
    qtbot.addWidget(view)
    view.show_source_id(source_id)
    assert view.history.count() == 1
    assert view.summary_label.text() == "Revision 1 is the text as first imported."

    import_revision(qtbot, session, source_id, corrected(body), view)
    assert view.history.count() == 2  # refreshed by the change itself
    assert view.history.item(0).text().startswith("Revision 2 (current)")
    assert view.summary_label.text() == "Comparing revision 1 with revision 2…"  # off the GUI thread
    qtbot.waitUntil(lambda: "words removed" in view.summary_label.text(), timeout=10_000)  # a short text: a thread, no process
    removed = [p.text for p in view.diff_pieces if p.kind is revisions.DiffKind.REMOVED]
    added = [p.text for p in view.diff_pieces if p.kind is revisions.DiffKind.ADDED]
    assert "77" in removed and "78" in added
    assert any("one third" in text for text in removed)
    assert view.diff_view.toPlainText().count("almost US$") == 1  # one sentence, old and new words inline
    assert "words removed" in view.summary_label.text()

    view.show_revision(1)
    assert view.summary_label.text() == "Revision 1 is the text as first imported."


# -- from a file, and with others at work -----------------------------------------------------------


def test_a_file_is_imported_as_a_revision_of_the_source_the_curator_confirms(qtbot, article, session, tmp_path,
                                                                           monkeypatch):
    fb, source_id, body, _facts = article
    path = tmp_path / "kz_eu_30_years-v2.txt"
    path.write_text(corrected(body), encoding="utf-8")
    offered: list[int | None] = []

    def confirm(dialog: NewRevisionDialog) -> int:
        offered.append(dialog.chosen_source_id())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewRevisionDialog, "exec", confirm)
    parent = RevisionView(session)
    qtbot.addWidget(parent)
    job = start_revision_import(session, path, parent, current_source_id=source_id)
    with qtbot.waitSignal(job.done, timeout=JOB_TIMEOUT_MS):
        pass
    assert offered == [source_id]
    with fb.reading() as conn:
        assert revisions.current_revision(conn, source_id) == 2
        assert queries.source_row(conn, source_id).file_name == "kz_eu_30_years-v2.txt"


def test_the_same_text_again_is_reported_not_imported(qtbot, article, session, tmp_path, monkeypatch):
    fb, source_id, body, _facts = article
    path = tmp_path / "same.txt"
    path.write_text(body, encoding="utf-8")
    monkeypatch.setattr(NewRevisionDialog, "exec", lambda dialog: pytest.fail("no dialog for an identical text"))
    url = "https://example.org/kz-eu-30"
    fb.run("Give the article an address", lambda rec: rec.update("source", source_id, {"url": url}))
    with qtbot.waitSignal(session.failed) as said:
        assert start_revision_import(session, path, None, current_source_id=None,
                                     metadata=SourceMetadata(url=url + "/")) is None
    assert "nothing new" in said.args[0]


def test_the_fact_base_stays_usable_while_a_long_revision_is_placed(qtbot, tmp_path):
    rng = random.Random(5)
    words = [rng.choice(("alpha", "beta", "gamma", "delta", "Astana", "Brussels", "2016", "trade", "the", "of"))
             + str(rng.randrange(400)) for _ in range(40_000)]
    body = " ".join(words)
    with FactBase.open(tmp_path / "long.sqlite", actor="tester") as fb:
        source_id = fb.import_document(ReadDocument(body, "utf-8", "long.txt", None, "text")).new_id("source")

        def add_facts(rec):
            for number in range(1_500):
                start = body.index(" ", number * 150) + 1
                fact_id = steps.insert_fact(rec, value=TypedValue(ValueKind.TEXT, text=str(number)), subject_id=None,
                                         property_id=None, status="draft", rank="normal", note=None, qualifiers={})
                steps.insert_evidence(rec, fact_id, source_id, start, start + 40)

        fb.run("Many facts", add_facts)
        session = Session(fb)
        host = RevisionView(session)
        qtbot.addWidget(host)
        edited = body.replace("trade1", "commerce1")
        job = RevisionImport(session, source_id, document(edited, "long-v2.txt"), host)
        meanwhile: list[object] = []

        def work_meanwhile(done: int, total: int) -> None:
            if not meanwhile:  # the first progress report: spans are being placed right now
                meanwhile.append(session.perform(lambda base: base.create_entity("Written meanwhile")))
                with fb.reading() as conn:
                    meanwhile.append(queries.totals(conn).facts)

        job.progressed.connect(work_meanwhile)
        with qtbot.waitSignal(job.done, timeout=JOB_TIMEOUT_MS) as finished:
            job.start()
        assert meanwhile[0] is not None and meanwhile[1] == 1_500
        assert finished.args[0] is not None
        assert session.undo_stack.count() == 2
        with fb.reading() as conn:
            assert revisions.current_revision(conn, source_id) == 2


def test_stopping_an_import_writes_nothing(qtbot, article, session):
    fb, source_id, body, _facts = article
    host = RevisionView(session)
    qtbot.addWidget(host)
    job = RevisionImport(session, source_id, document(corrected(body)), host)
    job.cancel()
    with qtbot.waitSignal(job.done, timeout=JOB_TIMEOUT_MS) as finished:
        job.start()
    assert finished.args[0] is None
    with fb.reading() as conn:
        assert revisions.current_revision(conn, source_id) == 1
    assert session.undo_stack.count() == 0


def test_an_edit_elsewhere_keeps_the_curators_place_in_the_current_text(qtbot, article, session, pane):
    fb, source_id, body, facts = article
    new_body = corrected(body)
    import_revision(qtbot, session, source_id, new_body, pane)
    pane.choose_evidence(evidence_rows(fb)[facts["one_third"]]["id"])
    pane.wait_for_reads()
    start = new_body.index("about a half")
    select_in(pane.new_text, new_body, start, start + len("about a half"))
    with fb.reading() as conn:
        version = queries.fact_row(conn, facts["one_third"]).version
    session.perform(lambda base: base.update_fact(facts["one_third"], version, note="Check the new wording."))
    pane.wait_for_reads()
    assert pane.shown_item.fact_id == facts["one_third"]
    assert pane.new_text.selected_span() == (start, start + len("about a half"))
    assert pane.reattach_button.isEnabled()


def test_fact_editor_marks_lost_evidence_and_sends_it_to_the_queue(qtbot, article, session, pane):
    from kzeu_desk.ui.fact_editor import FactEditor

    fb, source_id, body, facts = article
    import_revision(qtbot, session, source_id, corrected(body), pane)
    lost = evidence_rows(fb)[facts["one_third"]]
    assert lost["anchor_state"] == AnchorState.ORPHANED
    editor = FactEditor(session)
    qtbot.addWidget(editor)
    session.select_fact(facts["one_third"])
    item = editor.evidence_list.item(0)
    assert item.text().startswith("⚠ not in current text: ")
    assert "earlier one" in item.toolTip()
    shown_spans = []
    editor.evidence_activated.connect(lambda *span: shown_spans.append(span))
    with qtbot.waitSignal(editor.evidence_review_requested) as requested:
        editor.evidence_list.itemActivated.emit(item)
    assert requested.args == [lost["id"]] and shown_spans == []  # no position in the current text to show
    assert pane.choose_evidence(lost["id"])

    kept = next(fact for name, fact in facts.items() if name != "one_third"
                and evidence_rows(fb)[fact]["anchor_state"] != AnchorState.ORPHANED)
    session.select_fact(kept)
    assert not editor.evidence_list.item(0).text().startswith("⚠")
    with qtbot.waitSignal(editor.evidence_activated):
        editor.evidence_list.itemActivated.emit(editor.evidence_list.item(0))
