"""The English classes of misses sets 52 and 53 showed at their first score, each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence (and the sentence before it, where that names what
it needs)."""

from __future__ import annotations

import pytest
from test_value_words import InContext, count, quantity, same_in_context

PUBLISHED = "2026-05-14"  # a Thursday

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


DEADWEIGHT_TONNES = [
    # A ship's size in deadweight tonnes is a measure, as tonnes are: no count of "dwt" things, and the unit is "dwt"
    # whatever noun follows.
    ("8,000 dwt", "", "An 8,000 dwt barge can now carry only 5,000 tonnes of grain.", quantity(8000, "dwt")),
    ("45,000 dwt", "", "The new berth takes bulk carriers of 45,000 dwt and more.", quantity(45000, "dwt")),
    # A guard: tonnes stay tonnes.
    ("5,000 tonnes", "", "An 8,000 dwt barge can now carry only 5,000 tonnes of grain.", quantity(5000, "tonnes")),
]


@pytest.mark.parametrize("case", DEADWEIGHT_TONNES, ids=[case[0] for case in DEADWEIGHT_TONNES])
def test_deadweight_tonnes_are_a_measure(case: Case) -> None:
    _check(case)


WITHIN_A_DISTANCE_OF_A_PLACE = [
    # "within N km of" a place is at most that far, as "within 30 days of" an event is at most that long.
    ("within 5 km", "", "Some 40,000 people live within 5 km of the border crossing.", quantity(None, "km", upper=5)),
    ("within 300 metres", "", "No new well may be drilled within 300 metres of the river bank.",
     quantity(None, "metres", upper=300)),
    ("within 20 miles", "", "Three airports lie within 20 miles of the city centre.", quantity(None, "miles", upper=20)),
    # Guards: a distance alone, or "within" with no place after it, is the distance itself.
    ("12 km", "", "The new bypass is 12 km long and opens in June.", quantity(12, "km")),
    ("about 40 km", "", "The lake lies about 40 km from the town.", quantity(40, "km", approximate=True)),
    ("within 2 km", "", "Search teams combed the forest within 2 km, without result.", quantity(2, "km")),
]


@pytest.mark.parametrize("case", WITHIN_A_DISTANCE_OF_A_PLACE, ids=[case[0] for case in WITHIN_A_DISTANCE_OF_A_PLACE])
def test_within_a_distance_of_a_place_is_a_ceiling(case: Case) -> None:
    _check(case)


# The Candidates pane: a clock time is when in a day (opening hours, a timetable), never a figure of a fact. Read as
# numbers, its hours became counts of the sentence's subject and, beside a weekday, outranked every amount of money on
# a page with no publication date.
OPENING_HOURS = (
    "Библиотека открыта с понедельника по пятницу с 9:00 до 18:00, по четвергам – до 20:00. "
    "Годовой абонемент стоит 4 500 тенге.\n"
    "The pool is open from Monday to Saturday, 7:30 to 22:00. A ten-visit pass costs 12,000 tenge.\n"
)


def test_clock_times_are_no_candidates_and_rank_below_nothing():
    from kzeu_desk.core.value_candidates import find_values

    found = sorted(find_values(OPENING_HOURS, None), key=lambda f: (-f.score, f.start))
    listed = [OPENING_HOURS[f.start:f.end] for f in found]
    assert not [text for text in listed if any(digit in text for digit in "0123456789") and "тенге" not in text
                and "tenge" not in text], listed
    numeric = [f for f in found if f.value.kind.is_numeric]
    assert [OPENING_HOURS[f.start:f.end] for f in numeric[:2]] == ["4 500 тенге", "12,000 tenge"]


def test_a_map_scale_and_a_ratio_are_not_clock_times():
    from kzeu_desk.core.value_candidates import find_values

    body = "The survey map is drawn at 1:50 000. Output rose to 14,000 tonnes in 2025.\n"
    listed = [body[f.start:f.end] for f in find_values(body, "2026-03-02")]
    assert "50 000" in listed and "14,000 tonnes" in listed, listed


# The Candidates pane: an English day and month followed by a comma and a figure of the sentence is that day (only a
# year may follow the comma as the date's own): "on 8 April, 1.2 m above", "as of 9 April, two people".
DAY_AND_MONTH_BEFORE_A_COMMA_AND_A_FIGURE = [
    ("The reservoir held 41.5 million m³ on 3 March, 6.2 million m³ more than a year earlier.\n", "3 March",
     "2026-03-03"),
    ("As of 12 February, three schools remain closed after the storm.\n", "12 February", "2026-02-12"),
    ("Wheat traded at US$212 a tonne on 27 January, 4% below its December level.\n", "27 January", "2026-01-27"),
]


@pytest.mark.parametrize("case", DAY_AND_MONTH_BEFORE_A_COMMA_AND_A_FIGURE,
                         ids=[case[1] for case in DAY_AND_MONTH_BEFORE_A_COMMA_AND_A_FIGURE])
def test_a_day_and_month_before_a_comma_and_a_figure_is_listed_as_that_day(case: tuple[str, str, str]) -> None:
    from kzeu_desk.core.value_candidates import find_values

    body, written, iso = case
    dates = {body[f.start:f.end]: f.value.date for f in find_values(body, "2026-03-20") if f.value.kind.is_temporal}
    assert dates.get(written) == iso, dates


