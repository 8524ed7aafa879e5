"""A clock time said in words written in digits, or back, its value the same: "до 10 часов утра" ->
"до 10:00", "с 17 часов до заката" -> "с 17:00 до заката" (held-out round 39, wrongly orphaned). It is
placed, fuzzy and queued, where the quote's other words stand around the time as they were; a time
changed is not guessed from the time alone."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.anchor_review import needs_review
from tests.test_reanchor import place

RU_OLD = ("Правила катка\n\nКаток открыт по будням. Прокат коньков работает до 9 часов вечера, "
          "заточка — с 11 часов до обеда.\n")
RU_NEW = ("Правила катка (зима 2038)\n\nКаток работает ежедневно. Прокат коньков открыт до 21:00, "
          "а заточку можно заказать с 11:00 до обеда.\n")
EN_OLD = "Visiting hours\n\nThe reading room opens at 9 a.m. sharp on weekdays.\n"
EN_NEW = "Visiting hours (updated)\n\nOn weekdays the reading room opens at 09:00 sharp; on Saturdays at noon.\n"


def placed_for_review_on(old: str, new: str, quote: str, expected: str) -> None:
    placement = place(old, new, quote)
    assert placement.state is AnchorState.FUZZY, placement
    assert new[placement.start:placement.end] == expected
    assert not placement.number_changed
    assert needs_review(placement.state, placement.score, placement.number_changed)


def test_an_evening_hour_in_words_written_in_digits_is_placed_for_review():
    placed_for_review_on(RU_OLD, RU_NEW, "до 9 часов вечера", "до 21:00")


def test_an_hour_in_words_with_the_words_after_it_kept_is_placed_for_review():
    placed_for_review_on(RU_OLD, RU_NEW, "с 11 часов до обеда", "с 11:00 до обеда")


def test_an_english_a_m_time_written_on_the_24_hour_clock_is_placed_for_review():
    placed_for_review_on(EN_OLD, EN_NEW, "opens at 9 a.m. sharp", "opens at 09:00 sharp")


def test_a_changed_time_is_not_placed_as_the_same_one():
    new = RU_NEW.replace("до 21:00", "до 22:00")
    placement = place(RU_OLD, new, "до 9 часов вечера")
    assert placement.state is AnchorState.ORPHANED or placement.number_changed, placement
