"""A telephone number whose digits stand in the same order, grouped another way: "+7 727 355 00 90" ->
"+7 (727) 355-00-90" (held-out round 39, wrongly orphaned). It is placed on the regrouped number, fuzzy
and queued, where the new text holds those digits once; a number with a digit changed, or the same digits
twice, is not guessed."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.anchor_review import needs_review
from tests.test_reanchor import place

OLD = ("Contacts\n\nQuestions about lost luggage: call +7 717 244 31 08 on weekdays.\n\n"
       "Our office is on the second floor.\n")
NEW = ("Contacts and help\n\nLost luggage desk: +7 (717) 244\u201131\u201108, Monday to Friday.\n\n"
       "Our office is on the second floor.\n")
RU_OLD = "Справки\n\nТелефон приемной: 8 7172 55 10 20.\n"
RU_NEW = "Справки\n\nПриемная министерства — тел. 8 (7172) 55-10-20, с 9 до 18 часов.\n"


def test_a_telephone_number_regrouped_with_brackets_and_hyphens_is_placed_for_review():
    placement = place(OLD, NEW, "+7 717 244 31 08")
    assert placement.state is AnchorState.FUZZY, placement
    assert NEW[placement.start:placement.end] == "+7 (717) 244\u201131\u201108"
    assert needs_review(placement.state, placement.score, placement.number_changed)


def test_a_russian_telephone_number_regrouped_is_placed_for_review():
    placement = place(RU_OLD, RU_NEW, "8 7172 55 10 20")
    assert placement.state is AnchorState.FUZZY, placement
    assert RU_NEW[placement.start:placement.end] == "8 (7172) 55-10-20"
    assert needs_review(placement.state, placement.score, placement.number_changed)


def test_a_number_with_a_digit_changed_is_not_placed_as_regrouped():
    new = NEW.replace("244\u201131\u201108", "244\u201131\u201109")
    placement = place(OLD, new, "+7 717 244 31 08")
    assert placement.state is AnchorState.ORPHANED or placement.number_changed, placement


def test_the_same_digits_twice_are_not_guessed():
    new = NEW + "Fax: +7 (717) 244-31-08.\n"
    placement = place(OLD, new, "+7 717 244 31 08")
    assert placement.state is AnchorState.ORPHANED or needs_review(
        placement.state, placement.score, placement.number_changed), placement
