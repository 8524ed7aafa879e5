"""A figure's thousands said with a scale word or written in digits ("500 мың теңге" / "500 000 теңге",
"48 тыс. человек" / "48 000 человек"; held-out round 44: a contest's prizes "(500 мың теңге)" became
"(500 000 теңге)" in the corrected results and were orphaned). The scale word was read as a power of ten
("000e3"), the groups of three zeros were not, so the same sum looked like another passage. Read alike
only for comparing; a figure whose value changed is still a changed figure, flagged and queued (issue #23).
Only groups split by spaces are read so: "6,500" is six and a half in a Russian text."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.anchor_review import needs_review
from kzeu_desk.core.reanchor import _units_alike
from tests.test_reanchor import flagged_or_orphaned, place

KK_OLD = ("Оқушылар олимпиадасының қорытындысы\n\nЖүлделер: бас жүлде (700 мың теңге), бірінші орын (400 мың теңге). "
          "Жеңімпаздарды облыс әкімі марапаттады.\n\nКелесі олимпиада көктемде өтеді.\n")
KK_NEW = ("Оқушылар олимпиадасының түзетілген қорытындысы\n\nЖүлделер: бас жүлде (700 000 теңге), бірінші орын "
          "(400 000 теңге). Жеңімпаздарды облыс әкімінің орынбасары марапаттады.\n\nКелесі олимпиада көктемде өтеді.\n")
RU_OLD = ("Фестиваль «Лето в парке»\n\nПо оценке организаторов, фестиваль посетили 48 тыс. человек за два дня. "
          "Вход был свободным.\n")
RU_NEW = ("Фестиваль «Лето в парке» (итоги)\n\nПо данным организаторов, фестиваль посетили 48 000 человек за два дня. "
          "Вход был свободным.\n")


def test_thousands_said_with_a_scale_word_and_in_digits_read_alike():
    assert _units_alike("орын (000 мың теңге)") == _units_alike("орын (000 000 теңге)")
    assert _units_alike("посетили 00 тыс. человек") == _units_alike("посетили 00 000 человек")
    assert _units_alike("0 000 000 tenge") == _units_alike("0 million tenge")


def test_digits_grouped_by_commas_or_years_beside_figures_are_left_as_they_are():
    assert _units_alike("0,000 человек") == "0,000 человек"
    assert _units_alike("в 0000 000 человек") == "в 0000 000 человек"


def test_a_prize_written_in_digits_is_the_same_passage():
    placement = place(KK_OLD, KK_NEW, "бірінші орын (400 мың теңге)")
    assert placement.state is not AnchorState.ORPHANED, placement
    assert KK_NEW[placement.start:placement.end] == "бірінші орын (400 000 теңге)"
    assert not placement.number_changed


def test_visitors_written_in_digits_are_the_same_passage():
    placement = place(RU_OLD, RU_NEW, "посетили 48 тыс. человек")
    assert placement.state is not AnchorState.ORPHANED, placement
    assert RU_NEW[placement.start:placement.end] == "посетили 48 000 человек"
    assert not placement.number_changed


def test_a_changed_prize_written_in_digits_is_flagged_and_queued():
    new = KK_NEW.replace("(400 000 теңге)", "(450 000 теңге)")
    placement = place(KK_OLD, new, "бірінші орын (400 мың теңге)")
    assert placement.state is AnchorState.FUZZY, placement
    assert new[placement.start:placement.end] == "бірінші орын (450 000 теңге)"
    assert placement.number_changed
    assert needs_review(placement.state, placement.score, placement.number_changed)


def test_a_prize_that_is_now_hundreds_is_never_placed_silently():
    flagged_or_orphaned(KK_OLD, KK_NEW.replace("(400 000 теңге)", "(400 теңге)"), "бірінші орын (400 мың теңге)")


RANK_OLD = ("Домбыра байқауының қорытындысы\n\nҚазылар шешімімен:\n"
            "- бас жүлде (2 миллион теңге) Сарыағаш ауданынан келген Дәурен Оспановқа берілді;\n"
            "- бірінші орын (900 мың теңге) Түркістан қаласының күйшісі Әсел Нұрланқызына;\n"
            "- екінші орын (600 мың теңге) Кентау қаласынан Бауыржан Серікұлына;\n"
            "- үшінші орын (400 мың теңге) Ордабасы ауданынан Гүлнар Ахметоваға берілді.\n"
            "Қалған қатысушыларға алғыс хаттар табысталды.\n")
RANK_NEW = ("Домбыра байқауының түзетілген қорытындысы\n\nҚазылар шешімімен:\n"
            "— бас жүлде (2 млн теңге) Сарыағаш ауданынан келген Дәурен Оспановқа берілді;\n"
            "— бірінші орын (950 000 теңге) Түркістан қаласының күйшісі Әсел Нұрланқызына;\n"
            "— екінші орын (600 000 теңге) Ордабасы ауданынан Гүлнар Ахметоваға;\n"
            "— үшінші орын (400 000 теңге) Кентау қаласынан Бауыржан Серікұлына берілді.\n"
            "Қалған қатысушыларға алғыс хаттар табысталды.\n")


def test_a_prize_that_followed_its_winner_to_another_rank_is_not_placed_on_it():
    # A recount swapped the second and third winners: the old "үшінші орын (400 мың теңге)" must not follow
    # its winner to "екінші орын (600 000 теңге)" while its own words stand a line below, in digits.
    placement = place(RANK_OLD, RANK_NEW, "үшінші орын (400 мың теңге)")
    if placement.state is not AnchorState.ORPHANED:
        assert RANK_NEW[placement.start:placement.end] == "үшінші орын (400 000 теңге)", placement
        assert needs_review(placement.state, placement.score, placement.number_changed)
