"""The classes of misses the thirty-fourth set (twelve whole articles in three languages, written and labelled by
someone who never ran the parser, tests/data/value_suggestions/) showed on first sight, each tested on other sentences
than the set's: what Ctrl+N suggests for a highlight read with its sentence and the sentence before it."""

from __future__ import annotations

import pytest
from test_value_words import count, date, money, percent, quantity, same, span

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the sentence before it, publication date, the curator's value)
SIGNED_MEASURES = [
    # A sign in words or as a symbol belongs to the measure: temperatures below zero.
    ("minus 18°C", "On the steppe the thermometer fell to minus 18°C overnight.", "", "2026-02-03",
     quantity(-18, "°C")),
    ("−7 °C", "Daytime highs of −7 °C are expected in Astana on Sunday.", "", "2026-02-03", quantity(-7, "°C")),
    ("-4°C", "The lake freezes once the water reaches -4°C at the shore.", "", "2026-02-03", quantity(-4, "°C")),
    ("минус 27 градусов", "В Петропавловске ночью ожидается минус 27 градусов.", "", "2026-02-03",
     quantity(-27, "градусов")),
    ("минус 12 градус", "Түнде ауа температурасы минус 12 градус болады.", "", "2026-02-03", quantity(-12, "градус")),
]

UNITS_AFTER_RANGES_AND_BOUNDS = [
    # Millimetres, centimetres and degrees Celsius after a range, a bound or a figure, as "km" and "kg" are read.
    ("35-50 mm", "Rainfall in March is expected to total 35-50 mm in the north.", "", "2026-02-03",
     quantity(None, "mm", lower=35, upper=50)),
    ("below 20 mm", "Snow cover stayed below 20 mm on most fields in the south.", "", "2026-02-03",
     quantity(None, "mm", upper=20)),
    ("3-5°C", "Spring is forecast to be 3-5°C warmer than usual in Shymkent.", "", "2026-02-03",
     quantity(None, "°C", lower=3, upper=5)),
    ("15-20 см", "Высота снежного покрова составляет 15-20 см.", "", "2026-02-03",
     quantity(None, "см", lower=15, upper=20)),
    # Grams per litre with a Kazakh case ending after a hyphen.
    ("1,8 г/л-ге", "Құдық суының кермектігі 1,8 г/л-ге жетті.", "", "2026-02-03", quantity(1.8, "г/л")),
    ("2,5 мг/л", "Содержание железа в воде достигло 2,5 мг/л.", "", "2026-02-03", quantity(2.5, "мг/л")),
]

TIME_LIMITS_FROM_AN_EVENT = [
    # A time limit counted from an event, its bound word inside the highlight, in the units a notice uses: days of
    # 24 hours ("суток"), working days, and a Kazakh "бір ай" before "ішінде".
    ("в течение 20 суток", "Перевозчик обязан вернуть контейнер в течение 20 суток со дня разгрузки.", "",
     "2026-02-03", quantity(None, "суток", upper=20)),
    ("в течение пяти рабочих дней", "Ответ направляется в течение пяти рабочих дней с момента регистрации запроса.",
     "", "2026-02-03", quantity(None, "рабочих дней", upper=5)),
    ("бір ай ішінде", "Өтініш тіркелген күннен бастап бір ай ішінде қаралады.", "", "2026-02-03",
     quantity(None, "ай", upper=1)),
]


@pytest.mark.parametrize(("selection", "context", "before", "published", "expected"),
                         SIGNED_MEASURES + UNITS_AFTER_RANGES_AND_BOUNDS + TIME_LIMITS_FROM_AN_EVENT,
                         ids=[case[0] for case in SIGNED_MEASURES + UNITS_AFTER_RANGES_AND_BOUNDS
                              + TIME_LIMITS_FROM_AN_EVENT])
def test_measures_the_thirty_fourth_set_showed(selection: str, context: str, before: str, published: str,
                                               expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context, before=before).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # A hyphen between figures is a range, not a sign; a name with a number is no measure.
    ("10-12 °C", "Water in the reservoir warmed to 10-12 °C by May.", quantity(None, "°C", lower=10, upper=12)),
    # Without an event to count from, "бір ай ішінде" is the span itself, as "екі жыл ішінде" is.
    ("бір ай ішінде", "Көрме бір ай ішінде 40 мың адам қабылдады.", quantity(1, "ай")),
    # "mm" after a currency figure stays money: the millimetre is read only where no currency is.
    ("$5 mm", "The fund raised $5 mm in its first round.", None),
], ids=["a range", "a span with no event", "money in mm"])
def test_measure_look_alikes_are_left_alone(selection: str, context: str, expected: TypedValue | None) -> None:
    value = suggest(selection, published="2026-02-03", context=context).value
    if expected is None:
        assert value.kind is ValueKind.MONEY and value.unit == "USD", value
    else:
        same(value, expected)


