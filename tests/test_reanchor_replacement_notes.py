"""A note saying what a revision replaces, supersedes or corrects (issue #23, r42fix): "This edition replaces
edition 2 of 5 May 2041", "Настоящее извещение заменяет извещение от …", "… нұсқасының орнына". Such a note quotes the
OLD text word for word, like a correction note (`core.correction_notes`), so it is never the new place of a span that
stood outside a note: the span goes to the edited line (flagged when its figures changed) or is orphaned, and never
onto the note."""

from __future__ import annotations

import pytest

from kzeu_desk.core.correction_notes import replacement_phrases
from kzeu_desk.core.folding import fold
from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import needs_review, place


def _not_on_the_note(old: str, new: str, quote: str, note: str) -> None:
    """`quote` of `old` is orphaned or placed outside `note` of `new`, queued and flagged as its figures changed."""
    placement = place(old, new, quote)
    if placement.state is AnchorState.ORPHANED:
        return
    note_start = new.index(note)
    assert not (placement.start < note_start + len(note) and note_start < placement.end), (
        placement, new[placement.start:placement.end])
    assert placement.number_changed, placement
    assert needs_review(placement.state, placement.score, placement.number_changed)


EN_OLD = ("Tender for school meals\n\nEdition 2, 5 May 2041\n\nThe district invites bids for hot meals in its twelve "
          "schools. Bids are due by 30 May.\n")
EN_NEW = ("Tender for school meals\n\nEdition 3, 20 June 2041\n\nThis edition replaces edition 2 of 5 May 2041. The "
          "district invites bids for hot meals in its fourteen schools. Bids are due by 10 July.\n")


def test_an_edition_line_is_not_placed_on_the_note_saying_it_was_replaced():
    _not_on_the_note(EN_OLD, EN_NEW, "Edition 2, 5 May 2041", "This edition replaces edition 2 of 5 May 2041.")


def test_a_notice_superseded_is_not_placed_on_the_note_quoting_it():
    old = ("Water supply\n\nNotice of 3 March 2041: water will be cut off on Lenin Street from 9 to 17 March.\n")
    new = ("Water supply\n\nNotice of 12 March 2041: water will be cut off on Lenin Street from 20 to 24 March.\n\n"
           "It supersedes the notice of 3 March 2041.\n")
    _not_on_the_note(old, new, "Notice of 3 March 2041", "It supersedes the notice of 3 March 2041.")


def test_a_russian_edition_line_is_not_placed_on_the_note_saying_what_it_replaces():
    old = ("Извещение о торгах\n\nРедакция от 5 мая 2041 года\n\nРайон объявляет конкурс на горячее питание в "
           "двенадцати школах. Заявки принимаются до 30 мая.\n")
    new = ("Извещение о торгах\n\nРедакция от 20 июня 2041 года\n\nНастоящая редакция заменяет редакцию от 5 мая "
           "2041 года. Район объявляет конкурс на горячее питание в четырнадцати школах. Заявки принимаются до 10 "
           "июля.\n")
    _not_on_the_note(old, new, "Редакция от 5 мая 2041 года",
                     "Настоящая редакция заменяет редакцию от 5 мая 2041 года.")


def test_a_russian_notice_issued_in_place_of_another_is_not_placed_on_the_old_one():
    old = ("Отключение воды\n\nСообщение от 3 марта 2041 года: воду на улице Ленина отключат с 9 по 17 марта.\n")
    new = ("Отключение воды\n\nСообщение от 12 марта 2041 года (взамен сообщения от 3 марта 2041 года): воду на "
           "улице Ленина отключат с 20 по 24 марта.\n")
    _not_on_the_note(old, new, "Сообщение от 3 марта 2041 года", "взамен сообщения от 3 марта 2041 года")


