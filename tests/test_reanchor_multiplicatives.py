"""A Russian multiplicative adverb is a figure: "выросло в три раза" -> "выросло втрое" (held-out rounds
30 and 33) is the same claim said shorter, "вдвое" -> "втрое" a changed one. Read as a plain word,
"втрое" was no figure, so the quote lost its figure and was orphaned, and "вдвое" corrected to "втрое"
would have gone unflagged (issue #23)."""

from __future__ import annotations

from kzeu_desk.core.folding import fold
from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.reanchor import _blanked, numbers_changed
from tests.test_reanchor import flagged_or_orphaned, place


def test_a_multiplicative_adverb_is_its_figure_and_reads_as_n_times():
    assert not numbers_changed("сократилось в два раза", "сократилось вдвое")
    assert not numbers_changed("выросли в 4 раза", "выросли вчетверо")
    assert numbers_changed("выросли вдвое", "выросли втрое")
    assert numbers_changed("выросли вдвое", "выросли")
    assert _blanked(fold("цены выросли в пять раза")) == _blanked(fold("цены выросли впятеро"))


RU_OLD = ("Обзор рынка. За год число зарядных станций в Алматы увеличилось в четыре раза, сообщает акимат. "
          "Большинство станций расположено в торговых центрах.\n")


def test_a_multiplier_said_shorter_is_the_same_passage():
    new = RU_OLD.replace("в четыре раза", "вчетверо").replace("Большинство", "Почти все")
    placement = place(RU_OLD, new, "число зарядных станций в Алматы увеличилось в четыре раза")
    assert placement.state is not AnchorState.ORPHANED, placement
    assert new[placement.start:placement.end] == "число зарядных станций в Алматы увеличилось вчетверо"
    assert not placement.number_changed


def test_a_multiplier_corrected_is_flagged():
    old = RU_OLD.replace("в четыре раза", "вдвое")
    flagged_or_orphaned(old, old.replace("вдвое", "втрое"), "число зарядных станций в Алматы увеличилось вдвое")
    flagged_or_orphaned(RU_OLD, RU_OLD.replace("в четыре раза", "впятеро"),
                        "число зарядных станций в Алматы увеличилось в четыре раза")
