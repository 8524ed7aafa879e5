"""A candidate's span takes in the bound words its value holds: Enter drafts a fact of the listed value, the pane
shows the figure in bold in its sentence, and a highlight of that span must read as the same value with Ctrl+N.
The time limits ("within 30 days of …", "в течение 30 дней со дня …", "… кейін 30 күн ішінде") were read as
ceilings by the scan, which left the words that make them ceilings out of the span: Ctrl+N on the span alone read
the plain span of time. "жартысына жуығын" (nearly half) takes in its "nearly" too. Words next to a figure that are no bound of its value stay out."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text as sql

from kzeu_desk.core import queries
from kzeu_desk.core.reading import read_document
from kzeu_desk.core.service import FactBase
from kzeu_desk.core.steps import SourceMetadata
from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_candidates import CandidateStatus, find_values, source_marks, with_status
from kzeu_desk.core.value_parsing import sentence_around, sentence_before, suggest, text_before

PUBLISHED = "2026-11-20"


def _listed(body: str) -> dict[str, TypedValue]:
    return {body[found.start:found.end]: found.value for found in find_values(body, PUBLISHED)}


def _ctrl_n(body: str, span: str) -> TypedValue:
    start = body.index(span)
    end = start + len(span)
    return suggest(span, published=PUBLISHED, context=sentence_around(body, start, end),
                   before=sentence_before(body, start, end), earlier=text_before(body, start, end)).value


def _assert_listed_as_ctrl_n_reads(body: str, span: str, value: TypedValue) -> None:
    listed = _listed(body)
    assert span in listed, f"{span!r} not among {sorted(listed)}"
    assert listed[span] == value
    assert _ctrl_n(body, span) == value


def _within(amount: float, unit: str) -> TypedValue:
    return TypedValue(kind=ValueKind.QUANTITY, upper=amount, unit=unit)


def test_english_a_time_limit_counted_from_an_event_takes_in_within():
    body = ("The agency answers every complaint within 45 days of its receipt. "
            "Appeals must be lodged within two months of the decision.\n")
    _assert_listed_as_ctrl_n_reads(body, "within 45 days", _within(45, "days"))
    _assert_listed_as_ctrl_n_reads(body, "within two months", _within(2, "months"))


def test_russian_a_time_limit_takes_in_v_techenie():
    body = ("Банк обязан вернуть средства в течение 10 рабочих дней со дня получения заявления. "
            "Оборудование вывозится в течение шести месяцев после окончания выставки.\n")
    _assert_listed_as_ctrl_n_reads(body, "в течение 10 рабочих дней", _within(10, "рабочих дней"))
    _assert_listed_as_ctrl_n_reads(body, "в течение шести месяцев", _within(6, "месяцев"))


def test_kazakh_a_time_limit_takes_in_ishinde_after_the_figure():
    body = ("Шағым түскен күннен бастап 15 күн ішінде қаралады. "
            "Келісімшарт жасалғаннан кейін 90 күн ішінде төлем жасалады.\n")
    _assert_listed_as_ctrl_n_reads(body, "15 күн ішінде", _within(15, "күн"))
    _assert_listed_as_ctrl_n_reads(body, "90 күн ішінде", _within(90, "күн"))


def test_kazakh_nearly_half_takes_in_zhuygyn_after_the_fraction():
    body = "Биыл бөлінген қаражаттың жартысына жуығын шағын шаруашылықтар алды.\n"
    nearly_half = _listed(body)["жартысына жуығын"]
    assert nearly_half.kind is ValueKind.PERCENT and nearly_half.approximate
    assert _ctrl_n(body, "жартысына жуығын") == nearly_half


def test_bounds_the_scan_already_spanned_stay_as_they_were_in_three_languages():
    english = "The fund covers up to 60% of the cost. More than half of the grants went to small firms.\n"
    _assert_listed_as_ctrl_n_reads(english, "up to 60%", TypedValue(kind=ValueKind.PERCENT, upper=60, unit="%"))
    half = _listed(english)["More than half"]
    assert half.kind is ValueKind.PERCENT and half.lower == 50 and _ctrl_n(english, "More than half") == half
    russian = "Кредиты выдаются на срок не более 5 лет.\n"
    _assert_listed_as_ctrl_n_reads(russian, "не более 5 лет", _within(5, "лет"))
    kazakh = "Жобаға кемінде 10 компания қатысады. Тексеру мерзімі 30 күннен аспайтын болады.\n"
    _assert_listed_as_ctrl_n_reads(kazakh, "кемінде 10 компания",
                                   TypedValue(kind=ValueKind.COUNT, amount=10, lower=10, unit="компания"))
    _assert_listed_as_ctrl_n_reads(kazakh, "30 күннен аспайтын", _within(30, "күн"))


def test_words_next_to_a_figure_that_are_no_bound_of_its_value_stay_out():
    # "over three years" is a stretch of time, not "more than"; "within two years" with no event is the span itself
    # (as the labelled sets record it); "до 2030 года" is a date; "дейін" after a verb of change is the level reached.
    body = ("Air quality was monitored at nine stations over three years. "
            "The company plans to build the plant within two years. "
            "The line could be upgraded within 12-18 months if lending is approved. "
            "Программа рассчитана до 2030 года. "
            "Бұл жоба су шығынын 60 пайызға дейін азайтады.\n")
    listed = _listed(body)
    assert listed["three years"] == TypedValue(kind=ValueKind.QUANTITY, amount=3, unit="years")
    assert listed["two years"] == TypedValue(kind=ValueKind.QUANTITY, amount=2, unit="years")
    # (A range's ends are its numbers: "within" bounds nothing the value holds.)
    assert listed["12-18 months"] == TypedValue(kind=ValueKind.QUANTITY, lower=12, upper=18, unit="months")
    assert "2030 года" in listed
    assert listed["60 пайызға"] == TypedValue(kind=ValueKind.PERCENT, amount=60, unit="%")
    assert not any(span.startswith(("over", "within", "до ")) or span.endswith("дейін") for span in listed)


def test_a_draft_from_a_widened_candidate_cites_the_bound_word_and_the_candidate_is_cited(tmp_path: Path):
    path = tmp_path / "limits.txt"
    path.write_text("Rules\nThe agency answers every complaint within 45 days of its receipt.\n", encoding="utf-8")
    with FactBase.open(tmp_path / "facts.sqlite", actor="tester") as fb:
        fb.import_document(read_document(path), SourceMetadata(title="Rules", published=PUBLISHED))
        with fb.reading() as conn:
            source_id = conn.execute(sql("SELECT id FROM source")).scalar_one()
            body = queries.source_text(conn, source_id)
        found = next(f for f in find_values(body, PUBLISHED) if f.value.unit == "days")
        assert body[found.start:found.end] == "within 45 days"
        changes = fb.create_fact_from_candidate(source_id, found.sentence_start, found.sentence_end, found.value)
        (fact_id,) = changes.inserted["fact"]
        with fb.reading() as conn:
            start, end, quote = conn.execute(sql('SELECT start, "end", quote FROM evidence WHERE fact_id = :f'),
                                             {"f": fact_id}).one()
            marks = source_marks(conn, source_id)
    assert start <= found.start and found.end <= end and "within 45 days" in quote
    (cited,) = with_status([found], body, marks)
    assert cited.status is CandidateStatus.CITED and cited.fact_id == fact_id


def test_a_figure_dismissed_before_its_span_widened_stays_dismissed(tmp_path: Path):
    """A dismissal names the span the scan listed then ("45 days"); the scan now lists "within 45 days". The
    curator's decision holds for the wider span, and a figure beside it is not taken for it."""
    path = tmp_path / "limits.txt"
    path.write_text("Rules\nThe agency answers every complaint within 45 days of its receipt, and 12 staff read them.\n",
                    encoding="utf-8")
    with FactBase.open(tmp_path / "facts.sqlite", actor="tester") as fb:
        fb.import_document(read_document(path), SourceMetadata(title="Rules", published=PUBLISHED))
        with fb.reading() as conn:
            source_id = conn.execute(sql("SELECT id FROM source")).scalar_one()
            body = queries.source_text(conn, source_id)
        narrow = body.index("45 days")
        fb.dismiss_candidate(source_id, narrow, narrow + len("45 days"))
        with fb.reading() as conn:
            marks = source_marks(conn, source_id)
    statuses = {body[c.found.start:c.found.end]: c.status for c in with_status(find_values(body, PUBLISHED), body, marks)}
    assert statuses["within 45 days"] is CandidateStatus.DISMISSED
    assert [status for span, status in statuses.items() if span.startswith("12")] == [CandidateStatus.NEW]
