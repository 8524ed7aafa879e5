"""A figure corrected in a sentence rewritten around it: "Это на 8% больше" -> "…рост составил 15%
против прошлого года", "a deficit of $300 billion" -> "…put at $260 billion". A quote that is nothing
but the figure (with its scale, currency, unit or counted noun) cannot be found by its words, and its
surroundings were rewritten too, so it was orphaned (issue #23). Between the same alignment landmarks
as before, with the old figure gone from the new text and exactly one figure of the same shape there
whose value the old text never held, that figure is the corrected one: placed fuzzy below REVIEW_BELOW,
flagged "number changed". A figure whose value the old text also held, two such figures, or the old
figure still standing elsewhere are not taken."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

RU_OLD = ("Склад в Актобе открылся в марте.\n\n"
          "За год через него прошло 3,1 тыс. тонн зерна. Это на 8% больше, чем годом ранее.\n\n"
          "Второй склад построят в Костанае.\n")
RU_NEW = ("Склад в Актобе открылся в марте.\n\n"
          "Рост перевалки зерна за год составил 15% против прошлого сезона, когда через склад прошло меньше "
          "3,6 тыс. тонн.\n\n"
          "Второй склад построят в Костанае.\n")


def test_a_percentage_corrected_in_a_rewritten_sentence_is_placed_flagged():
    placement = placed_for_review(RU_OLD, RU_NEW, "8%", "15%")
    assert placement.number_changed


def test_a_tonnage_corrected_in_a_rewritten_sentence_is_placed_flagged():
    placement = placed_for_review(RU_OLD, RU_NEW, "3,1 тыс. тонн", "3,6 тыс. тонн")
    assert placement.number_changed


EN_OLD = ("The report was published on Monday.\n\nThe fund estimates a deficit of $300 billion over the decade, "
          "most of it in transport.\n\nThe authors will present it in Astana.\n")
EN_NEW = ("The report was published on Monday.\n\nTransport accounts for most of the shortfall, which the fund "
          "now puts at $260 billion for the decade.\n\nThe authors will present it in Astana.\n")


def test_a_sum_corrected_in_a_rewritten_sentence_is_placed_flagged():
    placement = placed_for_review(EN_OLD, EN_NEW, "$300 billion", "$260 billion")
    assert placement.number_changed


def test_two_new_figures_of_the_same_shape_leave_it_orphaned():
    new = EN_NEW.replace("at $260 billion", "at $260 billion, against $240 billion in a draft,")
    assert place(EN_OLD, new, "$300 billion").state is AnchorState.ORPHANED


def test_a_figure_the_old_text_held_is_not_the_corrected_one():
    old = EN_OLD.replace("The report was published on Monday.", "The report, costing $260 billion less, was "
                         "published on Monday.")
    new = EN_NEW.replace("The report was published on Monday.", "The report, costing $260 billion less, was "
                         "published on Monday.")
    placement = place(old, new, "$300 billion")
    assert placement.state is AnchorState.ORPHANED or new[placement.start:placement.end] != "$260 billion" or (
        placement.number_changed), placement


def test_an_old_figure_still_standing_elsewhere_is_not_replaced():
    new = EN_NEW.replace("The authors will present it in Astana.", "An earlier estimate, $300 billion, came from "
                         "the ministry. The authors will present it in Astana.")
    placement = place(EN_OLD, new, "$300 billion")
    assert placement.state is AnchorState.ORPHANED or new[placement.start:placement.end] == "$300 billion"
