"""A negation added or taken away reverses a claim: "Unused data is not carried over" -> "Unused data is
carried over" keeps nearly every character, and placed fuzzy on the new sentence it was offered to a
curator as the old claim reworded (held-out round 37, labelled gone). It is orphaned, in English,
Russian and Kazakh (the particles, and a Kazakh verb's negative form -ма/-ме/-ба/-бе/-па/-пе against
its positive one)."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.anchor_review import needs_review
from tests.test_reanchor import place

EN_OLD = ("The library lends laptops to students for two weeks. Laptops are not lent during the exam period. "
          "Late returns are fined.\n")
EN_NEW = ("The library lends laptops to students for three weeks. Laptops are lent during the exam period too. "
          "Late returns are fined.\n")
RU_OLD = ("Абонемент действует три месяца. Неиспользованные занятия не переносятся на следующий месяц. "
          "Оплата принимается на ресепшене.\n")
RU_NEW = ("Абонемент действует шесть месяцев. Неиспользованные занятия переносятся на следующий месяц. "
          "Оплата принимается онлайн.\n")
KK_OLD = ("Үйірмеге жазылу тегін. Сабаққа келмеген күндердің ақысы қайтарылмайды. Кесте мектеп сайтында.\n")
KK_NEW = ("Үйірмеге жазылу ақылы. Сабаққа келмеген күндердің ақысы қайтарылады. Кесте мектеп сайтында.\n")


def test_an_english_claim_whose_not_was_taken_away_is_orphaned():
    placement = place(EN_OLD, EN_NEW, "Laptops are not lent during the exam period.")
    assert placement.state is AnchorState.ORPHANED, EN_NEW[placement.start:placement.end]


def test_a_russian_claim_whose_ne_was_taken_away_is_orphaned():
    placement = place(RU_OLD, RU_NEW, "Неиспользованные занятия не переносятся на следующий месяц.")
    assert placement.state is AnchorState.ORPHANED, RU_NEW[placement.start:placement.end]


def test_a_russian_claim_given_a_ne_is_orphaned():
    placement = place(RU_NEW, RU_OLD, "Неиспользованные занятия переносятся на следующий месяц.")
    assert placement.state is AnchorState.ORPHANED, RU_OLD[placement.start:placement.end]


def test_a_kazakh_verb_turned_from_negative_to_positive_is_orphaned():
    placement = place(KK_OLD, KK_NEW, "Сабаққа келмеген күндердің ақысы қайтарылмайды.")
    assert placement.state is AnchorState.ORPHANED, KK_NEW[placement.start:placement.end]


def test_a_kazakh_claim_given_emes_is_orphaned():
    old = "Бұл бағдарлама барлық оқушыларға міндетті. Ата-аналар жиналысы жұмада.\n"
    new = "Бұл бағдарлама барлық оқушыларға міндетті емес. Ата-аналар жиналысы жұмада.\n"
    placement = place(old, new, "Бұл бағдарлама барлық оқушыларға міндетті.")
    assert placement.state is AnchorState.ORPHANED, new[placement.start:placement.end]


def test_a_claim_reworded_with_its_negation_kept_is_still_placed():
    new = RU_OLD.replace("не переносятся на следующий месяц", "не переносятся на следующий период")
    placement = place(RU_OLD, new, "Неиспользованные занятия не переносятся на следующий месяц.")
    assert placement.state is AnchorState.FUZZY, placement
    assert new[placement.start:placement.end] == "Неиспользованные занятия не переносятся на следующий период."


def test_a_rule_amended_with_its_new_scope_stays_placed_but_waits_for_a_curator():
    old = "Parking is free for visitors. Bicycles are not allowed in the courtyard. The gate closes at ten.\n"
    new = "Parking is free for visitors. Bicycles are allowed in the courtyard on weekends only. The gate closes at ten.\n"
    placement = place(old, new, "Bicycles are not allowed in the courtyard.")
    assert placement.state is AnchorState.ORPHANED or (
        placement.state is AnchorState.FUZZY and needs_review(placement.state, placement.score, False)), placement


def test_a_bound_said_with_a_negation_is_no_claim_turned_round():
    from kzeu_desk.core.reanchor import _negation_turned
    assert not _negation_turned("no more than three years", "within the three years")
    assert not _negation_turned("не менее 10 дней", "минимум 10 дней")
    assert _negation_turned("не переносится на следующий период", "переносится на следующий период")
