"""The English and Russian classes of misses sets 48 and 49 showed at their first score, each tested on other sentences
than the sets': what Ctrl+N suggests for a highlight read with its sentence (and the sentence before it, and the text
before that, where those name what it needs)."""

from __future__ import annotations

import pytest
from test_value_words import InContext, count, date, percent, quantity, same, same_in_context, span

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

PUBLISHED = "2026-05-14"  # a Thursday

Case = InContext


def _check(case: Case, published: str = PUBLISHED, earlier: str | None = None) -> None:
    same_in_context(case, published, earlier)


UNITS_OF_MEASUREMENT = [
    # A length in metres written "m" where no noun follows it (a noun makes it millions), blood pressure in millimetres
    # of mercury, and cubic metres per tonne or per hour written with a slash as one unit, as "m³/s" is.
    ("1.5 m", "", "The new quay wall stands 1.5 m above the winter water level.", quantity(1.5, "m")),
    ("12 m", "", "Each turbine blade is 12 m long and weighs four tonnes.", quantity(12, "m")),
    ("95 mmHg", "", "Patients with a diastolic pressure of 95 mmHg were referred to a cardiologist.",
     quantity(95, "mmHg")),
    ("under 130 mmHg", "", "The target for patients with diabetes is a systolic pressure under 130 mmHg.",
     quantity(None, "mmHg", upper=130)),
    ("160 mmHg or higher", "", "A reading of 160 mmHg or higher calls for treatment the same day.",
     quantity(160, "mmHg", lower=160)),
    ("3.2 m³/t", "", "The flotation plant used 3.2 m³/t of fresh water last year.", quantity(3.2, "m³/t")),
    ("250 m³/h", "", "The two new pumps each deliver 250 m³/h to the irrigation canal.", quantity(250, "m³/h")),
    ("120 м³/ч", "", "Насосная станция подает в канал 120 м³/ч воды.", quantity(120, "м³/ч")),
    ("150 мм рт. ст.", "", "У пациента давление поднялось до 150 мм рт. ст. к вечеру.", quantity(150, "мм рт. ст.")),
]


@pytest.mark.parametrize("case", UNITS_OF_MEASUREMENT, ids=[case[0] for case in UNITS_OF_MEASUREMENT])
def test_metres_millimetres_of_mercury_and_cubic_metres_per_unit(case: Case) -> None:
    _check(case)


def test_millions_written_m_stay_money() -> None:
    value = suggest("€7m", published=PUBLISHED, context="The fund lent €7m to the dairy.").value
    assert (value.kind.value, value.amount, value.unit) == ("money", 7e6, "EUR")
    value = suggest("USD 4.5m", published=PUBLISHED, context="The bank lent USD 4.5m to the mill.").value
    assert (value.kind.value, value.amount, value.unit) == ("money", 4.5e6, "USD")


CALENDAR_DAYS = [
    # A calendar day, month or year is a day, month or year ("10 календарных дней" is recorded in days); a working
    # day is a measure of its own.
    ("within 15 calendar days of receipt", "", "The authority shall reply within 15 calendar days of receipt of the "
     "complaint.", quantity(None, "days", upper=15)),
    ("30 calendar days", "", "The tenant may leave after giving 30 calendar days' notice.", quantity(30, "days")),
    ("two calendar years", "", "The grant covers two calendar years of running costs.", quantity(2, "years")),
    ("6 calendar months", "", "The pilot lasts 6 calendar months from the first shipment.", quantity(6, "months")),
]
GUARDS_OF_CALENDAR_DAYS = [
    ("five working days", "", "Refunds are paid within five working days.", quantity(5, "working days")),
]


@pytest.mark.parametrize("case", CALENDAR_DAYS + GUARDS_OF_CALENDAR_DAYS,
                         ids=[case[0] for case in CALENDAR_DAYS + GUARDS_OF_CALENDAR_DAYS])
def test_calendar_days_are_days(case: Case) -> None:
    _check(case)


