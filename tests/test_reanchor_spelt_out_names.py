"""An abbreviation in a quote written out in the new revision, or a name written as its capitals:
"Article 6 ECHR" -> "Article 6 of the European Convention on Human Rights", "DG ENER" -> "Directorate-General
for Energy", "Қазақстан Республикасы Ұлттық экономика министрлігі" -> "ҚР ҰЭМ" (issue #23, held-out round 28).
The capitals spell the initials of the long form's words, short function words ("of", "the", "for", "по",
"мен") left out or not, one abbreviation after another ("ҚР" + "ҰЭМ"), a capital word also the clipped head
of one word ("ENER" of "Energy"). The approximate match took the words the two forms share ("Article 6 of"),
a part of the name that misplaced the quote; the whole expansion is the same name, placed fuzzy and queued.
Where the long form's words do not spell the capitals the quote is not placed on it."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

EN_OLD = ("Seminar programme\nMorning: Fair trial guarantees under Article 6 ECHR.\nAfternoon: Case studies "
          "from regional courts.\n")
EN_NEW = ("Seminar programme\nMorning: Fair trial guarantees under Article 6 of the European Convention on "
          "Human Rights.\nAfternoon: Case studies from regional courts.\n")


def test_an_abbreviation_written_out_is_placed_on_the_whole_name():
    placed_for_review(EN_OLD, EN_NEW, "Article 6 ECHR", "Article 6 of the European Convention on Human Rights")


def test_a_long_form_that_does_not_spell_the_capitals_is_not_the_name():
    new = EN_NEW.replace("European Convention on Human Rights", "Code of Criminal Procedure")
    placement = place(EN_OLD, new, "Article 6 ECHR")
    assert placement.state is AnchorState.ORPHANED or "Code" not in new[placement.start:placement.end]


EN_DG_OLD = ("The panel will include an official of DG ENER of the European Commission and two energy "
             "regulators from the region.\n")
EN_DG_NEW = ("The panel will include an official of the Directorate-General for Energy of the European "
             "Commission and regulators from Uzbekistan and Kyrgyzstan.\n")


def test_initials_and_a_clipped_word_written_out_are_placed_for_review():
    placed_for_review(EN_DG_OLD, EN_DG_NEW, "DG ENER", "Directorate-General for Energy")


def test_a_clipped_word_of_another_directorate_is_not_the_name():
    new = EN_DG_NEW.replace("Directorate-General for Energy", "Directorate-General for Trade")
    assert place(EN_DG_OLD, new, "DG ENER").state is AnchorState.ORPHANED


KK_OLD = ("Жобаны Қазақстан Республикасы Ұлттық экономика министрлігінің сарапшылары қарады. Қорытынды "
          "желтоқсанда жарияланады.\n")
KK_NEW = ("Жобаны ҚР ҰЭМ сарапшылары тамыз айында қарады. Қорытынды желтоқсанда жарияланады.\n")


def test_a_long_name_written_as_two_abbreviations_is_placed_for_review():
    placed_for_review(KK_OLD, KK_NEW, "Қазақстан Республикасы Ұлттық экономика министрлігінің", "ҚР ҰЭМ")


def test_two_abbreviations_of_another_ministry_are_not_the_name():
    new = KK_NEW.replace("ҚР ҰЭМ", "ҚР ДСМ")
    assert place(KK_OLD, new, "Қазақстан Республикасы Ұлттық экономика министрлігінің").state is (
        AnchorState.ORPHANED)


RU_OLD = ("Данные о паводках передали в Министерство по чрезвычайным ситуациям утром, уточнили в акимате. "
          "Эвакуация не потребовалась.\n")
RU_NEW = ("Данные о паводках передали в МЧС еще ночью, уточнили в акимате. Эвакуация не потребовалась.\n")


def test_a_russian_name_with_a_function_word_written_as_capitals_is_placed_for_review():
    placed_for_review(RU_OLD, RU_NEW, "в Министерство по чрезвычайным ситуациям", "в МЧС")
