"""A name said short on one side and long on the other (issue #23, rnames): a currency's code before an amount
written as its name after it, or back ("KZT 96 million" -> "96 million tenge"). Letter for letter the quote lost a
third of itself and no step took it; where its other words stand around the amount and its surroundings agree, it
is placed fuzzy and queued, flagged when the figure changed, and never where the surroundings disagree."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

EN_OLD = ("Library repairs\n\nThe roof of the district library was repaired last spring. The works cost KZT 35 million, "
          "paid from the regional budget.\n\nThe reading room reopens on Monday.\n")
EN_NEW = ("Library repairs (updated)\n\nThe district library got a new roof in April. The works cost "
          "35 million tenge, all of it from the regional budget.\n\nThe reading room reopens on Monday, 9 June.\n")


def test_a_currency_code_written_as_its_name_after_the_amount_is_placed_for_review():
    placed_for_review(EN_OLD, EN_NEW, "KZT 35 million", "35 million tenge")


def test_an_amount_whose_figure_changed_with_its_currency_written_out_is_flagged():
    new = EN_NEW.replace("35 million tenge", "38 million tenge")
    placement = placed_for_review(EN_OLD, new, "works cost KZT 35 million", "works cost 38 million tenge")
    assert placement.number_changed


def test_a_russian_amount_in_tenge_written_with_the_code_is_placed_for_review():
    old = ("Ремонт библиотеки\n\nКрышу районной библиотеки отремонтировали весной. Работы обошлись в 35 млн тенге "
           "из областного бюджета.\n\nЧитальный зал откроется в понедельник.\n")
    new = ("Ремонт библиотеки (дополнено)\n\nРайонная библиотека получила новую крышу в апреле. Работы обошлись в "
           "KZT 35 млн, их выделил областной бюджет.\n\nЧитальный зал откроется в понедельник, 9 июня.\n")
    placed_for_review(old, new, "35 млн тенге", "KZT 35 млн")


def test_the_amount_said_again_in_another_claim_is_not_taken():
    new = EN_NEW.replace("The works cost 35 million tenge, all of it from the regional budget.",
                         "A new boiler for the school will cost 35 million tenge next year.")
    placement = place(EN_OLD, new, "KZT 35 million")
    assert placement.state is AnchorState.ORPHANED, placement


# A name said short where its short form recurs right after it: only the place whose surroundings agree clearly
# best may be taken.
AIR_OLD = ("Clean air plan\n\nThe city's clean air plan was drafted with help from the city's doctors "
           "and the European Union, under the EU-funded \"Breathe Easy\" programme. It sets limits for 2030.\n")
AIR_NEW = ("Clean air plan (revised)\n\nThe city's clean air plan was drafted with help from the city's doctors and "
           "the EU, under the EU's \"Breathe Easy\" programme. It sets limits for 2030 and 2035.\n")


def test_a_name_said_short_where_its_short_form_recurs_beside_it_goes_where_its_surroundings_agree_best():
    placement = placed_for_review(AIR_OLD, AIR_NEW, "European Union", "EU")
    assert placement.start == AIR_NEW.index("the EU,") + len("the ")


def test_a_name_said_short_in_two_places_that_agree_alike_is_not_taken():
    old = ("Grants\n\nThe grants are paid by the European Union. The European Union also pays for training.\n")
    new = ("Grants\n\nThe grants are paid by the EU. The EU also pays for training.\n")
    placement = place(old, new, "European Union", 0)
    assert placement.state is AnchorState.ORPHANED or (
        new[placement.start:placement.end] == "EU" and placement.start == new.index("EU")), placement
