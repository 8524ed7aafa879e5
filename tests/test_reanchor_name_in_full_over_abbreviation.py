"""A quoted name that the new text writes in full with other endings wins over its abbreviation:
"Союзом охраны птиц Казахстана" -> "Союз охраны птиц Казахстана (СОПК)" was placed on the bracketed
"СОПК" (held-out round 39, labelled on the name in full), its head word standing elsewhere in the old
sentence ("… Европейским союзом"). The name in full, its one run, is the evidence, fuzzy and queued;
where it stands several times, nothing is guessed, and never the abbreviation."""

from __future__ import annotations

from tests.test_reanchor import place, placed_for_review

RU_OLD = ("Охота\n\nВ связи с засухой на ряде озер Аксуского и Ерейментауского районов охота там не разрешается "
          "до 1 сентября. На озере Караколь охота запрещена полностью: здесь проходит учет фламинго, который "
          "ведется совместно с Обществом защиты лесов Казахстана и финансируется Всемирным обществом.\n")
RU_NEW = ("Охота\n\nНа озерах Ерейментауского района охота не разрешается до 20 сентября. На озере Караколь охота "
          "запрещена полностью: здесь ведется учет фламинго, который Общество защиты лесов Казахстана (ОЗЛК) "
          "проводит при финансовой поддержке ВБ. Охотникам рекомендуется сообщать о больных птицах.\n")
QUOTE = "Обществом защиты лесов Казахстана"


def test_a_name_written_in_full_in_another_case_wins_over_its_bracketed_abbreviation():
    placed_for_review(RU_OLD, RU_NEW, QUOTE, "Общество защиты лесов Казахстана")


def test_a_name_written_in_full_twice_is_never_put_on_its_abbreviation():
    new = RU_NEW + "Отчет Общества защиты лесов Казахстана опубликован.\n"
    placement = place(RU_OLD, new, QUOTE)
    assert placement.start is None or new[placement.start:placement.end] != "ОЗЛК"
