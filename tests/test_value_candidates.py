"""Candidates in a whole document: sentences, ranking, cited and dismissed status, and the actions
that make a fact from a candidate or dismiss it (one undoable operation each)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from kzeu_desk.core import queries
from kzeu_desk.core.reading import read_document
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.steps import SourceMetadata
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_candidates import CandidateStatus, find_values, source_marks, with_status
from kzeu_desk.core.value_parsing.sentences import sentence_spans

ARTICLE = (
    "EU and Kazakhstan sign raw materials roadmap\n"
    "ASTANA – Trade between Kazakhstan and the EU reached US$40 billion in 2022, officials said on Monday. "
    "Twelve member states have ratified the agreement so far. "
    "See page 45 of the report for the methodology.\n"
    "The ministers met three years ago in Brussels. About 30% of the country's trade is with the bloc.\n"
)


def _sentences(body: str) -> list[str]:
    return [body[start:end] for start, end in sentence_spans(body)]


def test_sentences_end_at_line_breaks_and_full_stops_but_not_at_abbreviations():
    body = ("ASTANA – The meeting took place on July 24th. It was chaired by K. Tokayev of the U.S. delegation.\n"
            "Headline without a stop\n\n"
            "В 2012 г. товарооборот составил 53 млрд долл. США. Это рекорд! «Цитата», – сказал он.")
    assert _sentences(body) == [
        "ASTANA – The meeting took place on July 24th.",
        "It was chaired by K. Tokayev of the U.S. delegation.",
        "Headline without a stop",
        "В 2012 г. товарооборот составил 53 млрд долл. США.",
        "Это рекорд!",
        "«Цитата», – сказал он.",
    ]


def test_every_figure_and_date_is_found_with_its_sentence_and_money_with_a_year_ranks_first():
    found = find_values(ARTICLE, "2023-03")
    shown = {ARTICLE[f.start:f.end]: f for f in found}
    # "on Monday" is counted from the publication day, which a month ("2023-03") does not give: it is
    # listed with the note asking for the date, and ranks last, since "officials said on Monday" is
    # when the news was told, not when trade reached its figure.
    assert set(shown) == {"US$40 billion", "2022", "Twelve member states", "three years ago", "About 30%", "on Monday"}
    assert shown["on Monday"].note is not None and min(found, key=lambda f: f.score) is shown["on Monday"]
    money = shown["US$40 billion"]
    assert ARTICLE[money.sentence_start:money.sentence_end].startswith("ASTANA – Trade")
    assert ARTICLE[money.sentence_start:money.sentence_end].endswith("on Monday.")
    assert max(found, key=lambda f: f.score) is money
    assert "with a date" in money.reason
    assert shown["Twelve member states"].value == TypedValue(kind=ValueKind.COUNT, amount=12, unit="member states")
    assert shown["three years ago"].value == TypedValue(kind=ValueKind.DATE, date="2020")
    assert "page 45" not in " ".join(shown)  # a place in a document is no figure


def test_a_relative_date_without_a_publication_date_comes_with_a_note():
    found = find_values(ARTICLE, None)
    ago = next(f for f in found if ARTICLE[f.start:f.end] == "three years ago")
    assert ago.value.kind is ValueKind.TEXT
    assert ago.note is not None and "publication date" in ago.note


@pytest.fixture
def article_base(tmp_path: Path):
    path = tmp_path / "roadmap.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with FactBase.open(tmp_path / "facts.sqlite", actor="tester") as opened:
        opened.import_document(read_document(path), SourceMetadata(title="Roadmap", published="2023-03-14"))
        with opened.reading() as conn:
            source_id = conn.execute(text("SELECT id FROM source")).scalar_one()
        yield opened, source_id


def _candidates(fb: FactBase, source_id: int):
    with fb.reading() as conn:
        body = queries.source_text(conn, source_id)
        marks = source_marks(conn, source_id)
    return body, {body[c.found.start:c.found.end]: c for c in with_status(find_values(body, "2023-03-14"), body, marks)}


def test_a_fact_made_from_a_candidate_cites_its_sentence_and_marks_it_cited_in_one_undo_step(article_base):
    fb, source_id = article_base
    _, candidates = _candidates(fb, source_id)
    money = candidates["US$40 billion"].found
    assert candidates["US$40 billion"].status is CandidateStatus.NEW
    changes = fb.create_fact_from_candidate(source_id, money.sentence_start, money.sentence_end, money.value)
    (fact_id,) = changes.inserted["fact"]
    with fb.reading() as conn:
        evidence = conn.execute(text('SELECT start, "end", quote FROM evidence WHERE fact_id = :f'), {"f": fact_id}).one()
        status = conn.execute(text("SELECT status FROM fact WHERE id = :f"), {"f": fact_id}).scalar_one()
    assert (evidence.start, evidence.end) == (money.sentence_start, money.sentence_end)
    assert evidence.quote.startswith("ASTANA – Trade") and status == "draft"
    _, candidates = _candidates(fb, source_id)
    assert candidates["US$40 billion"].status is CandidateStatus.CITED
    assert candidates["US$40 billion"].fact_id == fact_id
    # The year in the same sentence is covered by that evidence, but the fact states money.
    assert candidates["2022"].status is CandidateStatus.IN_EVIDENCE
    fb.revert(changes.operation_id, "Undo")
    _, candidates = _candidates(fb, source_id)
    assert candidates["US$40 billion"].status is CandidateStatus.NEW


def test_dismissing_is_remembered_in_the_fact_base_undoable_and_restorable(article_base):
    fb, source_id = article_base
    _, candidates = _candidates(fb, source_id)
    percent = candidates["About 30%"].found
    dismissed = fb.dismiss_candidate(source_id, percent.start, percent.end)
    _, candidates = _candidates(fb, source_id)
    assert candidates["About 30%"].status is CandidateStatus.DISMISSED
    # Another curator opening the same file sees it dismissed too.
    with FactBase.open(fb.path, read_only=True) as other:
        _, seen_by_other = _candidates(other, source_id)
    assert seen_by_other["About 30%"].status is CandidateStatus.DISMISSED
    fb.revert(dismissed.operation_id, "Undo: Dismiss candidate")
    _, candidates = _candidates(fb, source_id)
    assert candidates["About 30%"].status is CandidateStatus.NEW
    fb.dismiss_candidate(source_id, percent.start, percent.end)
    _, candidates = _candidates(fb, source_id)
    fb.restore_candidate(candidates["About 30%"].dismissal_id)
    _, candidates = _candidates(fb, source_id)
    assert candidates["About 30%"].status is CandidateStatus.NEW


def test_a_dismissal_whose_words_are_no_longer_there_does_not_hide_the_new_figure(article_base):
    fb, source_id = article_base
    body, candidates = _candidates(fb, source_id)
    percent = candidates["About 30%"].found
    fb.dismiss_candidate(source_id, percent.start, percent.end)
    with fb.reading() as conn:
        marks = source_marks(conn, source_id)
    revised = body.replace("About 30%", "About 40%")
    statuses = with_status(find_values(revised, "2023-03-14"), revised, marks)
    assert next(c for c in statuses if revised[c.found.start:c.found.end] == "About 40%").status is CandidateStatus.NEW


def test_dismissing_a_span_outside_the_text_is_refused_in_one_sentence(article_base):
    from kzeu_desk.core.errors import InvalidEdit

    fb, source_id = article_base
    with pytest.raises(InvalidEdit, match="outside the source text"):
        fb.dismiss_candidate(source_id, 10_000, 10_005)


def test_ctrl_n_suggestion_carries_the_note_when_the_publication_date_is_unknown(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("Trade fell last year after the pandemic.", encoding="utf-8")
    with FactBase.open(tmp_path / "facts.sqlite", actor="tester") as fb:
        fb.import_document(read_document(path))
        with fb.reading() as conn:
            source_id = conn.execute(text("SELECT id FROM source")).scalar_one()
        suggestion = fb.suggestion_for_span(source_id, 11, 20)
    assert suggestion.value == TypedValue(kind=ValueKind.TEXT, text="last year")
    assert suggestion.note is not None and "publication date" in suggestion.note


def test_ctrl_n_reads_a_bare_number_with_the_sentence_before_it(tmp_path):
    # The service gives the parser the sentence before the highlight's, as a curator reads it: "Another
    # nine" counts the bridges the sentence before named.
    path = tmp_path / "bridges.txt"
    path.write_text("Four bridges were finished last year. Another nine are still being designed.", encoding="utf-8")
    with FactBase.open(tmp_path / "facts.sqlite", actor="tester") as fb:
        fb.import_document(read_document(path))
        with fb.reading() as conn:
            source_id = conn.execute(text("SELECT id FROM source")).scalar_one()
            body = conn.execute(text("SELECT text FROM source")).scalar_one()
        start = body.index("Another nine")
        suggestion = fb.suggestion_for_span(source_id, start, start + len("Another nine"))
    assert suggestion.value == TypedValue(kind=ValueKind.COUNT, amount=9.0, unit="bridges")


def test_the_date_of_a_report_ranks_last_and_does_not_date_the_figure():
    article = "Exports of grain to Italy rose 12%, the ministry said on Tuesday. Trade reached €5 billion in 2024."
    found = {article[f.start:f.end]: f for f in find_values(article, "2025-03-05")}
    tuesday = found["on Tuesday"]
    assert tuesday.value == TypedValue(kind=ValueKind.DATE, date="2025-03-04")
    assert tuesday.score == min(f.score for f in found.values()) and "report" in tuesday.reason
    assert "with a date" not in found["12%"].reason
    assert "with a date" in found["€5 billion"].reason


def test_a_dateline_dates_the_report_and_a_month_leaves_the_full_stop_to_the_sentence():
    article = "ASTANA, 16 December 2025 – Trade reached €5 billion. The next round is set for 17 to 19 March."
    found = {article[f.start:f.end]: f for f in find_values(article, "2025-12-16")}
    assert found["16 December 2025"].score == min(f.score for f in found.values())
    assert "with a date" not in found["€5 billion"].reason
    assert "17 to 19 March" in found  # not "17 to 19 March."


def test_statuses_found_by_bisection_are_those_of_comparing_every_span():
    """`with_status` finds the spans covering a value among the starts near it; the statuses and facts
    are those of comparing each value with every span, whatever the spans' order, overlaps and ties."""
    import random

    from kzeu_desk.core.value_candidates import CitingSpan, SourceMarks, same_value

    text_ = "Exports reached US$32 billion in 2019, imports US$7.6 billion. " * 40
    found = find_values(text_, "2020-01-01")
    values = [f.value for f in found]
    generator = random.Random(22)
    for _round in range(20):
        spans = []
        for fact_id in range(generator.randrange(0, 60)):
            start = generator.randrange(0, len(text_))
            end = min(len(text_), start + generator.choice([0, 5, 40, 63, 300, 2500]))
            same = generator.random() < 0.5
            spans.append(CitingSpan(fact_id, start, end, generator.choice(values) if same else TypedValue(ValueKind.DATE, date="1990")))
        spans += spans[: generator.randrange(0, 3)]  # ties: the same span twice
        generator.shuffle(spans)
        marks = SourceMarks(citing=tuple(spans), dismissals=())
        expected = []
        for value in found:
            covering = [c for c in spans if c.start <= value.start and value.end <= c.end]
            citing = next((c for c in covering if same_value(c.value, value.value)), None)
            expected.append((CandidateStatus.CITED, citing.fact_id) if citing else
                            (CandidateStatus.IN_EVIDENCE, covering[0].fact_id) if covering else (CandidateStatus.NEW, None))
        got = [(c.status, c.fact_id) for c in with_status(found, text_, marks)]
        assert got == expected
