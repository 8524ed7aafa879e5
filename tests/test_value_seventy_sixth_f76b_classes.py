"""The classes of the Russian misses of sets 76 and 77 (their first scores), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, money, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_candidates import find_values
from kzeu_desk.core.value_parsing import suggest


def _ids(cases: list[tuple[str, str, TypedValue]]) -> list[str]:
    return [case[0] + "-" + str(i) for i, case in enumerate(cases)]


# (highlight, its sentence, the curator's value); published 2026-03-01.
TEMPERATURES_SIGNED_ABOVE_ZERO = [
    # "выше +8 °C", "не ниже +16 градусов": a bound word before a temperature written with its "+"; the bound is the
    # word's, the sign only says above zero.
    ("выше +8 °C", "Вакцины нельзя держать при температуре выше +8 °C.", quantity(8, "°C", lower=8)),
    ("не ниже +16 градусов", "В спальнях детского сада должно быть не ниже +16 градусов.",
     quantity(16, "градусов", lower=16)),
    ("ниже +5 °C", "Бетон не заливают, если воздух остыл ниже +5 °C.", quantity(None, "°C", upper=5)),
    # "от +15 до +22 градусов": both ends of a range carry the sign, "от" before the first.
    ("от +15 до +22 градусов", "Днём в столице ожидается от +15 до +22 градусов.",
     quantity(None, "градусов", lower=15, upper=22)),
    ("от +1 до +4 °C", "Рыбу перевозят в рефрижераторе при температуре от +1 до +4 °C.",
     quantity(None, "°C", lower=1, upper=4)),
    # Guards: a temperature with its sign and no bound stays the figure; without signs the range is as before.
    ("+12 °C", "Утром в Астане было +12 °C.", quantity(12, "°C")),
    ("от 3 до 9 °C", "Ночью от 3 до 9 °C.", quantity(None, "°C", lower=3, upper=9)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), TEMPERATURES_SIGNED_ABOVE_ZERO,
                         ids=_ids(TEMPERATURES_SIGNED_ABOVE_ZERO))
def test_russian_temperatures_signed_above_zero(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-01", context=context).value, expected)


SPECIAL_DRAWING_RIGHTS = [
    # "СПЗ", the IMF's Special Drawing Rights in which air conventions cap a carrier's liability: money in XDR, as
    # "тенге" is in KZT; in words too.
    ("4 694 СПЗ", "За задержку рейса перевозчик отвечает в пределах 4 694 СПЗ на пассажира.", money(4694, "XDR")),
    ("до 22 СПЗ", "За каждый килограмм груза выплачивают до 22 СПЗ.", money(None, "XDR", upper=22)),
    ("128 821 специальных прав заимствования", "Предел ответственности – 128 821 специальных прав заимствования.",
     money(128821, "XDR")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), SPECIAL_DRAWING_RIGHTS, ids=_ids(SPECIAL_DRAWING_RIGHTS))
def test_russian_special_drawing_rights(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-01", context=context).value, expected)


PIECES_OF_BAGGAGE_OR_CARGO = [
    # "место багажа", "место груза": a carrier's unit, one suitcase or one crate, not any place; the genitive stays in
    # the unit, as "мест размещения" keeps its.
    ("640 мест багажа", "За праздники в аэропорту Шымкента потеряли 640 мест багажа.", count(640, "мест багажа")),
    ("27 мест груза", "Таможенники вскрыли 27 мест груза из Урумчи.", count(27, "мест груза")),
    ("три места багажа", "Каждому пассажиру разрешено сдать три места багажа.", count(3, "места багажа")),
    # Guards: seats alone stay seats, and a place in a freight car is no piece of cargo.
    ("900 мест", "Новый концертный зал рассчитан на 900 мест.", count(900, "мест")),
    ("40 мест", "В грузовом вагоне оборудовали 40 мест для собак.", count(40, "мест")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), PIECES_OF_BAGGAGE_OR_CARGO,
                         ids=_ids(PIECES_OF_BAGGAGE_OR_CARGO))
def test_russian_pieces_of_baggage_or_cargo(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-01", context=context).value, expected)


# The Candidates pane lists an ordinal only before a series noun: a campaign held again and again and a rise that
# follows others are members of a series. (sentence, the ordinal phrase listed, its count and noun)
SERIES_IN_THE_PANE = [
    ("В субботу в Караганде прошла третья благотворительная акция в поддержку приютов.",
     "третья благотворительная акция", 3, "акция"),
    ("Это уже четвертое повышение тарифов на воду за два года.", "четвертое повышение", 4, "повышение"),
]


@pytest.mark.parametrize(("sentence", "phrase", "amount", "unit"), SERIES_IN_THE_PANE,
                         ids=[case[1] for case in SERIES_IN_THE_PANE])
def test_russian_series_of_campaigns_and_rises_in_the_pane(sentence: str, phrase: str, amount: float,
                                                           unit: str) -> None:
    listed = {sentence[found.start:found.end]: found.value for found in find_values(sentence, "2026-03-01")}
    assert phrase in listed, listed
    same(listed[phrase], count(amount, unit))


def test_an_excise_or_shares_are_no_series_in_the_pane() -> None:
    for sentence in ("Второй акциз на табак ввели в мае.", "Вторая часть акций перешла фонду."):
        assert not any(found.value.kind.value == "count" for found in find_values(sentence, "2026-03-01")), sentence
