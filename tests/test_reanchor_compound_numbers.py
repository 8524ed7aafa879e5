"""A number in words of two words, tens and units ("сорок один", "twenty-one", "қырық бір"), is one
figure: written in digits ("41 случай") it is the same claim, and changed ("сорок один" -> "42") it is
a changed one. Read word by word it was 40 followed by a word, so "сорок один случай" -> "41 случай"
looked like a figure changed with a word cut (held-out round 25, issue #23)."""

from __future__ import annotations

from kzeu_desk.core.folding import fold
from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.reanchor import needs_review, numbers_changed
from kzeu_desk.core.written_figures import blank_number_words, word_figures
from tests.test_reanchor import place

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
    placement = place(EN_OLD, other, "twenty-one late kick-offs")
    assert placement.state is AnchorState.ORPHANED or (
        placement.number_changed and needs_review(placement.state, placement.score, placement.number_changed))
