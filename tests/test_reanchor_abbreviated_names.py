"""A name written shorter in the new revision, or spelt out where it was short: a stump compound
("Министерство здравоохранения" -> "Минздрав", "Европейский союз" -> "Евросоюз") or initials
("European Investment Bank" -> "EIB", "EC" -> "European Commission"). Letter for letter the name is
another word, and where the rest of the sentence was edited in the same pass its surroundings agree too
little, so the quote was orphaned (issue #23). Taken where the quote's other words stand as they stood
around the short (or long) form, once in the new text, its surroundings agreeing (CONTEXT_AGREEMENT);
fuzzy below REVIEW_BELOW, so a curator confirms it. Initials must be written in capitals; a stump
must begin with the first word's first letters and end with the last word (another ending allowed)."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

RU_OLD = ("Проект согласовали в Министерстве здравоохранения Казахстана в прошлом месяце, сообщили в "
          "пресс-службе. Первые поликлиники получат оборудование весной.\n")
RU_NEW = ("Проект согласовали в Минздраве Казахстана еще в мае, сообщила пресс-служба. Первые поликлиники "
          "получат оборудование весной.\n")


def test_a_ministry_written_as_a_stump_compound_is_placed_for_review():
    placed_for_review(RU_OLD, RU_NEW, "Министерстве здравоохранения Казахстана", "Минздраве Казахстана")


RU_UNION_OLD = ("Программу развития сельских библиотек финансирует Европейский союз, а местные власти добавят "
                "еще два миллиона тенге на книги.\n")
RU_UNION_NEW = ("Программу развития сельских библиотек оплачивает Евросоюз; власти области выделят на книги два "
                "миллиона тенге.\n")


def test_a_two_word_name_made_one_word_is_placed_for_review():
    placed_for_review(RU_UNION_OLD, RU_UNION_NEW, "Европейский союз", "Евросоюз")


EN_OLD = ("A loan from the European Investment Bank will pay for half of the new water mains in Taraz, the "
          "city said.\n")
EN_NEW = ("An EIB loan is to pay for half of the new water mains, Taraz city hall said.\n")


def test_a_name_written_as_its_initials_is_placed_for_review():
    placed_for_review(EN_OLD, EN_NEW, "European Investment Bank", "EIB")


EN_SHORT_OLD = ("Officials said the EC approved the grant for river monitoring stations on Monday.\n")
EN_SHORT_NEW = ("The European Commission approved the grant for river monitoring stations, officials said on "
                "Tuesday.\n")


def test_initials_spelt_out_are_placed_for_review():
    placed_for_review(EN_SHORT_OLD, EN_SHORT_NEW, "the EC approved the grant",
                      "The European Commission approved the grant")


def test_other_initials_do_not_stand_for_the_name():
    new = ("An EBRD loan is to pay for half of the new water mains, Taraz city hall said.\n")
    assert place(EN_OLD, new, "European Investment Bank").state is AnchorState.ORPHANED


def test_a_stump_of_another_ministry_does_not_stand_for_the_name():
    new = ("Проект согласовали в Минэнерго Казахстана еще в мае, сообщила пресс-служба. Первые поликлиники "
           "получат оборудование весной.\n")
    assert place(RU_OLD, new, "Министерстве здравоохранения Казахстана").state is AnchorState.ORPHANED


def test_initials_written_in_small_letters_are_a_word_not_a_name():
    new = ("An eib loan is to pay for half of the new water mains, Taraz city hall said.\n")
    assert place(EN_OLD, new, "European Investment Bank").state is AnchorState.ORPHANED
