"""The classes of the Russian misses of sets 68-71 (their first scores), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, percent, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest


def _ids(cases: list[tuple[str, str, str, TypedValue]]) -> list[str]:
    return [case[0] + "-" + str(i) for i, case in enumerate(cases)]


# (highlight, its sentence, publication date, the curator's value)
A_SHOOTING_DAY_IS_A_KIND_OF_DAY = [
    # A shooting day is a working day of a film crew, a measure of its own as "рабочих дней" is: kept with its
    # qualifier, in the form the text has.
    ("12 съемочных дней", "Группа провела в Шымкенте 12 съемочных дней.", "2026-03-01",
     quantity(12, "съемочных дней")),
    ("не более 20 съёмочных дней", "На натуре запланировано не более 20 съёмочных дней.", "2026-03-01",
     quantity(None, "съёмочных дней", upper=20)),
    ("31 съемочный день", "Фильм сняли за 31 съемочный день.", "2026-03-01", quantity(31, "съемочный день")),
    # Guard: calendar days stay days.
    ("10 календарных дней", "Ответ дается в течение 10 календарных дней.", "2026-03-01", quantity(10, "дней")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_SHOOTING_DAY_IS_A_KIND_OF_DAY,
                         ids=_ids(A_SHOOTING_DAY_IS_A_KIND_OF_DAY))
def test_a_russian_shooting_day_is_a_kind_of_day(selection: str, context: str, published: str,
                                                  expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


A_RUSSIAN_SHARE_SIGNED_IN_WORDS = [
    # "минус" before a share gives its sign, as it does before a temperature: a change or a return below zero.
    ("минус 4,1%", "Выручка сети за квартал изменилась на минус 4,1% к прошлому году.", "2026-03-01", percent(-4.1)),
    ("минус 0,8 %", "Реальные зарплаты в регионе за год показали минус 0,8 %.", "2026-03-01", percent(-0.8)),
    ("минус 12%", "Итог сезона для экспортеров дыни – минус 12% к плану.", "2026-03-01", percent(-12)),
    # Guards: a fall said by its verb keeps the figure; a band either side is no sign.
    ("на 4,1%", "Выручка сети за квартал снизилась на 4,1%.", "2026-03-01", percent(4.1)),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_RUSSIAN_SHARE_SIGNED_IN_WORDS,
                         ids=_ids(A_RUSSIAN_SHARE_SIGNED_IN_WORDS))
def test_a_russian_share_signed_in_words_is_below_zero(selection: str, context: str, published: str,
                                                        expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


def test_plus_or_minus_before_a_russian_share_is_no_sign() -> None:
    value = suggest("плюс-минус 2%", published="2026-03-01",
                    context="Погрешность опроса составляет плюс-минус 2%.").value
    assert value.amount != -2


# (highlight, its sentence, the sentence before it, publication date, the curator's value)
OF_THEM_WITH_WORDS_BEFORE_THE_NUMBER = [
    # "Из них" opening a sentence is a part of the whole the sentence before counted even with an adverb or a verb
    # before the number; a part is of a whole at least as large, not of the last, smaller, count named after "от".
    ("27", "Из них сразу одобрены 27, условно – 12, отклонены – 25.",
     "В министерство поступило 64 заявки от 19 фермеров, в том числе от пяти кооперативов и трех союзов.",
     "2026-03-01", count(27, "заявки")),
    ("25", "Из них сразу одобрены 27, условно – 12, отклонены – 25.",
     "В министерство поступило 64 заявки от 19 фермеров, в том числе от пяти кооперативов и трех союзов.",
     "2026-03-01", count(25, "заявки")),
    ("30", "Из них в финал вышли 30.", "На конкурс пришло 140 работ от 12 школ.", "2026-03-01", count(30, "работ")),
]


@pytest.mark.parametrize(("selection", "context", "before", "published", "expected"),
                         OF_THEM_WITH_WORDS_BEFORE_THE_NUMBER,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(OF_THEM_WITH_WORDS_BEFORE_THE_NUMBER)])
def test_of_them_with_words_before_the_number_is_a_part(selection: str, context: str, before: str, published: str,
                                                        expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context, before=before).value, expected)


A_SOURCE_IS_NOT_THE_WHOLE_OF_A_PART_BEFORE_IT = [
    # "из них" right before the number, as after it: a source after a counted noun ("из девяти районов") is not what
    # "них" is, the counted noun before it is.
    ("пять", "За год субсидии получили 14 хозяйств из девяти районов, из них пять – семейные.", "2026-03-01",
     count(5, "хозяйств")),
    ("3", "На выставку привезли 40 сортов из 6 питомников, из них 3 – новые.", "2026-03-01", count(3, "сортов")),
    # Guard: with no source, the count before is still the whole.
    ("два", "В районе 12 элеваторов, из них два – частные.", "2026-03-01", count(2, "элеваторов")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"),
                         A_SOURCE_IS_NOT_THE_WHOLE_OF_A_PART_BEFORE_IT,
                         ids=_ids(A_SOURCE_IS_NOT_THE_WHOLE_OF_A_PART_BEFORE_IT))
def test_a_source_is_not_the_whole_of_a_part_named_before_it(selection: str, context: str, published: str,
                                                              expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


AN_ORDINAL_BEFORE_A_SHORT_PARTICIPLE = [
    # A short passive participle right after a Russian ordinal is the verb of its clause: the ordinal numbers the noun
    # of the ordinal before it in the sentence.
    ("третья", "Первая очередь завода введена в 2024 году, вторая – в 2025-м, третья намечена на весну.", "2026-03-01",
     count(3, "очередь")),
    ("пятый", "Четвертый форум фермеров прошел в Таразе, пятый запланирован на сентябрь.", "2026-03-01",
     count(5, "форум")),
    ("вторая", "Первая партия дронов поставлена в мае, вторая отгружена вчера.", "2026-03-01", count(2, "партия")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), AN_ORDINAL_BEFORE_A_SHORT_PARTICIPLE,
                         ids=_ids(AN_ORDINAL_BEFORE_A_SHORT_PARTICIPLE))
def test_a_russian_ordinal_before_a_short_participle_numbers_the_noun_before(selection: str, context: str,
                                                                             published: str,
                                                                             expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)