def test_a_kazakh_edition_line_is_not_placed_on_the_note_saying_what_it_replaces():
    old = ("Тендер\n\n2041 жылғы 5 мамырдағы нұсқа\n\nАудан он екі мектепте ыстық тамаққа конкурс жариялайды.\n")
    new = ("Тендер\n\n2041 жылғы 20 маусымдағы нұсқа\n\nБұл нұсқа 2041 жылғы 5 мамырдағы нұсқасының орнына "
           "жарияланды. Аудан он төрт мектепте ыстық тамаққа конкурс жариялайды.\n")
    _not_on_the_note(old, new, "2041 жылғы 5 мамырдағы нұсқа",
                     "Бұл нұсқа 2041 жылғы 5 мамырдағы нұсқасының орнына жарияланды.")


def test_a_dateline_is_not_placed_on_the_note_saying_which_notice_it_amends():
    old = ("Annual meeting of members\n\nShymkent, 20 April 2041\n\nThe cooperative's members meet on 15 May at the "
           "town hall.\n")
    new = ("Annual meeting of members\n\nShymkent, 4 May 2041. This notice amends the notice of 20 April 2041.\n\n"
           "The cooperative's members meet on 29 May at the town hall.\n")
    _not_on_the_note(old, new, "Shymkent, 20 April 2041", "This notice amends the notice of 20 April 2041.")


def test_the_new_issue_line_before_a_replacement_line_stays_evidence():
    old = ("Frost warning No. 6\nIssued 3 October 2041 at 10:00 (local time)\n\nNight frosts of minus 4 degrees are "
           "expected in the north of the region.\n")
    new = ("Frost warning No. 6 (update)\nIssued 4 October 2041 at 07:00 (local time)\nReplaces the warning issued 3 "
           "October at 10:00\n\nNight frosts of minus 6 degrees are expected in the north and centre of the region.\n")
    placement = place(old, new, "Issued 3 October 2041 at 10:00")
    assert placement.state is AnchorState.FUZZY, placement
    assert new[placement.start:placement.end] == "Issued 4 October 2041 at 07:00"
    assert placement.number_changed and needs_review(placement.state, placement.score, placement.number_changed)


def test_a_kazakh_note_runs_from_its_sentence_start_over_the_date_it_names_first():
    old = ("Тендер\n\nАудан он екі мектепте ыстық тамаққа конкурс жариялайды. Өтінімдер 2041 жылғы 5 мамырдағы "
           "шарттармен қабылданады.\n")
    new = ("Тендер\n\nАудан он төрт мектепте ыстық тамаққа конкурс жариялайды. Бұл хабарландыру 2041 жылғы 5 мамырдағы "
           "шарттармен берілген хабарландырудың орнына жарияланды.\n")
    _not_on_the_note(old, new, "2041 жылғы 5 мамырдағы шарттармен",
                     "Бұл хабарландыру 2041 жылғы 5 мамырдағы шарттармен берілген хабарландырудың орнына жарияланды.")


@pytest.mark.parametrize("sentence", [
    "The present notice amends the notice of 2 June.",
    "Настоящее извещение изменяет извещение от 2 июня.",
    "This version replaces version 1.2 of 4 April 2041.",
    "The present notice supersedes the notice of 2 June.",
    "This release corrects the release of 8 May.",
    "Настоящее уведомление заменяет уведомление от 2 июня.",
    "Опубликовано взамен редакции от 8 мая.",
    "Бұл хабарлама 8 мамырдағы хабарламаның орнына жарияланды.",
])
def test_the_phrasings_of_a_replacement_note_are_known(sentence):
    assert replacement_phrases(fold(sentence)), sentence


@pytest.mark.parametrize("sentence", [
    "The new boiler replaces the one installed in 1998.",
    "The agreement supersedes earlier bilateral treaties on fishing.",
    "Новый мост заменяет паромную переправу.",
    "Ескі көпірдің орнына жаңасы салынады.",
    "The council amends the budget of the district every spring.",
])
def test_a_sentence_about_something_replaced_in_the_world_is_no_note(sentence):
    assert not replacement_phrases(fold(sentence)), sentence