UNIT_AFTER_EACH_FIGURE = [
    # A range whose unit is written after both figures, as registries and forms write it: the range in that unit.
    ("18 Years to 60 Years", "", "Ages Eligible for Study: 18 Years to 60 Years", quantity(None, "years", lower=18,
                                                                                           upper=60)),
    ("from 3 km to 8 km", "", "The new road will shorten the trip by from 3 km to 8 km, depending on the village.",
     quantity(None, "km", lower=3, upper=8)),
    ("between 4 kg and 6 kg", "", "Each parcel must weigh between 4 kg and 6 kg.", quantity(None, "kg", lower=4, upper=6)),
    ("от 2 тонн до 5 тонн", "", "Грузовики перевозят от 2 тонн до 5 тонн зерна за рейс.",
     quantity(None, "тонн", lower=2, upper=5)),
]
GUARDS_OF_UNIT_AFTER_EACH_FIGURE = [
    # Two measures in different units are no range of one.
    ("2 years to 5 months", "", "Sentences ranged from 2 years to 5 months.", quantity(2, "years")),
]


@pytest.mark.parametrize("case", UNIT_AFTER_EACH_FIGURE + GUARDS_OF_UNIT_AFTER_EACH_FIGURE,
                         ids=[case[0] for case in UNIT_AFTER_EACH_FIGURE + GUARDS_OF_UNIT_AFTER_EACH_FIGURE])
def test_a_range_with_its_unit_after_each_figure(case: Case) -> None:
    _check(case)


# (highlight, the text before the sentence before, the sentence before, its sentence, publication, the value)
DatelineCase = tuple[str, str, str, str, str, TypedValue]

CHRONICLE_DATELINES = [
    # A date alone as its sentence is a chronicle's dateline: it takes the year the chronicle's heading names (a year
    # written in the text wins over publication), and with no heading in reach it is in the past when the entries
    # before it report what happened.
    ("12 May", "Timeline 2024\n\nThe year opened with a new trade office in Almaty.",
     "Parliament ratified the partnership agreement.", "12 May.", "2025-03-10", date("2024-05-12")),
    ("2–3 апреля", "Хроника 2024 года\n\nГод начался с открытия нового торгового представительства.",
     "Министры обсудили транзит через Каспий.", "2–3 апреля.", "2025-02-15", span("2024-04-02", "2024-04-03")),
    ("15 апреля", "В Алматы открыт офис банка. Стороны договорились о графике.",
     "Министр подписал соглашение о займе на 200 млн евро.", "15 апреля.", "2026-02-20", date("2025-04-15")),
    ("2 April", "The ministers met in Astana. They agreed on a road map.",
     "The two sides signed the customs protocol.", "2 April.", "2026-03-01", date("2025-04-02")),
]
GUARDS_OF_CHRONICLE_DATELINES = [
    # A plan in the entry before says nothing of the dateline's year; a year written with the day wins.
    ("2 April", "The programme is now final.", "The delegation will visit the smelter.", "2 April.", "2026-03-01",
     date("2026-04-02")),
    ("6 марта 2024 года", "Хроника 2023 года", "Стороны утвердили план.", "6 марта 2024 года.", "2025-02-01",
     date("2024-03-06")),
]


@pytest.mark.parametrize("case", CHRONICLE_DATELINES + GUARDS_OF_CHRONICLE_DATELINES,
                         ids=[case[0] for case in CHRONICLE_DATELINES + GUARDS_OF_CHRONICLE_DATELINES])
def test_a_chronicle_dateline_takes_its_heading_year_or_the_past(case: DatelineCase) -> None:
    selection, earlier, before, context, published, expected = case
    same(suggest(selection, published=published, context=context, before=before, earlier=earlier).value, expected)


MEANS_OF_A_KIND = [
    # "Средство" alone is a means or funds; with its qualifier a kind of thing, a fixed term as "рабочих мест" is.
    ("230 лекарственных средств", "", "За год в реестр внесено 230 лекарственных средств для детей.",
     count(230, "лекарственных средств")),
    ("41", "", "За год зарегистрировано 230 лекарственных средств, из них 41 – отечественного производства.",
     count(41, "лекарственных средств")),
    ("1 200", "", "На пункте пропуска скопилось 1 200 транспортных средств.", count(1200, "транспортных средств")),
]


