"""Last year's figure kept in brackets beside this year's, its noun now without the case ending the
old sentence's verb wanted ("Орман қоры 30,9 млн гектарды құрайды." -> "… 31,2 млн гектарды құрайды
(2029 жылы – 30,9 млн гектар)"): the quote is that kept figure with its word, as when the copy stands
word for word. Only the figure's own words may change their ending, its digits never. Held-out round
25; placed fuzzy, waiting for a curator (issue #23)."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

OLD = ("Статистика\n\n2028 жылғы мәлімет бойынша облыстағы егіс алқабы 4,6 млн гектарды құрайды, оның жартысы "
       "бидай.[2] Суармалы жер аз.\n")
NEW = ("Статистика\n\n2029 жылғы мәлімет бойынша облыстағы егіс алқабы 4,8 млн гектарды құрайды (2028 жылы – 4,6 "
       "млн гектар), оның жартысы бидай.[3] Суармалы жер аз.\n")
QUOTE = "4,6 млн гектарды"


def test_last_years_figure_kept_with_its_noun_in_another_case_is_the_quote():
    placed_for_review(OLD, NEW, QUOTE, "4,6 млн гектар")


def test_a_kept_figure_counting_another_noun_is_not_taken():
    other = NEW.replace("(2028 жылы – 4,6 млн гектар)", "(2028 жылы – 4,6 млн тонна)")
    placement = place(OLD, other, QUOTE)
    assert placement.state is AnchorState.ORPHANED or "тонна" not in other[placement.start:placement.end]


def test_another_figure_with_the_same_noun_is_not_taken():
    other = NEW.replace("(2028 жылы – 4,6 млн гектар)", "(2028 жылы – 4,5 млн гектар)")
    placement = place(OLD, other, QUOTE)
    assert placement.state is AnchorState.ORPHANED or placement.number_changed
