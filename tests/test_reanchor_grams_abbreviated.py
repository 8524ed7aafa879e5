"""Grams written out or abbreviated beside the same or a changed figure (held-out round 44: a datasheet's
"Weight: 620 grams" became "Weight: 620 g" and was orphaned). Kilograms were in the unit rule
(`_MEASURE_AFTER_A_FIGURE`), grams were not, so "grams" / "g" and "граммов" / "г" differed by their letters
and a short quote's figure lost its place for its unit's spelling. A changed figure beside the unit is
flagged and queued, never placed silently (issue #23); "г." after a year is no gram."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.anchor_review import needs_review
from kzeu_desk.core.reanchor import _units_alike
from tests.test_reanchor import flagged_or_orphaned, place

EN_OLD = ("Pocket scale PS-2\n\nSpecification\n- Capacity: 500 grams\n- Display: backlit LCD\n"
          "- Power: two AAA cells\n\nWarranty: two years.\n")
EN_NEW = ("Pocket scale PS-2\n\nSpecification\n* Capacity: 500 g\n* Display: backlit LCD, 4 digits\n"
          "* Power: two AAA cells\n\nWarranty: two years.\n")
RU_OLD = ("Кофе «Утро»\n\nСостав и упаковка\nМасса нетто: 250 граммов.\nОбжарка средняя.\n\nХранить в сухом месте.\n")
RU_NEW = ("Кофе «Утро»\n\nСостав и упаковка\nМасса нетто: 250 г.\nОбжарка средняя, зерно.\n\nХранить в сухом месте.\n")


def test_grams_written_out_and_abbreviated_read_alike():
    assert _units_alike("capacity: 000 grams,") == _units_alike("capacity: 000 g,")
    assert _units_alike("масса 000 граммов, ") == _units_alike("масса 000 г, ")
    assert _units_alike("масса 000 грамм") == _units_alike("масса 000 г")


def test_a_year_and_other_words_after_a_figure_are_no_grams():
    assert _units_alike("в 0000 г. было") == "в 0000 г. было"
    assert _units_alike("0 gates") == "0 gates"
    assert _units_alike("0 га земли") != _units_alike("0 г земли")


def test_grams_abbreviated_are_the_same_passage():
    placement = place(EN_OLD, EN_NEW, "500 grams")
    assert placement.state is not AnchorState.ORPHANED, placement
    assert EN_NEW[placement.start:placement.end] == "500 g"
    assert not placement.number_changed


def test_grams_abbreviated_in_russian_are_the_same_passage():
    placement = place(RU_OLD, RU_NEW, "250 граммов")
    assert placement.state is not AnchorState.ORPHANED, placement
    assert RU_NEW[placement.start:placement.end] in ("250 г", "250 г.")
    assert not placement.number_changed


def test_a_changed_weight_abbreviated_is_placed_flagged_and_queued():
    new = EN_NEW.replace("500 g", "600 g")
    placement = place(EN_OLD, new, "500 grams")
    assert placement.state is AnchorState.FUZZY, placement
    assert new[placement.start:placement.end] == "600 g"
    assert placement.number_changed
    assert needs_review(placement.state, placement.score, placement.number_changed)


def test_a_weight_now_another_measure_is_never_placed_silently():
    flagged_or_orphaned(EN_OLD, EN_NEW.replace("Capacity: 500 g", "Platform: 120 mm"), "500 grams")
