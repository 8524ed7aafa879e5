"""A quote holding a landmark of its own (a pair of its words said once in each text, in order with
the others) whose sentence was re-punctuated and trimmed around it all at once, as a transcript is
edited for print: the context that usually vouches for a short quote is gone, its own words still
stand where the landmarks put them. Placed fuzzy and queued; a changed figure flagged; a word
replaced or a negation lost is another claim and stays orphaned (issue #23, held-out round 29)."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.anchor_review import needs_review
from tests.test_reanchor import placed_for_review, place

OLD = ("Стенограмма встречи в городском совете, Павлодар, 4 апреля 2031 года\n\n"
       "Ведущий: Добрый вечер. У нас в студии первый заместитель директора областного музея Айгерим "
       "Сейткалиева. Тема — расширение городской библиотеки. Пожалуйста.\n\n"
       "Сейткалиева: Спасибо. Ну, в общем, так. Первые 30 стеллажей привезут уже в апреле, остальные к осени. "
       "Читальный зал, скажем так, вырастет почти вдвое. Около 40 процентов книг будет на казахском языке. "
       "Стоимость абонемента, я подчеркну, не изменится для пенсионеров города.\n")
NEW = ("Библиотеку Павлодара расширят\n\n"
       "Первый заместитель директора музея Айгерим Сейткалиева рассказала о расширении городской библиотеки.\n\n"
       "«Первые 35 стеллажей привезут в мае, остальные к осени. Читальный зал вырастет почти вдвое», — сказала она. "
       "Около 40% книг будет на казахском языке. Стоимость абонемента изменится для пенсионеров города.\n")


def test_a_short_quote_with_another_ending_is_placed_by_the_landmark_inside_it():
    placed_for_review(OLD, NEW, "расширение городской библиотеки", "расширении городской библиотеки")


SPOKEN = ("Ведущий: Добрый вечер. Сегодня у нас в гостях заместитель директора областного музея Айгерим "
          "Сейткалиева. Пожалуйста.\n\nСейткалиева: Спасибо. Ну, примерно половина книг, около 40 процентов, "
          "будет на казахском языке.\n")
PRINTED = ("Заместитель директора музея Айгерим Сейткалиева рассказала о планах.\n\n"
           "По ее словам, около 40% книг будет на казахском языке.\n")


def test_a_word_cut_from_a_short_quote_that_now_opens_its_sentence_keeps_it_in_place():
    placed_for_review(SPOKEN, PRINTED, "заместитель директора областного музея", "Заместитель директора музея")


def test_a_percent_written_as_a_sign_where_the_hedge_around_it_was_cut_is_the_same_figure():
    placement = placed_for_review(SPOKEN, PRINTED, "около 40 процентов", "около 40%")
    assert not placement.number_changed


def test_a_corrected_figure_in_a_trimmed_sentence_is_flagged():
    placement = place(OLD, NEW, "Первые 30 стеллажей привезут уже в апреле")
    assert placement.state is AnchorState.FUZZY, placement
    assert NEW[placement.start:placement.end] == "Первые 35 стеллажей привезут в мае"
    assert placement.number_changed
    assert needs_review(placement.state, placement.score, placement.number_changed)


def test_a_lost_negation_is_another_claim():
    assert place(OLD, NEW, "не изменится для пенсионеров").state is AnchorState.ORPHANED


def test_a_word_replaced_beside_the_landmark_is_another_claim():
    old = ("Ведущий: Слово министру. Министр: Новые пункты приема откроют в Карагандинской области, "
           "и это главное. Вопрос из зала: когда?\n")
    new = "Новые пункты приема откроют в Павлодарской области, сообщил министр. Сроки не названы.\n"
    assert place(old, new, "пункты приема откроют в Карагандинской").state is AnchorState.ORPHANED


def test_digits_grouped_another_way_in_a_reworded_sentence_are_the_same_figure():
    old = ("Survey notes. Counters on the lake found, as far as they could tell from the boats, roughly 23,500 "
           "nesting terns this spring, they said.\n")
    new = "Survey notes. The lake held roughly 23 500 nesting terns in the spring.\n"
    placement = placed_for_review(old, new, "roughly 23,500 nesting terns", "roughly 23 500 nesting terns")
    assert not placement.number_changed


def test_a_cut_sentence_whose_words_are_said_again_in_a_new_one_stays_orphaned():
    # The pair "стороны договорились" is a landmark inside the quote, yet its sentence was cut: a
    # verbatim copy is judged by its surroundings alone.
    old = ("Итоги заседания. Стороны договорились о новых квотах на вылов рыбы в Каспийском море. "
           "Следующее заседание пройдет осенью в Атырау.\n")
    new = ("Итоги заседания. Следующее заседание пройдет осенью в Атырау, где стороны договорились "
           "встретиться с рыбаками.\n")
    assert place(old, new, "Стороны договорились").state is AnchorState.ORPHANED
