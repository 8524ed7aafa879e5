"""A sign written as a word before a figure in one revision and as a sign in the other: "minus 4.5
degrees Celsius" -> "−4.5 °C" (held-out round 34), "минус 12 градусов" -> "−12 °C", "plus 3 degrees" ->
"+3 °C". The sign is read alike either way, as the unit after the figure already is, so the passage is
found where it stands; a changed figure beside it is still flagged, and a sign turned round ("minus 3"
-> "+3") is never the same claim (issue #23)."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import flagged_or_orphaned, place

EN_OLD = ("Night frost\n\nOn the night of 12 April the air temperature in the orchards fell to minus 6.5 degrees "
          "Celsius. Growers lit fires between the rows.\n\nDamage will be assessed next week.\n")
EN_NEW = ("Night frost (updated)\n\nOn the night of 12 April the air temperature in the orchards fell to −6.5 °C. "
          "Growers lit fires and smoke pots between the rows.\n\nDamage will be assessed by the end of the month.\n")

RU_OLD = ("Погода\n\nНочью в горах похолодает до минус 12 градусов. На перевалах возможен гололед.\n\n"
          "Водителей просят быть осторожнее.\n")
RU_NEW = ("Погода (обновлено)\n\nНочью в горах похолодает до −12 °C. На перевалах возможен сильный гололед.\n\n"
          "Водителей просят быть осторожнее на дорогах.\n")


def _placed_on(old: str, new: str, quote: str, expected: str) -> None:
    placement = place(old, new, quote)
    assert placement.state is not AnchorState.ORPHANED, placement
    assert new[placement.start:placement.end] == expected
    assert not placement.number_changed


def test_an_english_minus_in_words_is_the_minus_sign():
    _placed_on(EN_OLD, EN_NEW, "minus 6.5 degrees Celsius", "−6.5 °C")


def test_a_russian_minus_in_words_is_the_minus_sign():
    _placed_on(RU_OLD, RU_NEW, "минус 12 градусов", "−12 °C")


def test_a_changed_figure_after_a_minus_in_words_is_flagged_or_orphaned():
    flagged_or_orphaned(EN_OLD, EN_NEW.replace("−6.5 °C", "−7.5 °C"), "minus 6.5 degrees Celsius")


def test_a_sign_turned_round_is_not_the_same_figure_unflagged():
    placement = place(EN_OLD, EN_NEW.replace("−6.5 °C", "+6.5 °C"), "minus 6.5 degrees Celsius")
    assert placement.state is AnchorState.ORPHANED or placement.state is AnchorState.FUZZY, placement
