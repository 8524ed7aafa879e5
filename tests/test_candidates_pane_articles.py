"""A whole real-style article worked through in the Candidates pane from the keyboard alone, as a
curator would: Enter on every candidate that is a fact, Delete on every one that is not, until the
list is empty; then every figure the curator labelled (tests/data/value_suggestions/, the whole-article
sets) is a draft fact with the curator's value and its sentence as evidence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text
from test_candidates_pane import _make_base, _open_candidates
from value_suggestion_set import is_right, load_articles

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.ui import create_main_window

# The longest English article of the sixteenth set and a Kazakh one: 36 and 21 labelled figures.
ARTICLES = {article.id: article for article in load_articles("held_out_sixteenth")}


def _drafts(win) -> list[dict]:
    with win.session.fact_base.reading() as conn:
        return [dict(r) for r in conn.execute(text(
            'SELECT f.*, e.start AS evidence_start, e."end" AS evidence_end '
            "FROM fact f JOIN evidence e ON e.fact_id = f.id ORDER BY f.id")).mappings()]


@pytest.mark.parametrize("article_id", ["en-m-01", "kk-m-06"])
def test_a_whole_article_worked_through_from_the_keyboard_alone(qtbot, tmp_path, article_id):
    article = ARTICLES[article_id]
    db_path = tmp_path / "facts.sqlite"
    source_id = _make_base(db_path, tmp_path, article.text, article.published)
    win = create_main_window(db_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.sources_pane.choose(source_id)
    view = _open_candidates(win, qtbot)
    pane, model = win.candidates_pane, view.model()
    assert pane._text.rstrip() == article.text.rstrip()  # offsets of the labels hold in the source

    def on_a_label(start: int, end: int) -> bool:
        return any(start < h.start + len(h.span) and h.start < end for h in article.highlights)

    # The best candidates are facts: nothing the curator left unmarked ranks in the top ten.
    ranked = [model.candidate(row).found for row in range(model.rowCount())]
    assert all(on_a_label(found.start, found.end) for found in ranked[:10])
    qtbot.keyClick(view, Qt.Key.Key_Home)
    dismissed = 0
    for _ in range(3 * len(ranked)):  # a bound: each key press takes a candidate off the list
        if model.rowCount() == 0:
            break
        current = model.candidate(view.currentIndex().row()).found
        if on_a_label(current.start, current.end):
            qtbot.keyClick(view, Qt.Key.Key_Return)
        else:
            qtbot.keyClick(view, Qt.Key.Key_Delete)
            dismissed += 1
    assert model.rowCount() == 0

    drafts = _drafts(win)
    for highlight in article.highlights:
        end = highlight.start + len(highlight.span)
        covering = [d for d in drafts if d["evidence_start"] <= highlight.start and end <= d["evidence_end"]]
        assert any(is_right(highlight.expected, TypedValue.from_columns(d), None) for d in covering), highlight.id
    # One draft per Enter, fewer when a draft also cites a second candidate ("a €750 million … tranche and
    # a €750 million … tranche": one sentence, one value).
    assert 0 < len(drafts) <= len(ranked) - dismissed
    win.close()
