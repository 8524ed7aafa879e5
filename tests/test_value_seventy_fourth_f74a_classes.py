"""The classes of the English misses of sets 74 and 75, each tested on other sentences than the sets': what Ctrl+N
suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

Case = tuple[str, str, str, TypedValue]


def _ids(cases: list[Case]) -> list[str]:
    return [case[0] + "-" + str(i) for i, case in enumerate(cases)]


def _check(selection: str, context: str, published: str, expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


ONE_PERCENTAGE_POINT_UNDER_A_BOUND = [
    # "one percentage point" in words under a bound word is a bounded percentage point, as "almost 1 pp" is.
    ("almost one percentage point", "The new rule cut the jobless rate by almost one percentage point.", "2026-03-01",
     quantity(1, "pp", upper=1)),
    ("nearly one percentage point", "Exports grew nearly one percentage point faster than imports.", "2026-03-01",
     quantity(1, "pp", approximate=True)),
    ("more than one percentage point", "Turnout fell by more than one percentage point in the capital.", "2026-03-01",
     quantity(1, "pp", lower=1)),
    ("one percentage point", "Exports grew one percentage point faster than imports.", "2026-03-01",
     quantity(1, "pp")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), ONE_PERCENTAGE_POINT_UNDER_A_BOUND,
                         ids=_ids(ONE_PERCENTAGE_POINT_UNDER_A_BOUND))
def test_one_percentage_point_in_words_keeps_its_bound(selection: str, context: str, published: str,
                                                       expected: TypedValue) -> None:
    _check(selection, context, published, expected)


AGES = [
    # "aged over N years": "aged" makes the span an age, so "over" is "more than" though a figure comes before.
    ("over 70 years", "Three of the patients, aged over 70 years, were sent home.", "2026-03-01",
     quantity(70, "years", lower=70)),
    # People a market or a vote is made of, under or over a bare number, are of that age.
    ("under 30", "Three in four young consumers under 30 shop online weekly.", "2026-03-01",
     quantity(None, "years", upper=30)),
    ("over 60", "Turnout among voters over 60 reached 71%.", "2026-03-01", quantity(60, "years", lower=60)),
    ("over 65", "Residents over 65 ride the city buses for free.", "2026-03-01", quantity(65, "years", lower=65)),
    # A person's age in apposition to the name.
    ("52", "The owner is Marat, 52, who opened the bakery in 2010.", "2026-03-01", quantity(52, "years")),
    ("29", "Dana, 29, a baker from Taraz, took a second loan.", "2026-03-01", quantity(29, "years")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), AGES, ids=_ids(AGES))
def test_ages_of_people(selection: str, context: str, published: str, expected: TypedValue) -> None:
    _check(selection, context, published, expected)


def test_a_month_before_the_comma_is_no_name() -> None:
    # "In March, 40, …": a date before the comma, not a person: no age.
    value = suggest("40", published="2026-03-01", context="In March, 40, the highest count, came from Almaty.").value
    assert value.unit != "years"


def test_spread_over_years_stays_a_span() -> None:
    # Without "aged" the span after a clause's figure stays how long, not "more than".
    value = suggest("over 3 years", published="2026-03-01",
                    context="The city will install 40 stations over 3 years.").value
    assert value.lower is None


ANIMALS_WITHOUT_AN_S = [
    # Animals whose plural has no "-s" are counted as "cattle" is: a herd, a zoo's census, a hunting quota.
    ("12 bison", "Rangers counted 12 bison near the river.", "2026-03-01", count(12, "bison")),
    ("seven", "The reserve released seven bison and three elk.", "2026-03-01", count(7, "bison")),
    ("40 sheep", "The farmer lost 40 sheep in the storm.", "2026-03-01", count(40, "sheep")),
    ("20", "Wolves killed 20 deer last winter.", "2026-03-01", count(20, "deer")),
    # Before a plural the animal names its kind ("sheep farms"), as a singular noun would.
    ("12", "The region has 12 sheep farms and a dairy.", "2026-03-01", count(12, "sheep farms")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), ANIMALS_WITHOUT_AN_S,
                         ids=_ids(ANIMALS_WITHOUT_AN_S))
def test_animals_whose_plural_has_no_s_are_counted(selection: str, context: str, published: str,
                                                   expected: TypedValue) -> None:
    _check(selection, context, published, expected)


LETTER_AND_HYPHEN_PLURALS = [
    # A capital letter and a hyphen before a plural ("T-shirts", "U-turns") name one thing: the capital is the
    # letter's, not a proper name's.
    ("5,400 T-shirts", "The shop sold 5,400 T-shirts and 300 jackets.", "2026-03-01", count(5400, "T-shirts")),
    ("40", "Cameras caught 40 U-turns on the bridge in May.", "2026-03-01", count(40, "U-turns")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), LETTER_AND_HYPHEN_PLURALS,
                         ids=_ids(LETTER_AND_HYPHEN_PLURALS))
def test_a_letter_and_hyphen_before_a_plural_is_a_counted_noun(selection: str, context: str, published: str,
                                                                expected: TypedValue) -> None:
    _check(selection, context, published, expected)


def test_each_of_the_last_seasons_counts_seasons() -> None:
    # Seasons taken one by one ("in each of the past six seasons") are counted, as "three of the last ten seasons" is.
    same(suggest("six", published="2026-03-01", context="Attendance has grown in each of the past six seasons.").value,
         count(6, "seasons"))


def test_a_stretch_of_seasons_stays_a_measure() -> None:
    # A stretch of time without "each of" stays the measure, as set 42's test reads "run for four seasons".
    same(suggest("four seasons", published="2026-03-01",
                 context="The old tractor has worked four seasons without repair.").value, quantity(4, "seasons"))
    # Years taken one by one stay a measure: no set labels them a count.
    assert suggest("three", published="2026-03-01",
                   context="Profits fell in each of the last three years.").value.kind.value == "quantity"


FALSE_GOODS = [
    # Goods that are not what they claim are counted as the goods, their falseness dropped as "stolen" is.
    ("more than 5,000", "Police seized more than 5,000 counterfeit watches at the airport.", "2026-03-01",
     count(5000, "watches", lower=5000)),
    ("300", "Border guards found 300 fake passports in a van.", "2026-03-01", count(300, "passports")),
    ("1,200", "Inspectors destroyed 1,200 pirated discs last week.", "2026-03-01", count(1200, "discs")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), FALSE_GOODS, ids=_ids(FALSE_GOODS))
def test_counterfeit_and_fake_goods_count_the_goods(selection: str, context: str, published: str,
                                                    expected: TypedValue) -> None:
    _check(selection, context, published, expected)


def test_and_more_than_opens_the_next_figure() -> None:
    # "9 countries and more than 20,000 visitors": "and more" before "than" and a figure is that figure's bound, not
    # "9 countries and more" (the Candidates pane listed the first figure with a lower bound).
    from kzeu_desk.core.value_parsing.scanning import scan

    text = "The festival drew 48 bands from 9 countries and more than 20,000 visitors over four days."
    read = {text[c.start:c.end]: c.value for c in scan(text, None)}
    same(read["9 countries"], count(9, "countries"))
    same(read["more than 20,000 visitors"], count(20000, "visitors", lower=20000))
    text = "The court has 12 judges and over 40 clerks."
    read = {text[c.start:c.end]: c.value for c in scan(text, None)}
    same(read["12 judges"], count(12, "judges"))
    # "or older" with no figure after it still bounds.
    same(suggest("15 years or older", published="2026-03-01", context="Patients aged 15 years or older qualify.").value,
         quantity(15, "years", lower=15))
