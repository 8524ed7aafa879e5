"""The classes of the English misses of sets 58 and 59 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, money, percent, quantity, same, span

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
EARLIER_IN_A_SERIES = [
    # "earlier", "prior", "preceding" say which of the things, as "previous" does; the noun after them is counted.
    ("11", "Of her 11 earlier novels, three were set in Ireland.", count(11, "novels")),
    ("six", "The museum has staged six prior exhibitions of his work.", count(6, "exhibitions")),
    ("two", "Turnout fell below the two preceding elections.", count(2, "elections")),
    # Guard: a plain plural after the figure is counted as before.
    ("14", "The orchestra gave 14 concerts in Vienna.", count(14, "concerts")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), EARLIER_IN_A_SERIES,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(EARLIER_IN_A_SERIES)])
def test_earlier_prior_and_preceding_are_not_counted(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


LATIN_PLURALS = [
    # Latin plurals in "-a" and "-i" carry no "-s" and are still what the figure counts.
    ("three", "Only three consortia applied for the licence.", count(3, "consortia")),
    ("two", "The island held two referenda on independence.", count(2, "referenda")),
    ("four", "The lab isolated four fungi from the samples.", count(4, "fungi")),
    # Guard: a regular plural after them stays as it was.
    ("five", "The inspectors visited five farms last week.", count(5, "farms")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), LATIN_PLURALS,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(LATIN_PLURALS)])
def test_latin_plurals_are_counted_nouns(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


LIMITS_BEFORE_AN_EVENT = [
    # Counted back from an event, "no later than" is a lower bound and "no earlier than" a ceiling.
    ("no later than 30 days before the course", "Applications must arrive no later than 30 days before the course starts.",
     quantity(30, "days", lower=30)),
    ("not later than two weeks prior to the hearing", "Submissions are due not later than two weeks prior to the hearing.",
     quantity(2, "weeks", lower=2)),
    ("no earlier than 10 days before the vote", "Ballots are sent no earlier than 10 days before the vote.",
     quantity(None, "days", upper=10)),
    # Guard: counted forward from an event, "no later than" stays a ceiling.
    ("no later than 30 days", "Pay no later than 30 days after delivery.", quantity(None, "days", upper=30)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), LIMITS_BEFORE_AN_EVENT,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(LIMITS_BEFORE_AN_EVENT)])
def test_a_limit_counted_back_from_an_event_turns_round(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


PRICES_FROM = [
    # A brochure's or a price list's "From" opening its sentence is the lowest price, as "prices from" is.
    ("From $1,299", "From $1,299 per person, flights included.", money(1299, "USD", lower=1299)),
    ("From £85", "Spa weekend. From £85 a night, breakfast included.", money(85, "GBP", lower=85)),
    # Guard: an opening "From" before a figure that is no price is the start of a change, not a bound.
    ("From 30", "From 30 staff in 2019 the firm grew to 200.", count(30, "staff")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), PRICES_FROM,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(PRICES_FROM)])
def test_a_price_from_opening_its_sentence_is_a_lower_bound(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


PLANNED_FOR_A_DAY = [
    # "planned for", "slated for" with their "is" left out announce, as "is planned for" does: a day or month without a
    # year lies ahead (a September article).
    ("1 January", "The main risk is the rise in fees planned for 1 January.", date("2027-01-01")),
    ("March", "The new terminal, planned for March, will double capacity.", date("2027-03")),
    ("February", "Insurers fear a vote slated for February.", date("2027-02")),
    # Guards: a plan reported as past says both tenses ("was scheduled for"), and a past verb alone reports.
    ("March", "The merger approved in March cut costs.", date("2026-03")),
    ("March", "The vote was scheduled for March but never took place.", date("2026-03")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), PLANNED_FOR_A_DAY,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(PLANNED_FOR_A_DAY)])
def test_a_reduced_passive_of_a_plan_announces(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-09-22", context=context).value, expected)


THE_SAME_PERIOD_OF_A_YEAR = [
    # "the same period of 2025" is the period its sentence names before it, moved to that year.
    ("the same period of 2025", "Exports rose 12% in the first half, against the same period of 2025.", "2026-08-10",
     span("2025-01", "2025-06")),
    ("the same months of 2024", "For March–May, rail freight was 6% below the same months of 2024.", "2025-06-20",
     span("2024-03", "2024-05")),
    # Guard: with no period named before it, the year alone, as before.
    ("the same period of 2025", "Sales were up on the same period of 2025.", "2026-08-10", date("2025")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), THE_SAME_PERIOD_OF_A_YEAR,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(THE_SAME_PERIOD_OF_A_YEAR)])
def test_the_same_period_of_a_year_is_the_named_period_in_that_year(selection: str, context: str, published: str,
                                                                      expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


THAT_SEASON = [
    # "that summer" after a year written before it (in its sentence or the one before): that year's season.
    ("that summer", "The river flooded in 2019, and that summer the harvest failed.", span("2019-06", "2019-08")),
    ("that spring", "The company moved to Riga in 2021; that spring it hired 40 staff.", span("2021-03", "2021-05")),
    # Guards: "that winter" straddles two years, and with no year before it nothing is dated.
    ("that winter", "The plant closed in 2022 and reopened that winter.", TypedValue(kind=ValueKind.TEXT, text="that winter")),
    ("that autumn", "Prices rose sharply that autumn.", TypedValue(kind=ValueKind.TEXT, text="that autumn")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), THAT_SEASON,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(THAT_SEASON)])
def test_that_season_is_the_season_of_the_year_named_before(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


SIZE_IN_THINGS_HELD = [
    # A place's size in the things it holds, made an adjective with its number: a count of those things, plural.
    ("180-bed", "The town is building a 180-bed hospital.", count(180, "beds")),
    ("450-seat", "A 450-seat concert hall opened in May.", count(450, "seats")),
    ("15-member", "She chairs the 15-member board.", count(15, "members")),
    # Guards: a measure so made stays a quantity in its unit as written.
    ("six-week", "The plant needs a six-week overhaul.", quantity(6, "week")),
    ("10-year", "The bank granted a 10-year loan.", quantity(10, "year")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), SIZE_IN_THINGS_HELD,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(SIZE_IN_THINGS_HELD)])
def test_a_size_in_the_things_a_place_holds_is_a_count(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


MORE_THAN_ONE_THING_IN_N = [
    # "two tenders in three" is a share as "one train in seven" and "two in three" are: the things named between.
    ("three households in ten", "Surveyors found that three households in ten heat with coal.", percent(30, approximate=True)),
    ("2 patients in 5", "About 2 patients in 5 skip a dose.", percent(40, approximate=True)),
    # Guard: a whole of a plural noun after the figure is no share ("two offices in 12 regions").
    ("two offices in 12 regions", "The bank has two offices in 12 regions.", count(2, "offices")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), MORE_THAN_ONE_THING_IN_N,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(MORE_THAN_ONE_THING_IN_N)])
def test_more_than_one_thing_in_n_is_a_share(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


AN_EARLIER_LEVEL_AND_WHO_GAVE_IT = [
    # "down from the 7.5% they forecast in June": the level a forecast is measured from was given before, whatever the
    # tense of the forecast (an October article).
    ("June", "Analysts expect inflation to ease to 6% next year, down from the 7.5% they forecast in June.",
     date("2026-06")),
    ("July", "We expect rents to rise 5% in 2027, up from the 4% we forecast in July.", date("2026-07")),
    # Guard: a month the forecast itself is for still lies ahead.
    ("December", "We expect the bank to cut rates to 9% in December.", date("2026-12")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), AN_EARLIER_LEVEL_AND_WHO_GAVE_IT,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(AN_EARLIER_LEVEL_AND_WHO_GAVE_IT)])
def test_an_earlier_level_with_who_gave_it_is_dated_before(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-10-14", context=context).value, expected)
