"""The English classes of misses sets 54 and 55 showed at their first score, each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence (and the sentence before it, where that names what
it needs)."""

from __future__ import annotations

import pytest
from test_value_words import InContext, count, date, money, percent, quantity, same_in_context

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing import suggest

PUBLISHED = "2026-05-14"  # a Thursday

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


LATIN_TONNES_AND_SQUARE_METRES = [
    # Metric tonnes written "t" and square metres written "m²" or "m2" are units, as "km²" and "Mt" are: no count of
    # the sentence's noun and no unit-less quantity.
    ("1.2mn t", "", "Kazakhstan shipped 1.2mn t of wheat to Iran in the season, up from 0.9mn t.", quantity(1.2e6, "t")),
    ("45,000 t", "", "Each of the 12 bulk carriers holds 45,000 t and sails weekly.", quantity(45000, "t")),
    ("350 m²", "", "The clinic rents 350 m² on the ground floor of an office block.", quantity(350, "m²")),
    ("2.4 million m2", "", "Builders in the region delivered 2.4 million m2 of offices in 2025.",
     quantity(2.4e6, "m2")),
    # Guards: a "t" before a noun is no unit, and tonnes in words stay tonnes.
    ("7,500 tonnes", "", "The mill buys 7,500 tonnes of barley a month.", quantity(7500, "tonnes")),
    ("14", "", "About 14 trucks wait at the crossing each night.", count(14, "trucks")),
]


@pytest.mark.parametrize("case", LATIN_TONNES_AND_SQUARE_METRES, ids=[case[0] for case in LATIN_TONNES_AND_SQUARE_METRES])
def test_latin_tonnes_and_square_metres_are_units(case: Case) -> None:
    _check(case)


CENTS_AND_PC = [
    # The cent sign is a hundredth of a US dollar; "pc" glued to a figure is percent, as price agencies write both.
    ("15¢", "", "Urals narrowed by 15¢ against Brent on Friday, the smallest move in 11 sessions.", money(0.15, "USD")),
    ("2.5¢", "", "Gasoline futures fell 2.5¢ a gallon after the stock report.", money(0.025, "USD")),
    ("47pc", "", "Coal still generates 47pc of the country's power.", percent(47)),
    ("less than 5pc", "", "Imports cover less than 5pc of demand.", percent(None, upper=5)),
    # Guards: a dollar figure stays dollars, and "PC" in capitals is a personal computer, not percent.
    ("$2.10", "", "A bushel of corn fetched $2.10 more than a year earlier.", money(2.10, "USD")),
]


@pytest.mark.parametrize("case", CENTS_AND_PC, ids=[case[0] for case in CENTS_AND_PC])
def test_cents_and_pc_are_money_and_percent(case: Case) -> None:
    _check(case)


POINTS_OF_A_RATE = [
    # A point of a rate is a percentage point, as central banks and their watchers shorten it; "a full percentage
    # point" is one of them.
    ("half a point", "", "The regulator lifted its key rate by half a point to 9.75% on Tuesday.", quantity(0.5, "pp")),
    ("a full point", "", "Mortgage rates could drop a full point by the spring, brokers say.", quantity(1, "pp")),
    ("a full percentage point", "", "Unemployment rose by a full percentage point in two quarters.",
     quantity(1, "pp")),
    # Guard: half a point of a game or a table is no percentage point.
    ("half a point", "", "The champion leads the tournament by half a point after round six.", None),
]


@pytest.mark.parametrize("case", POINTS_OF_A_RATE, ids=[f"{case[0]}-{index}" for index, case in enumerate(POINTS_OF_A_RATE)])
def test_a_point_of_a_rate_is_a_percentage_point(case: Case) -> None:
    selection, _before, context, expected = case
    if expected is None:
        value = suggest(selection, published=PUBLISHED, context=context).value
        assert value.unit != "pp", value
        return
    _check(case)


TWICE_AND_TIMES = [
    # "twice those", "twice that of" compare, as "twice the" does; "N times" followed by a span it happened in counts
    # occasions, not a multiplier.
    ("nearly twice", "", "Rents in the capital are nearly twice those in the provinces.", quantity(2, "×", approximate=True)),
    ("more than twice", "", "The harvest was more than twice that of 2023.", quantity(2, "×", lower=2)),
    ("three times", "", "The minister has visited the plant three times this year.", count(3, "times")),
    ("six times", "", "The board has met six times so far, its chair said.", count(6, "times")),
    # Guards: a multiplier still compares.
    ("three times", "", "Output is now three times last year's level.", quantity(3, "×")),
    ("five times", "", "Tickets cost five times what they did in 2019.", quantity(5, "×")),
    ("three times", "", "Prices rose three times this year, the bureau said.", quantity(3, "×")),
]


@pytest.mark.parametrize("case", TWICE_AND_TIMES, ids=[f"{case[0]}-{index}" for index, case in enumerate(TWICE_AND_TIMES)])
def test_twice_compares_and_times_over_a_span_counts(case: Case) -> None:
    _check(case)


