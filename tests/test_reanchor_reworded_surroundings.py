"""A quote kept word for word, said once in each text, whose own sentence was reworded on both sides of
it: an interview edited for print ("Сейчас срок ожидания записи составляет в среднем три недели." ->
"Сейчас ожидание записи занимает в среднем три недели."), a wiki sentence recast around a kept year, a
filler cut before a kept word. Its prefix and suffix changed on both sides and its sentence's letters
agree too little (0.38-0.57 of CONTEXT_AGREEMENT's 0.6), so it was orphaned (issue #23). It is the same
passage when it stands between the same alignment landmarks and at least half of the telling words of
the rest of its old sentence (figures, words of four letters or more, a Cyrillic word also with another
ending) stand again in its new sentence. Placed fuzzy, below REVIEW_BELOW: a curator confirms it. A
sentence cut whose quote recurs in a new sentence saying something else is not taken."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

EN_OLD = ("The museum reopened on Monday after two years of work.\n\n"
          "Curators moved the whole collection of felt carpets into the renovated western wing, which now "
          "holds about forty pieces.\n\n"
          "Tickets are sold at the door and online.\n")
EN_NEW = ("The museum reopened on Monday after two years of work.\n\n"
          "About forty felt carpets, the whole collection, are now shown in the renovated western wing, the "
          "curators said.\n\n"
          "Tickets are sold at the door and online.\n")


def test_a_phrase_whose_sentence_was_recast_around_it_is_placed_for_review():
    placed_for_review(EN_OLD, EN_NEW, "the renovated western wing", "the renovated western wing")


RU_OLD = ("Консульство принимает заявления по будням.\n\n"
          "Сейчас срок ожидания визы составляет в среднем пять дней, если документы полные.\n\n"
          "Летом очередь обычно растет.\n")
RU_NEW = ("Консульство принимает заявления по будням.\n\n"
          "Если документы полные, визу теперь ждут в среднем пять дней.\n\n"
          "Летом очередь обычно растет.\n")


def test_a_russian_phrase_whose_sentence_was_reworded_on_both_sides_is_placed_for_review():
    placed_for_review(RU_OLD, RU_NEW, "в среднем пять дней", "в среднем пять дней")


KK_OLD = ("Жоба 2029 жылы басталды.\n\n"
          "Зертханалар 2031 жылдан бастап облыстағы барлық фермерлерге қызмет көрсетеді.\n\n"
          "Жобаны Еуропалық одақ қаржыландырады.\n")
KK_NEW = ("Жоба 2029 жылы басталды.\n\n"
          "Облыстағы барлық фермерлер 2031 жылдан бастап зертханалардың қызметін пайдалана алады.\n\n"
          "Жобаны Еуропалық одақ қаржыландырады.\n")


def test_a_kazakh_date_whose_sentence_was_turned_round_is_placed_for_review():
    placed_for_review(KK_OLD, KK_NEW, "2031 жылдан бастап", "2031 жылдан бастап")


def test_a_cut_sentence_whose_phrase_recurs_in_another_claim_stays_orphaned():
    new = ("The museum reopened on Monday after two years of work.\n\n"
           "School groups will meet their guide at the entrance to the renovated western wing.\n\n"
           "Tickets are sold at the door and online.\n")
    assert place(EN_OLD, new, "the renovated western wing").state is AnchorState.ORPHANED


def test_a_phrase_said_again_outside_its_landmarks_stays_orphaned():
    new = ("About forty felt carpets, the whole collection, are now shown in the renovated western wing, the "
           "curators said.\n\n"
           "The museum reopened on Monday after two years of work.\n\n"
           "Tickets are sold at the door and online.\n")
    old = ("The museum reopened on Monday after two years of work.\n\n"
           "Curators moved the whole collection of felt carpets into the renovated western wing, which now "
           "holds about forty pieces.\n\n"
           "Tickets are sold at the door and online.\n")
    placement = place(old, new, "the renovated western wing")
    assert placement.state is AnchorState.ORPHANED or new[placement.start:placement.end] == "the renovated western wing"
