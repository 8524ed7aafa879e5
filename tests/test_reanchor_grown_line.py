"""A line made of comma-separated parts (a book's place and year, an address, a dateline) whose figure
changed and which the new text carries on with another such part before the old closing boundary:
"(Astana, 2021)" -> "(Astana, 2023, revised edition)". The right place is the grown line whole, as for a
name grown by its own words (`_unless_its_phrase_continues`, round 27) or a clause grown by an "and"
(`_unless_its_clause_grows`, round 30): placed on "Astana, 2023" alone it was misplaced (held-out round
35). The placement takes in the added part when the old boundary stands right after it, within a few
words; it stays fuzzy, queued and flagged. Where the boundary does not come back, the quote's own
words are kept."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

EN_OLD = ("Reading list for the spring term\n\nThe course follows the handbook \"Steppe ecology\" (Astana, 2021). "
          "Field notes are handed in every Friday.\n")
EN_NEW = ("Reading list for the autumn term\n\nThe course follows the handbook «Steppe ecology» (Astana, 2023, "
          "revised edition). Field notes are handed in on Mondays.\n")

RU_OLD = ("Список литературы\n\nОсновное пособие — «Гидрология степных рек» (Караганда, 2019). "
          "Дополнительные материалы выдаются на занятиях.\n")
RU_NEW = ("Список литературы\n\nОсновное пособие — «Гидрология степных рек» (Караганда, 2022, третье издание). "
          "Дополнительные материалы размещены на сайте.\n")


def test_an_english_place_and_year_grown_by_an_edition_takes_the_grown_line_flagged():
    placement = placed_for_review(EN_OLD, EN_NEW, "Astana, 2021", "Astana, 2023, revised edition")
    assert placement.number_changed


def test_a_russian_place_and_year_grown_by_an_edition_takes_the_grown_line_flagged():
    placement = placed_for_review(RU_OLD, RU_NEW, "Караганда, 2019", "Караганда, 2022, третье издание")
    assert placement.number_changed


def test_a_line_whose_boundary_does_not_come_back_keeps_its_own_words():
    new = EN_NEW.replace("(Astana, 2023, revised edition).",
                         "(Astana, 2023, revised edition with new chapters on grazing and water use and fire).")
    placement = place(EN_OLD, new, "Astana, 2021")
    assert placement.state is AnchorState.ORPHANED or (
        placement.number_changed and new[placement.start:placement.end] == "Astana, 2023"), placement


def test_a_line_that_did_not_grow_keeps_its_place():
    new = EN_NEW.replace(", revised edition", "")
    placement = placed_for_review(EN_OLD, new, "Astana, 2021", "Astana, 2023")
    assert placement.number_changed