def test_a_day_and_month_with_its_year_after_the_comma_is_still_one_date():
    from kzeu_desk.core.value_candidates import find_values

    body = "The contract was signed on 14 August, 2025 in Almaty.\n"
    dates = {body[f.start:f.end]: f.value.date for f in find_values(body, "2026-03-20") if f.value.kind.is_temporal}
    assert dates == {"14 August, 2025": "2025-08-14"}, dates


ORDINALS_BEFORE_A_COMPOUND_NOUN = [
    # An ordinal highlighted alone before two nouns that make one numbers the compound ("the first policy brief"), as
    # a count keeps the nouns of its compound ("two policy briefs"): the second noun ends the phrase, before
    # punctuation, a preposition or a verb.
    ("third", "", "The third general assembly met in Riga on 4 June.", count(3, "general assembly")),
    ("first", "", "Our first research note, on water tariffs, will appear in July.", count(1, "research note")),
    ("second", "", "A second field campaign in the Torgay basin is planned for autumn.", count(2, "field campaign")),
    ("fourth", "", "The fourth expert panel was postponed.", count(4, "expert panel")),
    # Guards: a verb after the noun is no part of it ("goes", "left", "quickly" an adverb), nor a preposition.
    ("second", "", "The second tranche goes to the northern regions.", count(2, "tranche")),
    ("first", "", "The first shipment left Aktau on Monday.", count(1, "shipment")),
    ("third", "", "The third round was held in Astana.", count(3, "round")),
    ("first", "", "The first plant quickly reached full capacity.", count(1, "plant")),
    ("third", "", "The third edition of the festival drew 20,000 visitors.", count(3, "edition")),
]


@pytest.mark.parametrize("case", ORDINALS_BEFORE_A_COMPOUND_NOUN,
                         ids=[f"{case[0]} {case[3].unit}" for case in ORDINALS_BEFORE_A_COMPOUND_NOUN])
def test_an_ordinal_before_a_compound_noun_numbers_the_compound(case: Case) -> None:
    _check(case)


PARTICIPATING_STATES = [
    # The OSCE's and the EU Civil Protection Mechanism's "Participating States" is a title, as "Member States" is: the
    # count keeps it. In lower case "participating" describes, and the count is of countries.
    ("four", "", "Since Monday, four Participating States have sent firefighting planes to Greece.",
     count(4, "Participating States")),
    ("Two", "", "Two Participating States abstained in the vote on the mandate.", count(2, "Participating States")),
    ("nine", "", "Teams from nine participating countries took part in the exercise.", count(9, "countries")),
]


@pytest.mark.parametrize("case", PARTICIPATING_STATES, ids=[case[0] for case in PARTICIPATING_STATES])
def test_participating_states_is_a_title(case: Case) -> None:
    _check(case)


DEGREES_AND_MULTI_WORDS_BEFORE_THE_NOUN = [
    # An academic degree written as an abbreviation makes a compound with the noun ("PhD students" are a kind of
    # student), also for a part of them counted in the whole's noun; a word made with "multi-" describes the head.
    ("24", "", "The institute has trained 24 PhD students since 2015.", count(24, "PhD students")),
    ("nine", "", "The faculty trained 40 PhD students, nine of whom now teach abroad.", count(9, "PhD students")),
    ("two", "", "The business school launched two MBA programmes in Almaty.", count(2, "MBA programmes")),
    ("four", "", "The consortium runs four multicountry studies of drug resistance.", count(4, "studies")),
    ("Five", "", "Five multi-year contracts were signed with the operators.", count(5, "contracts")),
    # Guards: a name before the noun stays dropped, as before.
    ("six", "", "The fund backed six Kazakh start-ups last year.", count(6, "start-ups")),
]


@pytest.mark.parametrize("case", DEGREES_AND_MULTI_WORDS_BEFORE_THE_NOUN,
                         ids=[case[0] + " " + str(case[3].unit) for case in DEGREES_AND_MULTI_WORDS_BEFORE_THE_NOUN])
def test_degrees_make_a_compound_and_multi_words_describe(case: Case) -> None:
    _check(case)


# "plus" before what it adds (a charge, an article, a figure) is no lower bound: the pane lists the amount alone.
PLUS_BEFORE_WHAT_IT_ADDS = [
    ("The court ordered the carrier to pay €84,300 plus interest from the date of loss.\n", "€84,300"),
    ("A double room costs KZT 38,000 plus VAT in the high season.\n", "KZT 38,000"),
    ("Entry is €12 plus a €3 booking fee.\n", "€12"),
]


@pytest.mark.parametrize("case", PLUS_BEFORE_WHAT_IT_ADDS, ids=[case[1] for case in PLUS_BEFORE_WHAT_IT_ADDS])
def test_plus_before_what_it_adds_bounds_nothing(case: tuple[str, str]) -> None:
    from kzeu_desk.core.value_candidates import find_values

    body, written = case
    listed = {body[f.start:f.end]: f.value for f in find_values(body, "2026-03-20")}
    assert written in listed and listed[written].lower is None, listed


def test_plus_after_an_amount_at_the_end_is_still_a_floor():
    from kzeu_desk.core.value_candidates import find_values

    body = "Each of the three villas is valued at US$2 million plus.\n"
    money = [f.value for f in find_values(body, "2026-03-20") if f.value.kind.value == "money"]
    assert money and money[0].lower == 2e6, money
