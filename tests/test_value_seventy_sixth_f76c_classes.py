"""Kazakh classes of the misses of sets 76 and 77 (issue #17), on sentences of their own."""

from __future__ import annotations

from kzeu_desk.core import value_parsing
from kzeu_desk.core.typed_value import ValueKind


def _suggest(span: str, context: str, published: str = "2026-05-12"):
    return value_parsing.suggest(span, published=published, context=context).value


# Class 1: a negated "аспа-" participle made a plural noun ("those not exceeding") is still a ceiling.
def test_plural_participle_of_not_exceeding_is_a_ceiling() -> None:
    value = _suggest("25 жастан аспайтындар", "Байқауға жасы 25 жастан аспайтындар қатыса алады.")
    assert value.kind is ValueKind.QUANTITY
    assert value.upper == 25 and value.amount is None


def test_plural_participle_in_the_dative_is_a_ceiling() -> None:
    value = _suggest("60-тан аспағандарға", "Жеңілдік табысы айына 60-тан аспағандарға беріледі.")
    assert value.upper == 60 and value.amount is None


def test_singular_participle_still_a_ceiling() -> None:
    value = _suggest("12 пайыздан аспайтын", "Үлесі 12 пайыздан аспайтын компаниялар.")
    assert value.upper == 12


# Class 2: the sign of a temperature above zero said as a word, "плюс", on the second figure of a Kazakh range.
def test_plus_word_on_the_second_figure_of_a_range() -> None:
    value = _suggest("2-ден плюс 8 градусқа дейін", "Қоймадағы ауа 2-ден плюс 8 градусқа дейін болуы тиіс.")
    assert value.kind is ValueKind.QUANTITY
    assert (value.lower, value.upper, value.unit) == (2, 8, "градус")


def test_plus_sign_range_unchanged() -> None:
    value = _suggest("+3-тен +7 °C-қа дейін", "Дәріні +3-тен +7 °C-қа дейін сақтаңыз.")
    assert (value.lower, value.upper) == (3, 7)


# Class 3: a Kazakh day word in the ablative ("from tomorrow", "since yesterday") is the day the bare word names.
def test_tomorrow_in_the_ablative_is_tomorrow() -> None:
    value = _suggest("ертеңнен", "Кітапхана ертеңнен бастап сағат 9-да ашылады.", published="2026-05-12")
    assert value.kind is ValueKind.DATE and value.date == "2026-05-13"


def test_yesterday_in_the_ablative_is_yesterday() -> None:
    value = _suggest("Кешеден", "Кешеден бері жол жабық тұр.", published="2026-02-01")
    assert value.kind is ValueKind.DATE and value.date == "2026-01-31"


def test_today_in_the_ablative_is_today() -> None:
    value = _suggest("бүгіннен", "Өтінімдер бүгіннен қабылданады.", published="2026-09-30")
    assert value.kind is ValueKind.DATE and value.date == "2026-09-30"


# Class 4: a tool noun in "-ғыш/-қыш" before a bare noun qualifies it, one compound, known noun or not.
def test_tool_noun_before_an_unknown_noun_is_one_compound() -> None:
    value = _suggest("12 тоңазытқыш камера", "Жаңа қоймада 12 тоңазытқыш камера жұмыс істейді.")
    assert value.kind is ValueKind.COUNT
    assert (value.amount, value.unit) == (12, "тоңазытқыш камера")


def test_tool_noun_alone_before_a_verb_is_counted_alone() -> None:
    value = _suggest("7 кептіргіш", "Фермада 7 кептіргіш бүгін іске қосылды.")
    assert (value.amount, value.unit) == (7, "кептіргіш")


def test_tool_noun_closing_its_clause_is_counted_alone() -> None:
    value = _suggest("9 тоңазытқыш", "Асханаға сатып алынғаны: 9 тоңазытқыш.")
    assert (value.amount, value.unit) == (9, "тоңазытқыш")


# Class 5: a "-й" stem's first-person present-future written with "я" ("қоямын", "жиямыз") is the future, so a
# month already past this year is next year's.
def test_first_person_future_of_a_y_stem_puts_a_past_month_next_year() -> None:
    value = _suggest("ақпанда", "Орынды ақпанда брондап қоямын.", published="2026-08-05")
    assert value.kind is ValueKind.DATE and value.date == "2027-02"


def test_first_person_plural_future_of_a_y_stem() -> None:
    value = _suggest("ақпанда", "Біз бұл мәселені ақпанда шешіп қоямыз.", published="2026-08-05")
    assert value.kind is ValueKind.DATE and value.date == "2027-02"


def test_first_person_past_keeps_the_month_this_year() -> None:
    value = _suggest("ақпанда", "Біз бұл мәселені ақпанда шешіп қойдық.", published="2026-08-05")
    assert value.kind is ValueKind.DATE and value.date == "2026-02"


# Class 6: "дейін" before a change verb in the habitual participle ("-атын/-етін") says how far it goes each time, a
# ceiling, where a change done ("өсті", grew to) is the figure reached.
def test_habitual_rise_up_to_is_a_ceiling() -> None:
    value = _suggest("35 градусқа дейін", "Шілдеде көлдегі су 35 градусқа дейін жылынатындықтан, жағажай толы болады.")
    assert value.kind is ValueKind.QUANTITY
    assert (value.amount, value.upper) == (None, 35)


def test_habitual_growth_up_to_is_a_ceiling() -> None:
    value = _suggest("20 пайызға дейін", "Қыста көкөніс бағасы 20 пайызға дейін өсетін кездер болады.")
    assert (value.amount, value.upper) == (None, 20)


def test_growth_done_is_still_the_figure_reached() -> None:
    value = _suggest("20 пайызға дейін", "Көкөніс бағасы 20 пайызға дейін өсті.")
    assert (value.amount, value.upper) == (20, None)
