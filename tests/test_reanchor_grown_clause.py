"""A clause quoted up to a boundary of its old text (a semicolon, a comma, a full stop) that the new text
carries on past that boundary with a coordinated addition ("… and …", "… и …", "… және …"). Its words
still stand unchanged and were once *moved* there in silence (held-out round 30), though what the clause
says is now more. A curator must see it: the placement is widened to the grown clause, up to where the
old boundary stands again, and placed fuzzy, waiting in the queue (issue #23). Where the boundary does
not come back within a clause's reach, the quote's own words are placed fuzzy and queued, never moved.
A clause carried on by a circumstance rather than an "and" keeps its own words."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

EN_OLD = ("Draft rules on school canteens\n\nThe draft would require every school to:\n"
          "- publish the weekly menu with its allergens on the school website;\n"
          "- offer a free breakfast to pupils of the first four grades.\n\n"
          "Comments are welcome until 1 March.\n")
EN_NEW = ("Revised draft rules on school canteens\n\nAfter the consultation, the draft would require every school to:\n"
          "- publish the weekly menu with its allergens on the school website and send it to parents by e-mail;\n"
          "- offer a free breakfast to pupils of the first four grades.\n\n"
          "Comments are welcome until 15 March.\n")

RU_OLD = ("Проект постановления о городских парках\n\nПроектом предлагается:\n"
          "— обязать арендаторов убирать территорию вокруг павильонов каждый вечер;\n"
          "— запретить продажу напитков в стеклянной таре.\n\nОбсуждение продлится до конца месяца.\n")
RU_NEW = ("Проект постановления о городских парках (новая редакция)\n\nПосле обсуждения проектом предлагается:\n"
          "— обязать арендаторов убирать территорию вокруг павильонов каждый вечер и вывозить мусор до 8 утра;\n"
          "— запретить продажу напитков в стеклянной таре.\n\nОбсуждение завершено.\n")

KK_OLD = ("Әкімдік хабарламасы\n\nЖоба бойынша мектептер оқушыларға тегін ыстық тамақ беретін болады.\n"
          "Қаржы облыстық бюджеттен бөлінеді.\n")
KK_NEW = ("Әкімдік хабарламасы (жаңартылған)\n\nТалқылаудан кейін жоба бойынша мектептер оқушыларға тегін ыстық тамақ "
          "беретін болады және ата-аналарға апталық мәзірді жібереді.\nҚаржы облыстық бюджеттен бөлінеді.\n")


def test_an_english_clause_grown_by_an_and_is_widened_to_the_grown_clause_and_queued():
    placed_for_review(EN_OLD, EN_NEW, "publish the weekly menu with its allergens on the school website",
                      "publish the weekly menu with its allergens on the school website and send it to parents by e-mail")


def test_a_russian_duty_grown_by_an_i_is_widened_and_queued():
    placed_for_review(RU_OLD, RU_NEW, "обязать арендаторов убирать территорию вокруг павильонов каждый вечер",
                      "обязать арендаторов убирать территорию вокруг павильонов каждый вечер и вывозить мусор до 8 утра")


def test_a_kazakh_sentence_grown_by_zhane_is_widened_and_queued():
    placed_for_review(KK_OLD, KK_NEW, "мектептер оқушыларға тегін ыстық тамақ беретін болады",
                      "мектептер оқушыларға тегін ыстық тамақ беретін болады және ата-аналарға апталық мәзірді жібереді")


def test_a_grown_clause_whose_boundary_does_not_come_back_is_queued_on_its_own_words():
    long_addition = ("and send it to parents by e-mail every Friday before noon together with the prices of every "
                     "dish and the names of the suppliers of fresh food;")
    new = EN_NEW.replace("and send it to parents by e-mail;", long_addition)
    quote = "publish the weekly menu with its allergens on the school website"
    placed_for_review(EN_OLD, new, quote, quote)


def test_a_clause_carried_on_by_a_circumstance_is_not_a_grown_claim():
    new = EN_NEW.replace("and send it to parents by e-mail;", "from September;")
    placement = place(EN_OLD, new, "publish the weekly menu with its allergens on the school website")
    assert placement.state is not AnchorState.FUZZY or placement.end == placement.start + len(
        "publish the weekly menu with its allergens on the school website"), placement
    assert placement.state is not AnchorState.ORPHANED, placement


def test_a_clause_that_ends_where_it_ended_is_moved_unchanged():
    new = EN_NEW.replace(" and send it to parents by e-mail;", ";")
    placement = place(EN_OLD, new, "publish the weekly menu with its allergens on the school website")
    assert placement.state in (AnchorState.EXACT, AnchorState.MOVED), placement


def test_a_second_partner_added_in_parallel_keeps_the_quotes_own_words_for_review():
    # "met with the members of the committee and with the commissioner": another partner beside the quoted one
    # is a second item, not the quoted claim grown; the quote's own words stay its evidence, queued.
    old = ("Visit to Brussels\n\nIn the morning the minister held talks with the High Representative.\n"
           "On the same day the minister met with the members of the committee on foreign affairs.\n")
    new = ("Visit to Brussels (updated)\n\nIn the morning the minister held talks with the High Representative.\n"
           "On the same day the minister met with the members of the committee on foreign affairs and with the "
           "commissioner for partnerships.\n")
    quote = "met with the members of the committee on foreign affairs"
    placed_for_review(old, new, quote, quote)


def test_an_item_given_a_parallel_phrase_repeating_its_preposition_keeps_its_own_words():
    # "for the evening bulletin" + "and for the weekend magazine": a second item headed by the same
    # preposition (held-out round 38), not a larger claim; the quote's own words, queued.
    old = ("Plans\n\nThe channel will:\n- add subtitles for the evening bulletin at 21:00 on weekdays;\n"
           "- publish transcripts online.\n")
    new = ("Plans (revised)\n\nThe channel will:\n- add subtitles for the evening bulletin at 21:00 on weekdays "
           "and for the weekend magazine “Seven Days”;\n- publish transcripts online.\n")
    placed_for_review(old, new, "evening bulletin at 21:00 on weekdays", "evening bulletin at 21:00 on weekdays")