@pytest.mark.parametrize(("selection", "context", "before", "expected"), [
    # A two-letter Kazakh noun in the accusative is not cut to a possessive's stem: "істі" is "іс", not "іст".
    ("58 істі", "Аудандық сот биыл 58 істі қарады.", "", count(58, "іс")),
    # The part after it borrows the same noun.
    ("12-сі", "Сот биыл 58 істі қарады, оның 12-сі салық дауларына қатысты.", "", count(12, "іс")),
    # After a voiced consonant "-і" stays the possessive: "өрті" is "өрт" (fire), no "өр" + "ті".
    ("5 өрті", "Облыстағы 5 өрті бір тәулікте сөндірілді.", "", count(5, "өрт")),
], ids=["accusative", "the part after it", "a possessive after a voiced sound"])
def test_short_kazakh_stems_the_thirty_fourth_set_showed(selection: str, context: str, before: str,
                                                         expected: TypedValue) -> None:
    same(suggest(selection, published="2026-02-03", context=context, before=before).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # A measure word after a noun naming its kind is a device or place counted, not a unit.
    ("2,400", "The contract covers 2,400 gas meters for the old town.", count(2400, "gas meters")),
    ("60", "The mall will open 60 charging points in its car park.", count(60, "charging points")),
    ("1.2", "Rates rose 1.2 percentage points in March.", quantity(1.2, "pp")),
    # A noun made of an adjective ("котельная", "рабочий") after an adjective of its kind, before a preposition or
    # the clause's end.
    ("9", "В районе закроют 9 старых котельных на угле.", count(9, "котельных")),
    ("45", "На стройке заняты 45 приезжих рабочих.", count(45, "рабочих")),
    # The start of a change is in the currency written after its end.
    ("2 500", "Сбор снизится с 2 500 до 1 800 тенге.", money(2500, "KZT")),
    ("90", "The visa fee went up from 90 to 120 euros.", money(90, "EUR")),
], ids=["water meters", "charging points", "percentage points", "котельных", "рабочих", "тенге", "euros"])
def test_counted_nouns_and_change_units_the_thirty_fourth_set_showed(selection: str, context: str,
                                                                     expected: TypedValue) -> None:
    same(suggest(selection, published="2026-02-03", context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "published", "expected"), [
    # "годом ранее" is a year before the year its sentence wrote, or before publication when it wrote none.
    ("годом ранее", "В январе-июне 2025 года экспорт вырос на 9% по сравнению с годом ранее.", "2025-08-01",
     date("2024")),
    ("годом ранее", "Порт принял на 12% больше судов, чем годом ранее.", "2026-10-05", date("2025")),
    # A Kazakh month in the dative ("to, for February") is that month, as the locative is.
    ("наурызға", "Форум наурызға жоспарланған.", "2026-11-20", date("2027-03")),
    ("қыркүйекке", "Көрме қыркүйекке ауыстырылды.", "2026-11-20", date("2026-09")),
    # An outlook or forecast is for what is to come, and "published" tells when the news was told, not when.
    ("January-March", "The ministry published its forecast for January-March on its website.", "2026-11-20",
     span("2027-01", "2027-03")),
    ("March", "The service gave its outlook for March in a note sent to farmers.", "2026-11-20", date("2027-03")),
    ("March", "Exports fell sharply in March.", "2026-11-20", date("2026-03")),
], ids=["годом ранее after a year", "годом ранее alone", "the dative, ahead", "the dative, reported",
        "a forecast for months", "an outlook for a month", "a reported month"])
def test_dates_the_thirty_fourth_set_showed(selection: str, context: str, published: str,
                                            expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # Kazakh number words in a case count the noun named before "саны" or the whole of which they are a part.
    ("бестен", "Пойыздар саны аптасына бестен жетіге дейін артады.", count(5, "пойыз")),
    ("жетіге", "Пойыздар саны аптасына бестен жетіге дейін артады.", count(7, "пойыз")),
    ("алтысымен", "Көрмеде 40 инвестормен кездестік, олардың алтысымен келісім жасадық.", count(6, "инвестор")),
    ("біреуі", "Сынақтан өткен вагондардың біреуі ғана жарамсыз болды.", count(1, "вагон")),
    # A number in the ablative and fewer parts after it stays a fraction ("үштен бірге", by a third).
    ("үштен бірге", "Экспорт үштен бірге өсті.", percent(100 / 3, approximate=True)),
], ids=["from five", "to seven", "with six of them", "one of them", "a fraction"])
def test_kazakh_number_words_in_a_case_the_thirty_fourth_set_showed(selection: str, context: str,
                                                                    expected: TypedValue) -> None:
    same(suggest(selection, published="2026-02-03", context=context).value, expected)


def test_a_bare_someone_is_no_figure() -> None:
    # "біреу" alone is "someone", not one.
    assert suggest("біреу", published="2026-02-03", context="Кеше біреу қоңырау шалды.").value.kind is ValueKind.TEXT


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # An ordinal in any case before what an operator, a buyer or an issuer runs one after another counts it.
    ("седьмого", "Оператор объявил о запуске седьмого ночного поезда до Шымкента.", count(7, "поезда")),
    ("третий", "Компания выплатила доход за третий период.", count(3, "период")),
    ("fifth", "The utility has opened its fifth tender this year.", count(5, "tender")),
    ("second", "The academy will hold a second course for coaches in May.", count(2, "course")),
], ids=["седьмого поезда", "третий период", "fifth tender", "second course"])
def test_ordinals_the_thirty_fourth_set_showed(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-02-03", context=context).value, expected)
