"""What a curator sees of a paged document: page numbers beside the text and in the header, the
page in an evidence citation, and the original PDF opened at the evidence's page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QDialog

from document_factory import PdfLayout, make_pdf
from kzeu_desk.core.reading import read_document
from kzeu_desk.core.service import FactBase
from kzeu_desk.ui import create_main_window
from test_documents import ARTICLE


@pytest.fixture
def paged(tmp_path):
    made = make_pdf(ARTICLE, PdfLayout(title="Annual review", author="MFA"))
    path = tmp_path / "review.pdf"
    path.write_bytes(made.data)
    db = tmp_path / "facts.sqlite"
    with FactBase.open(db, actor="curator") as fb:
        source_id = fb.import_document(read_document(path)).new_id("source")
        start = made.page_starts[2] + 5
        fact_id = fb.create_fact_from_selection(source_id, start, start + 40).new_id("fact")
    return db, made, source_id, fact_id


def test_pages_show_beside_the_text_in_the_header_and_in_the_evidence_citation(paged, qtbot):
    db, made, source_id, fact_id = paged
    window = create_main_window(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.sources_pane.choose(source_id)
    pane = window.source_pane
    qtbot.waitUntil(lambda: pane.source_id == source_id)
    assert pane.page_gutter.isVisible() and len(pane.page_gutter.pages) == len(made.page_starts)
    assert pane.page_label.text() == f"Page 1 of {len(made.page_starts)}"
    # The numbers stand between the text and the scroll bar, which appears once the text is shown.
    viewport, gutter = pane.view.viewport().geometry(), pane.page_gutter.geometry()
    assert pane.view.verticalScrollBar().isVisible()
    assert gutter.left() == viewport.right() + 1 and gutter.width() == pane.page_gutter.sizeHint().width()
    assert gutter.right() < pane.view.verticalScrollBar().mapTo(pane.view, QPoint(0, 0)).x()
    pane.view.reveal_span(made.page_starts[2] + 5, made.page_starts[2] + 45)
    qtbot.waitUntil(lambda: pane.page_label.text() in ("Page 2 of 3", "Page 3 of 3"))
    window.session.select_fact(fact_id)
    editor = window.fact_editor
    qtbot.waitUntil(lambda: editor.evidence_list.count() == 1)
    assert "p. 3" in editor.evidence_list.item(0).text()
    window.close()


def test_the_original_pdf_opens_at_the_evidence_page_with_the_quote_marked(paged, qtbot):
    db, made, source_id, _fact_id = paged
    window = create_main_window(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.sources_pane.choose(source_id)
    qtbot.waitUntil(lambda: window.source_pane.source_id == source_id)
    start = made.page_starts[1] + 10
    window.source_pane.view.reveal_span(start, start + 30)
    window.actionOpenOriginal.trigger()
    viewer = window.findChild(QDialog, "originalView")
    assert viewer is not None and viewer.page == 2 and viewer.page_count == len(made.page_starts)
    assert viewer.note.text() == "The quoted passage is marked."
    assert not viewer.image.pixmap().isNull()
    viewer.page_box.setValue(3)
    assert viewer.note.text() == ""
    viewer.close()
    window.close()