@pytest.mark.parametrize("case", MEANS_OF_A_KIND, ids=[case[0] for case in MEANS_OF_A_KIND])
def test_medicines_and_vehicles_keep_their_qualifier(case: Case) -> None:
    _check(case)


SQUARE_AND_CUBIC_METRES_IN_RUSSIAN = [
    # A square or cubic metre is another unit than a metre: Russian keeps both words as written, as English keeps
    # "square metres".
    ("около 40 квадратных метров", "", "Новая лаборатория заняла около 40 квадратных метров на втором этаже.",
     quantity(40, "квадратных метров", approximate=True)),
    ("тридцать кубических метров", "", "За сутки скважина дает тридцать кубических метров воды.",
     quantity(30, "кубических метров")),
    ("12 квадратных километров", "", "Заповедник расширили на 12 квадратных километров.",
     quantity(12, "квадратных километров")),
]


@pytest.mark.parametrize("case", SQUARE_AND_CUBIC_METRES_IN_RUSSIAN, ids=[c[0] for c in SQUARE_AND_CUBIC_METRES_IN_RUSSIAN])
def test_russian_square_and_cubic_metres_keep_both_words(case: Case) -> None:
    _check(case)


BOUNDS_ON_A_LEAD_TIME = [
    # "минимум за месяц до вылета": the bound is on the time "за" measures before the event, as in "минимум месяц".
    ("минимум за неделю", "", "Записаться на прием нужно минимум за неделю до поездки.", quantity(1, "неделю", lower=1)),
    ("как минимум за 10 дней", "", "Бронируйте билеты как минимум за 10 дней до начала форума.",
     quantity(10, "дней", lower=10)),
    ("максимум за два дня", "", "Курьер доставит документы максимум за два дня.", quantity(None, "дня", upper=2)),
]


@pytest.mark.parametrize("case", BOUNDS_ON_A_LEAD_TIME, ids=[c[0] for c in BOUNDS_ON_A_LEAD_TIME])
def test_a_bound_before_za_bounds_the_lead_time(case: Case) -> None:
    _check(case)


HYPHENATED_RATIOS = [
    # A ratio made one word before its noun ("a one-in-ten chance") is the share "one in ten" is.
    ("one-in-ten", "", "Forecasters give a one-in-ten chance of a late frost this spring.", percent(10, approximate=True)),
    ("a 1-in-20 risk", "", "The insurer prices a 1-in-20 risk of flooding at the depot.", percent(5, approximate=True)),
    ("two-in-three", "", "A two-in-three majority of shareholders backed the buy-back.",
     percent(200 / 3, approximate=True)),
]


@pytest.mark.parametrize("case", HYPHENATED_RATIOS, ids=[c[0] for c in HYPHENATED_RATIOS])
def test_a_hyphenated_ratio_is_a_share(case: Case) -> None:
    _check(case)


SCORES_OUT_OF_A_SCALE = [
    # A decimal "out of 10" is a score on a scale, its last digit no numerator of a ratio ("4 out of 10" is one).
    ("7.8 out of 10", "", "The city's liveability rating rose to 7.8 out of 10 this year.", quantity(7.8, None)),
    ("5.5 out of 10", "", "Passengers scored the ferry's punctuality at 5.5 out of 10.", quantity(5.5, None)),
    ("3,5 out of 5", "", "Reviewers gave the new terminal 3,5 out of 5 for comfort.", quantity(3.5, None)),
]
GUARDS_OF_SCORES = [
    ("6 out of 10", "", "Some 6 out of 10 exporters expect higher costs.", percent(60, approximate=True)),
]


@pytest.mark.parametrize("case", SCORES_OUT_OF_A_SCALE + GUARDS_OF_SCORES,
                         ids=[c[0] for c in SCORES_OUT_OF_A_SCALE + GUARDS_OF_SCORES])
def test_a_decimal_out_of_a_scale_is_a_score(case: Case) -> None:
    _check(case)


STUDY_CREDITS = [
    # European credits measure a course's workload, as academic hours do: a quantity in ECTS, not a count.
    ("30 ECTS", "", "The exchange semester carries 30 ECTS at the partner university.", quantity(30, "ECTS")),
    ("6 ECTS", "", "Курс «Водные ресурсы Центральной Азии» объемом 6 ECTS читается на английском.", quantity(6, "ECTS")),
]


