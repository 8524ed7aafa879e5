"""The classes of the Russian misses of sets 74 and 75 (their first scores), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest


def _ids(cases: list[tuple[str, str, TypedValue]]) -> list[str]:
    return [case[0] + "-" + str(i) for i, case in enumerate(cases)]


# (highlight, its sentence, the curator's value); published 2026-03-01.
BOUNDS_SAID_IN_WORDS = [
    # "не ранее чем через 14 дней": no earlier than 14 days after is at least 14 days after (a lower bound), as "не
    # позднее чем через" is at most.
    ("не ранее чем через 14 дней", "Повторную прививку делают не ранее чем через 14 дней после первой.",
     quantity(14, "дней", lower=14)),
    ("не раньше чем через два года", "Вновь подать заявку можно не раньше чем через два года после отказа.",
     quantity(2, "года", lower=2)),
    # "дальше 3 км" (farther than: more), "ближе 200 м" (closer than: less), as "выше" and "ниже" bound a level.
    ("дальше 3 км", "Туристам запрещено уходить от лагеря дальше 3 км без проводника.", quantity(3, "км", lower=3)),
    ("ближе 200 м", "Палатки нельзя ставить ближе 200 м к берегу.", quantity(None, "м", upper=200)),
    # Guards: "не позднее чем через" stays a ceiling, "не дальше" and "не ближе" keep their reading.
    ("не позднее чем через 10 дней", "Ответ дают не позднее чем через 10 дней после обращения.",
     quantity(None, "дней", upper=10)),
    ("не дальше 500 м", "Остановка должна быть не дальше 500 м от школы.", quantity(None, "м", upper=500)),
    ("не ближе 5 км", "Ветряки ставят не ближе 5 км от жилья.", quantity(5, "км", lower=5)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), BOUNDS_SAID_IN_WORDS, ids=_ids(BOUNDS_SAID_IN_WORDS))
def test_russian_bounds_said_in_words(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-01", context=context).value, expected)


UNITS_OF_VOLUME_DOSE_AND_AREA = [
    # Millilitres: a drink's or a vial's volume is a measure, as litres are.
    ("500 мл", "Сок продают в бутылках по 500 мл.", quantity(500, "мл")),
    ("2,5 мл", "Ребенку дают 2,5 мл сиропа три раза в день.", quantity(2.5, "мл")),
    # International units a millilitre: a titre or a dose's concentration, one unit as "мг/л" is.
    ("не менее 10 МЕ/мл", "Уровень антител после вакцинации должен быть не менее 10 МЕ/мл.",
     quantity(10, "МЕ/мл", lower=10)),
    # Square feet with "кв.", as "кв. метров" is square metres (a hide's area as leather traders measure it).
    ("1 500 кв. футов", "Офис площадью 1 500 кв. футов сдается в аренду.", quantity(1500, "кв. футов")),
    # Guards: litres and square metres as before.
    ("2 л", "В канистре осталось 2 л воды.", quantity(2, "л")),
    ("60 кв. метров", "Квартира площадью 60 кв. метров.", quantity(60, "кв. метров")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), UNITS_OF_VOLUME_DOSE_AND_AREA,
                         ids=_ids(UNITS_OF_VOLUME_DOSE_AND_AREA))
def test_russian_units_of_volume_dose_and_area(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-01", context=context).value, expected)


ANIMALS_NAMED_BY_AN_ADJECTIVE = [
    # "животных" (an animal, a noun declined as an adjective) is what the figure counts, before a colon, another
    # figure or a verb as before a comma.
    ("58 животных", "На передержке сейчас 58 животных: 40 собак и 18 кошек.", count(58, "животных")),
    ("свыше 1 300 животных", "В питомнике содержится свыше 1 300 животных 90 пород.",
     count(1300, "животных", lower=1300)),
    ("12 млекопитающих", "За год в заповеднике окольцевали 12 млекопитающих: лис и барсуков.",
     count(12, "млекопитающих")),
    # Guard: before a noun the adjective qualifies it ("животных жиров" are animal fats).
    ("200 тонн", "Завод переработал 200 тонн животных жиров.", quantity(200, "тонн")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), ANIMALS_NAMED_BY_AN_ADJECTIVE,
                         ids=_ids(ANIMALS_NAMED_BY_AN_ADJECTIVE))
def test_russian_animals_named_by_an_adjective(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-01", context=context).value, expected)


YOUNG_OF_ANIMALS = [
    # The young of animals in "-ёнок/-онок" ("тигрёнок", "волчонок", "щенок"), whose genitive plural in "-ят/-ат" looks
    # like a verb's present plural ("говорят", "слышат"), are nouns the figure counts.
    ("трое", "3 апреля у волчицы Найды родились трое волчат.", count(3, "волчат")),
    ("пятеро", "В питомнике появились пятеро щенят хаски.", count(5, "щенят")),
    ("12", "Весной на ферме родились 12 ягнят и 4 козленка.", count(12, "ягнят")),
    # Guard: a verb in the present plural still counts nothing ("трое говорят" names no noun).
    ("40", "Из опрошенных 40 говорят, что довольны.", quantity(40, None)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), YOUNG_OF_ANIMALS, ids=_ids(YOUNG_OF_ANIMALS))
def test_russian_young_of_animals_are_counted(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-01", context=context).value, expected)


PAST_OF_VERBS_IN_YT_AND_UT = [
    # The past of the verbs in "-ыть", "-уть" with a prefix ("закрыли", "покрыли", "выдвинули") is the clause's verb
    # after the figure, not a noun it counts: the figure stays a bare amount (its currency, if any, named elsewhere).
    ("4,5 млн", "Остальные 4,5 млн закрыли спонсоры.", quantity(4.5e6, None)),
    ("около 800 тыс.", "Около 800 тыс. вернули страховщики.", quantity(800e3, None, approximate=True)),
    ("почти 20", "Почти 20 открыли свое дело.", quantity(20, None, upper=20)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), PAST_OF_VERBS_IN_YT_AND_UT,
                         ids=_ids(PAST_OF_VERBS_IN_YT_AND_UT))
def test_russian_past_of_verbs_in_yt_and_ut_is_no_counted_noun(selection: str, context: str,
                                                               expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-01", context=context).value, expected)


NOUNS_LIKE_THOSE_PASTS = [
    # Guards: the nouns "прибыли" (profit) and "протокола" still follow a figure as nouns.
    ("3 млн", "Компания получила 3 млн прибыли.", count(3e6, "прибыли")),
    ("два", "Инспектор составил два протокола.", count(2, "протокола")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), NOUNS_LIKE_THOSE_PASTS, ids=_ids(NOUNS_LIKE_THOSE_PASTS))
def test_russian_nouns_like_those_pasts_stay_nouns(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-01", context=context).value, expected)
