"""A list given another item, or both reordered and given another item, in the same revision: "Түркия,
Грузия және Армения" -> "Түркия, Армения, Грузия және Әзербайжан", "Тараз және Шымкент" -> "Тараз,
Шымкент және Түркістан". The enumeration rule takes only the same words in another order, and letter for
letter a longer list differs too much, so the quote was orphaned (issue #23); a Russian list of three
("Германия, Польша и Чехия" -> "Германия, Чехия, Польша и Австрия") was already placed by the
turned-clause rule and is kept here as a guard. The new list must hold every word of the old
one (the same, or the same Cyrillic word with another ending), begin and end with an item, and gain at
most a third as many words (two for a short list); the shortest such list is taken, once, where its
surroundings agree. Fuzzy below REVIEW_BELOW: a curator sees the list grew."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.anchor_review import needs_review
from tests.test_reanchor import place, placed_for_review

KK_OLD = ("Өткен жылы компания жүкті негізінен үш елге жөнелтті. Олар — Түркия, Грузия және Армения. "
          "Биыл жаңа бағыттар ашылады.\n")
KK_NEW = ("Өткен жылы компания жүкті негізінен төрт елге жөнелтті. Олар — Түркия, Армения, Грузия және "
          "Әзербайжан. Биыл жаңа бағыттар ашылады.\n")


def test_a_list_reordered_and_given_an_item_is_placed_for_review():
    placed_for_review(KK_OLD, KK_NEW, "Түркия, Грузия және Армения", "Түркия, Армения, Грузия және Әзербайжан")


RU_OLD = ("Завод выпускает сыр с прошлого года. Основные покупатели - Германия, Польша и Чехия. "
          "Осенью откроется второй цех.\n")
RU_NEW = ("Завод выпускает сыр с прошлого года. Основные покупатели - Германия, Чехия, Польша и Австрия. "
          "Осенью откроется второй цех.\n")


def test_a_russian_list_reordered_and_extended_is_placed_for_review():
    placed_for_review(RU_OLD, RU_NEW, "Германия, Польша и Чехия", "Германия, Чехия, Польша и Австрия")


KK_TWO_OLD = "Жаңа автобустар Тараз және Шымкент қалаларында жүреді. Билет бағасы өзгермейді.\n"
KK_TWO_NEW = "Жаңа автобустар Тараз, Шымкент және Түркістан қалаларында жүреді. Билет бағасы өзгермейді.\n"


def test_a_list_of_two_given_a_third_item_is_placed_for_review():
    placed_for_review(KK_TWO_OLD, KK_TWO_NEW, "Тараз және Шымкент", "Тараз, Шымкент және Түркістан")


def test_a_list_that_lost_an_item_is_not_taken_for_a_longer_one():
    new = "Жаңа автобустар Тараз және Түркістан қалаларында жүреді. Билет бағасы өзгермейді.\n"
    placement = place(KK_TWO_OLD, new, "Тараз және Шымкент")
    assert placement.state is AnchorState.ORPHANED or needs_review(placement.state, placement.score,
                                                                   placement.number_changed), placement


def test_the_same_names_in_another_sentence_are_not_the_list():
    new = ("Жаңа автобустар қалаларда жүреді. Билет бағасы өзгермейді. Тараз, Шымкент және Түркістан "
           "әкімдіктері келісімге қол қойды.\n")
    assert place(KK_TWO_OLD, new, "Тараз және Шымкент").state is AnchorState.ORPHANED
