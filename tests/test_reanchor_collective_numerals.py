"""A count said as a collective numeral is a figure: Russian "двое/двоих/троих…" and Kazakh "екеуі/бесеуі…"
(held-out round 42: "воспитывает двоих детей" -> "троих детей" was followed at 0.95, not flagged, so not
queued). Changing one changes the claim: the span is flagged "number changed" and waits for a curator."""

from __future__ import annotations

from kzeu_desk.core.reanchor import numbers_changed
from tests.test_reanchor import placed_for_review

RU_OLD = "Биография\n\nРодился в Караганде. Женат, воспитывает двоих сыновей. Владеет тремя языками.\n"
KK_OLD = "Жоба\n\nБес университеттің екеуі бағдарламаға қосылды. Қалғандары келесі жылы қосылады.\n"


def test_russian_and_kazakh_collective_numerals_are_figures():
    assert numbers_changed("на встречу пришли трое", "на встречу пришли четверо")
    assert numbers_changed("семьям с пятерыми детьми", "семьям с шестерыми детьми")
    assert numbers_changed("университеттің екеуі қосылды", "университеттің үшеуі қосылды")
    assert numbers_changed("олардың алтауымен келісті", "олардың жетеуімен келісті")
    assert not numbers_changed("на встречу пришли трое", "На встречу пришли трое.")
    assert not numbers_changed("олардың бесеуі", "олардың бесеуі")


def test_a_changed_russian_collective_count_is_flagged_and_queued():
    new = RU_OLD.replace("двоих сыновей", "троих сыновей")
    placement = placed_for_review(RU_OLD, new, "Женат, воспитывает двоих сыновей.",
                                  "Женат, воспитывает троих сыновей.")
    assert placement.number_changed


def test_a_changed_kazakh_collective_count_is_flagged_and_queued():
    new = KK_OLD.replace("екеуі", "үшеуі")
    placement = placed_for_review(KK_OLD, new, "Бес университеттің екеуі бағдарламаға қосылды.",
                                  "Бес университеттің үшеуі бағдарламаға қосылды.")
    assert placement.number_changed
