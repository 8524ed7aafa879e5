"""A short part of a short line whose every figure changed at once, its words and shape standing:
"3rd edition (2036)" -> "4th edition (2038)", "версия 1 (апрель 2036)" -> "версия 2 (март 2038)",
"edition 2, March 2037" -> "edition 3, January 2038" (held-out rounds 38 and 39, wrongly orphaned). The
line around it changed too, so only its shape is left to match on: taken where the new text holds that
shape exactly once on a short line, with none of the old figures -- fuzzy, flagged, queued. Where the
shape stands twice, or on a long sentence, nothing is guessed."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.anchor_review import needs_review
from tests.test_reanchor import place

EN_OLD = ("Birds of the Ili Delta\n\nField Notes on Wetland Birds, 2nd edition (2031), pp. 40-44\n\n"
          "The delta holds more than 300 species of birds in spring.\n")
EN_NEW = ("Birds of the Ili Delta\n\nField Notes on Wetland Birds, 3rd edition (2034), pp. 51–55, revised\n\n"
          "The delta holds more than 320 species of birds in spring.\n")
RU_OLD = ("Экскурсия по музею\n\nСценарий, выпуск 3 (май 2035), длительность 6 минут\n\n"
          "Музей открыт ежедневно.\n")
RU_NEW = ("Экскурсия по музею\n\nСценарий экскурсии, выпуск 4 (октябрь 2037), длительность около 5 минут\n\n"
          "Музей открыт ежедневно.\n")
KK_OLD = ("Нұсқаулық\n\nАқпараттық парақша, 1-басылым, наурыз 2035\n\nКлиника сағат 8-де ашылады.\n")
KK_NEW = ("Нұсқаулық\n\nНауқасқа ақпараттық жадынама, 2-басылым, қазан 2036\n\nКлиника сағат 8-де ашылады.\n")


def placed_flagged(old: str, new: str, quote: str, expected: str) -> None:
    placement = place(old, new, quote)
    assert placement.state is AnchorState.FUZZY, placement
    assert new[placement.start:placement.end] == expected
    assert placement.number_changed
    assert needs_review(placement.state, placement.score, placement.number_changed)


def test_an_english_edition_line_with_every_figure_changed_is_placed_flagged():
    placed_flagged(EN_OLD, EN_NEW, "2nd edition (2031)", "3rd edition (2034)")


def test_a_russian_issue_line_with_its_number_month_and_year_changed_is_placed_flagged():
    placed_flagged(RU_OLD, RU_NEW, "выпуск 3 (май 2035)", "выпуск 4 (октябрь 2037)")


def test_a_kazakh_edition_with_its_month_and_year_changed_is_placed_flagged():
    placed_flagged(KK_OLD, KK_NEW, "1-басылым, наурыз 2035", "2-басылым, қазан 2036")


def test_the_shape_standing_twice_is_not_guessed():
    new = EN_NEW.replace("in spring.\n", "in spring.\n\nSee also: Steppe Birds, 4th edition (2035)\n")
    placement = place(EN_OLD, new, "2nd edition (2031)")
    assert placement.state is AnchorState.ORPHANED or new[placement.start:placement.end] != "4th edition (2035)", placement
    assert placement.state is AnchorState.ORPHANED or placement.number_changed
