"""A number in words of two words, tens and units ("сорок один", "twenty-one", "қырық бір"), is one
figure: written in digits ("41 случай") it is the same claim, and changed ("сорок один" -> "42") it is
a changed one. Read word by word it was 40 followed by a word, so "сорок один случай" -> "41 случай"
looked like a figure changed with a word cut (held-out round 25, issue #23)."""

from __future__ import annotations

from kzeu_desk.core.folding import fold
from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.reanchor import numbers_changed
from kzeu_desk.core.written_figures import blank_number_words, word_figures
from tests.test_reanchor import flagged_or_orphaned, place

RU_OLD = ("Итоги сезона. В этом году инспекторы выявили девятнадцать нарушений. Годом раньше, когда проверок "
          "было больше, нашли тридцать два нарушения. Спортсмены получили новые правила.\n")
RU_NEW = ("Итоги сезона. В этом году инспекторы выявили 19 нарушений. Годом раньше, когда проверок было больше, "
          "нашли 32 нарушения. Спортсмены получили новые правила.\n")


def test_tens_and_units_in_words_are_one_figure():
    assert [token for _, token in word_figures(fold("нашли тридцать два нарушения"))] == ["32"]
    assert [token for _, token in word_figures(fold("twenty-one cases"))] == ["21"]
    assert [token for _, token in word_figures(fold("сорок один случай"))] == ["41"]
    assert [token for _, token in word_figures(fold("қырық бір жағдай"))] == ["41"]
    assert blank_number_words(fold("был сорок один случай")) == "был # случай"
    assert blank_number_words(fold("forty-one cases")) == "# cases"
    assert not numbers_changed("сорок один случай", "41 случай")
    assert numbers_changed("сорок один случай", "42 случая")


def test_a_russian_number_in_words_written_in_digits_is_the_same_claim():
    placement = place(RU_OLD, RU_NEW, "тридцать два нарушения")
    assert placement.state is not AnchorState.ORPHANED, placement
    assert RU_NEW[placement.start:placement.end] == "32 нарушения"
    assert not placement.number_changed


EN_OLD = ("Club report. The league fined the club for twenty-one late kick-offs last season. The fines went "
          "to a youth fund.\n")
EN_NEW = ("Club report. The league fined the club for 21 late kick-offs last season. The fines went to a "
          "youth fund.\n")


def test_an_english_hyphenated_number_written_in_digits_is_the_same_claim():
    placement = place(EN_OLD, EN_NEW, "twenty-one late kick-offs")
    assert placement.state is not AnchorState.ORPHANED, placement
    assert EN_NEW[placement.start:placement.end] == "21 late kick-offs"
    assert not placement.number_changed


def test_a_compound_number_corrected_in_digits_is_flagged():
    other = EN_NEW.replace("21 late", "24 late")
    flagged_or_orphaned(EN_OLD, other, "twenty-one late kick-offs")


# Hundreds, a half and a scale word belong to the number too: "четырехсот тысяч евро" is "400 тыс.
# евро", "две с половиной минуты" is "2,5 минуты" (held-out round 26 orphaned both, read as 400 and 2).


def test_hundreds_halves_and_scale_words_in_words_are_one_figure():
    assert [token for _, token in word_figures(fold("около четырехсот тысяч евро"))] == ["400000"]
    assert [token for _, token in word_figures(fold("каждые две с половиной минуты"))] == ["2.5"]
    assert [token for _, token in word_figures(fold("триста сорок два дня"))] == ["342"]
    assert [token for _, token in word_figures(fold("пять миллионов тенге"))] == ["5000000"]
    assert blank_number_words(fold("около четырехсот тысяч евро")) == "около # евро"
    assert blank_number_words(fold("каждые две с половиной минуты")) == "каждые # минуты"
    assert not numbers_changed("около четырехсот тысяч евро", "около 400 тыс. евро")
    assert not numbers_changed("каждые две с половиной минуты", "каждые 2,5 минуты")
    assert numbers_changed("каждые две с половиной минуты", "каждые 3,5 минуты")
    assert numbers_changed("около четырехсот тысяч евро", "около 450 тыс. евро")


RU_SPOKEN_OLD = ("Интервью. Снимки приходят каждые десять минут, а над морем каждые две с половиной минуты. Взнос "
                 "страны составит около четырехсот тысяч евро в год. Остальное оплатит фонд.\n")
RU_SPOKEN_NEW = ("Интервью. Снимки приходят каждые 10 минут, а над морем каждые 2,5 минуты. Взнос страны составит "
                 "около 400 тыс. евро в год. Остальное оплатит фонд.\n")


def test_a_spoken_number_with_a_half_or_thousands_written_in_digits_is_the_same_claim():
    for quote, expected in (("каждые две с половиной минуты", "каждые 2,5 минуты"),
                            ("около четырехсот тысяч евро в год", "около 400 тыс. евро в год")):
        placement = place(RU_SPOKEN_OLD, RU_SPOKEN_NEW, quote)
        assert placement.state is not AnchorState.ORPHANED, placement
        assert RU_SPOKEN_NEW[placement.start:placement.end] == expected
        assert not placement.number_changed