WITHIN_SECONDS_OR_MINUTES_OF_AN_EVENT = [
    # A response time counted from an event is at most that long, in seconds and minutes as in days.
    ("within 10 seconds", "", "The valve must close within 10 seconds of a pressure drop.",
     quantity(None, "seconds", upper=10)),
    ("within 20 minutes", "", "Rescue teams reach any shaft within 20 minutes of an alarm.",
     quantity(None, "minutes", upper=20)),
    # Guard: without the event it is the time itself.
    ("within 30 seconds", "", "The test finished within 30 seconds.", quantity(30, "seconds")),
]


@pytest.mark.parametrize("case", WITHIN_SECONDS_OR_MINUTES_OF_AN_EVENT,
                         ids=[case[0] for case in WITHIN_SECONDS_OR_MINUTES_OF_AN_EVENT])
def test_within_seconds_or_minutes_of_an_event_is_a_ceiling(case: Case) -> None:
    _check(case)


TOPS_A_FIGURE = [
    # "tops" before a figure is the verb "exceeds" in the present, as "topped" is in the past: a floor.
    ("tops 4%", "", "A surcharge applies whenever inflation tops 4% for two months.", percent(4, lower=4)),
    ("tops $90", "", "The windfall tax kicks in once Brent tops $90 a barrel.", money(90, "USD", lower=90)),
    # Guard: "top 10" ranks.
    ("top 10", "", "Kazakhstan is among the top 10 uranium producers.", count(10, "uranium producers")),
]


@pytest.mark.parametrize("case", TOPS_A_FIGURE, ids=[case[0] for case in TOPS_A_FIGURE])
def test_tops_a_figure_is_a_floor(case: Case) -> None:
    _check(case)


VOLTS = [
    # Volts and kilovolts written "V", "kV" after a figure are a measure, a range of them too.
    ("6-36 V", "", "Each beacon runs on a 6-36 V supply from the vehicle.", quantity(None, "V", lower=6, upper=36)),
    ("500 kV", "", "A new 500 kV line will link the north and south grids.", quantity(500, "kV")),
    ("230 V", "", "Chargers accept 230 V from any household socket.", quantity(230, "V")),
]


@pytest.mark.parametrize("case", VOLTS, ids=[case[0] for case in VOLTS])
def test_volts_are_a_measure(case: Case) -> None:
    _check(case)


RANGES_BELOW_ZERO = [
    # A range whose first end is below zero keeps its sign, with the unit written once or after both ends ("+" on the
    # second end says nothing).
    ("-30 °C to +35 °C", "", "The batteries are rated for -30 °C to +35 °C outdoors.",
     quantity(None, "°C", lower=-30, upper=35)),
    ("from -15 to 25 °C", "", "Night temperatures in March swing from -15 to 25 °C.",
     quantity(None, "°C", lower=-15, upper=25)),
    # Degrees written after both ends are one range, as "5 km to 7 km" is; a single figure below zero is as before.
    ("5 °C to 18 °C", "", "Cellars hold wine at 5 °C to 18 °C.", quantity(None, "°C", lower=5, upper=18)),
    ("-12 °C", "", "Astana woke up to -12 °C on Monday.", quantity(-12, "°C")),
]


@pytest.mark.parametrize("case", RANGES_BELOW_ZERO, ids=[case[0] for case in RANGES_BELOW_ZERO])
def test_a_range_below_zero_keeps_its_sign(case: Case) -> None:
    _check(case)


SCHEDULED_MONTHS = "2026-02-20"  # a Friday in February


A_SCHEDULE_BEFORE_A_DATE = [
    # A participle right before a date ("shipping 2-6 March") or a plan "for" a month is what is planned, whatever past
    # tense the sentence reports in: the date is placed by nearness to publication, as a date with no tense is.
    ("2-6 March", "", "Vessels shipping 2-6 March were quoted at a premium of $2/bl.",
     TypedValue(kind=ValueKind.DATE_RANGE, date="2026-03-02", date_end="2026-03-06")),
    ("March", "", "Refiners cut the maintenance schedule for March after margins recovered.", date("2026-03")),
    ("April", "", "Shippers received a larger export programme for April on Tuesday.", date("2026-04")),
    # Guards: the clause's past still dates a month with no schedule before it, and "during" is no participle.
    ("October", "", "Exports fell in October as the port closed.", date("2025-10")),
    ("November", "", "Prices slipped during November, traders said.", date("2025-11")),
]


@pytest.mark.parametrize("case", A_SCHEDULE_BEFORE_A_DATE, ids=[case[0] + str(index) for index, case in
                                                            enumerate(A_SCHEDULE_BEFORE_A_DATE)])
def test_a_schedule_before_a_date_places_it_by_nearness(case: Case) -> None:
    _check(case, SCHEDULED_MONTHS)