@pytest.mark.parametrize("case", STUDY_CREDITS, ids=[c[0] for c in STUDY_CREDITS])
def test_ects_credits_are_a_measure(case: Case) -> None:
    _check(case)


THE_SAME_YEAR = [
    # "того же года", "of the same year": the year written last before the highlight, in its sentence or the one before.
    ("в июне того же года", "", "Первый энергоблок пущен в марте 2019 года, второй – в июне того же года.",
     date("2019-06")),
    ("осенью того же года", "", "Закон принят в 2021 году, а осенью того же года вступил в силу.",
     span("2021-09", "2021-11")),
    ("June of the same year", "", "The plant opened in March 2018 and its second line in June of the same year.",
     date("2018-06")),
    ("the same year", "The agency was set up in 2012.", "Its first satellite flew the same year.", date("2012")),
]


@pytest.mark.parametrize("case", THE_SAME_YEAR, ids=[c[0] for c in THE_SAME_YEAR])
def test_the_same_year_is_the_year_named_before(case: Case) -> None:
    _check(case)


A_SPAN_LEFT_OUT_AFTER_FOR = [
    # "for" and a bare figure closing its clause after a span of time: more of that span, its unit left out.
    ("three", "", "She chaired the board for two years and he for three.", quantity(3, "years")),
    ("eight", "", "The old boilers ran for six months a year; the new ones will run for eight.", quantity(8, "months")),
]
GUARDS_OF_A_SPAN_LEFT_OUT = [
    # Without "for" the figure is no more of the span: "admits 25" are people, whatever a curator counts them as.
    ("25", "", "The course lasts 3 months and admits 25.", quantity(25, None)),
]


@pytest.mark.parametrize("case", A_SPAN_LEFT_OUT_AFTER_FOR + GUARDS_OF_A_SPAN_LEFT_OUT,
                         ids=[c[0] for c in A_SPAN_LEFT_OUT_AFTER_FOR + GUARDS_OF_A_SPAN_LEFT_OUT])
def test_for_and_a_bare_figure_after_a_span_of_time(case: Case) -> None:
    _check(case)


PARTS_OF_A_SPAN_OF_SEASONS = [
    # A part of a whole counts the whole's noun, a span of time's too, and the whole may be "the last" or "the past"
    # so many: "two of the last five summits" counts summits, "four of the past six years" years.
    ("four of the past six years", "", "Exports fell in four of the past six years.", count(4, "years")),
    ("two of the last five summits", "", "The president skipped two of the last five summits.", count(2, "summits")),
    ("3 of 12 months", "", "The reservoir was below its minimum level in 3 of 12 months.", count(3, "months")),
]
GUARDS_OF_PARTS_OF_A_SPAN = [
    # A part of a measure of matter stays a quantity.
    ("five of the 20 tonnes", "", "Only five of the 20 tonnes reached the buyer.", quantity(5, "tonnes")),
]


@pytest.mark.parametrize("case", PARTS_OF_A_SPAN_OF_SEASONS + GUARDS_OF_PARTS_OF_A_SPAN,
                         ids=[c[0] for c in PARTS_OF_A_SPAN_OF_SEASONS + GUARDS_OF_PARTS_OF_A_SPAN])
def test_a_part_of_the_last_so_many_years_counts_them(case: Case) -> None:
    _check(case)


MONTHS_TO_A_MONTH = [
    # "the N months to <month year>": a period counted back from the month it ends with, that month included.
    ("the six months to September 2025", "", "Freight volumes rose 9% in the six months to September 2025.",
     span("2025-04", "2025-09")),
    ("eighteen months ending June 2024", "", "Over the eighteen months ending June 2024 the port handled 2.1 Mt.",
     span("2023-01", "2024-06")),
]


@pytest.mark.parametrize("case", MONTHS_TO_A_MONTH, ids=[c[0] for c in MONTHS_TO_A_MONTH])
def test_so_many_months_to_a_month_is_a_period(case: Case) -> None:
    _check(case)
