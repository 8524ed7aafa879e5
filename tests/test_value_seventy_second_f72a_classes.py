"""The classes of the English misses of sets 72 and 73, each tested on other sentences than the sets': what Ctrl+N
suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, money, quantity, same

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing import suggest

Case = tuple[str, str, str, TypedValue]


def _ids(cases: list[Case]) -> list[str]:
    return [case[0] + "-" + str(i) for i, case in enumerate(cases)]


def _check(selection: str, context: str, published: str, expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


ENGINEERING_UNITS = [
    # Pressure in bar (a tyre, a pipeline, a diving cylinder): a measure written after the figure, as "МПа" is.
    ("2.4 bar", "Inflate the front tyres to 2.4 bar before a long trip.", "2026-03-01", quantity(2.4, "bar")),
    ("about 300 bar", "A full diving cylinder holds air at about 300 bar.", "2026-03-01",
     quantity(300, "bar", approximate=True)),
    # A plant's capacity in tonnes a year written with a slash: one unit, as "t/h" and "т/год" are.
    ("250,000 t/yr", "The new pulp mill is designed for 250,000 t/yr of bleached fibre.", "2026-03-01",
     quantity(250000, "t/yr")),
    ("3 million t/y", "Investors back a 3 million t/y fertiliser plant near the port.", "2026-03-01",
     quantity(3e6, "t/y")),
    # A building's energy use in kilowatt-hours a square metre: one unit, not kilowatt-hours.
    ("below 60 kWh/m²", "Passive offices must stay below 60 kWh/m² a year.", "2026-03-01",
     quantity(None, "kWh/m²", upper=60)),
    ("120 kWh/m2", "The old library used 120 kWh/m2 for heating alone.", "2026-03-01", quantity(120, "kWh/m2")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), ENGINEERING_UNITS,
                         ids=_ids(ENGINEERING_UNITS))
def test_bar_and_rates_a_year_or_a_square_metre_are_units(selection: str, context: str, published: str,
                                                         expected: TypedValue) -> None:
    _check(selection, context, published, expected)


def test_a_bar_before_a_noun_is_no_pressure() -> None:
    # "bar" before a noun is a bar's staff or a chart, not pressure: the unit is only read where the noun ends.
    value = suggest("about 40", published="2026-03-01",
                    context="The strike closed the pubs and about 40 bar staff were sent home.").value
    assert value.unit != "bar"


NORDIC_CODES = [
    # The Norwegian krone's and the Icelandic króna's ISO codes before a figure are money, as "SEK" and "DKK" are.
    ("NOK 4.2 billion", "The wealth fund paid NOK 4.2 billion to the state budget.", "2026-03-01",
     money(4.2e9, "NOK")),
    ("NOK 850 million", "A ferry contract worth NOK 850 million went to a yard in Bergen.", "2026-03-01",
     money(850e6, "NOK")),
    ("12 million NOK", "The club's budget is 12 million NOK this season.", "2026-03-01", money(12e6, "NOK")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), NORDIC_CODES, ids=_ids(NORDIC_CODES))
def test_the_norwegian_code_is_money(selection: str, context: str, published: str, expected: TypedValue) -> None:
    _check(selection, context, published, expected)


TENS_FOLD = [
    # "-fold" on a tens word is a multiplier as "twentyfold" is: "fortyfold", "sixty times".
    ("fortyfold", "Demand for the vaccine rose fortyfold in a month.", "2026-03-01", quantity(40, "×")),
    ("more than thirtyfold", "Exports of the berries grew more than thirtyfold since 2015.", "2026-03-01",
     quantity(30, "×", lower=30)),
    ("sixty times", "The new chip is sixty times faster than the old one.", "2026-03-01", quantity(60, "×")),
    ("six times", "The new chip is six times faster than the old one.", "2026-03-01", quantity(6, "×")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), TENS_FOLD, ids=_ids(TENS_FOLD))
def test_a_tens_word_before_fold_or_times_is_a_multiplier(selection: str, context: str, published: str,
                                                          expected: TypedValue) -> None:
    _check(selection, context, published, expected)


PLANS_IN_THE_PAST = [
    # A plan or an intention told in the past ("planned to", "intended to", "aimed to") looks ahead: its infinitive is
    # what is to come, and a month or a quarter without a year after it is the next one, not the one before.
    ("the third quarter", "Two of the airlines said they planned to add flights to Tbilisi in the third quarter.",
     "2026-05-20", TypedValue(kind=ValueKind.DATE_RANGE, date="2026-07", date_end="2026-09")),
    ("March", "The ministry intended to open the tender in March, officials said.", "2026-01-15",
     TypedValue(kind=ValueKind.DATE, date="2026-03")),
    ("December", "Organisers aimed to finish the stadium roof by December.", "2026-10-02",
     TypedValue(kind=ValueKind.DATE, date="2026-12")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), PLANS_IN_THE_PAST,
                         ids=_ids(PLANS_IN_THE_PAST))
def test_a_plan_told_in_the_past_looks_ahead(selection: str, context: str, published: str,
                                             expected: TypedValue) -> None:
    _check(selection, context, published, expected)


def test_a_past_verb_with_no_plan_still_reports() -> None:
    # "launched flights in the third quarter" in a May article reports the quarter before.
    value = suggest("the third quarter", published="2026-05-20",
                    context="Two of the airlines launched flights to Tbilisi in the third quarter.").value
    assert (value.date, value.date_end) == ("2025-07", "2025-09")


def _listed(text: str, published: str) -> list[tuple[str, TypedValue]]:
    from kzeu_desk.core.value_candidates import find_values

    return [(text[found.start:found.end], found.value) for found in find_values(text, published)]


def test_a_change_in_money_restated_as_a_percentage_after_or_is_two_figures() -> None:
    # "down $1.20 or 2.1%": the change in money, then the same change as a share; the pane lists both, not a range
    # of dollars from 1.20 to 2.1.
    text = "Brent closed at $56.10 a barrel on Friday, down $1.20 or 2.1% on the week."
    listed = _listed(text, "2026-03-06")
    money_listed = [value for span, value in listed if span.startswith("$1.20")]
    assert money_listed and money_listed[0].kind is ValueKind.MONEY and money_listed[0].amount == 1.2
    assert any(value.kind is ValueKind.PERCENT and value.amount == 2.1 for _, value in listed)


def test_two_sums_joined_by_or_are_still_a_range() -> None:
    # "$5 or $6" of a ticket's price is a range of money, as before.
    value = suggest("$5 or $6", published="2026-03-06", context="A ticket costs $5 or $6 at the door.").value
    assert (value.kind, value.lower, value.upper) == (ValueKind.MONEY, 5, 6)


def test_two_days_of_different_months_joined_by_and_are_two_dates() -> None:
    # "on 4 May and 18 June 2025": two days on which something happened, not the stretch between them; the pane lists
    # each day. "between 4 May and 18 June 2025" is still the stretch.
    text = "The board met on 4 May and 18 June 2025 to review the merger."
    listed = _listed(text, "2025-09-01")
    assert ("4 May", "2025-05-04") in [(span, value.date) for span, value in listed]
    assert ("18 June 2025", "2025-06-18") in [(span, value.date) for span, value in listed]
    stretch = suggest("between 4 May and 18 June 2025", published="2025-09-01",
                      context="The exhibition ran between 4 May and 18 June 2025 in Almaty.").value
    assert (stretch.kind, stretch.date, stretch.date_end) == (ValueKind.DATE_RANGE, "2025-05-04", "2025-06-18")


MEMBERSHIP = [
    # A club's, a party's or a union's membership that rose, fell or stood at a figure is the number of its members.
    ("about 4,000", "The chess federation's membership grew to about 4,000, its highest ever.", "2026-03-01",
     count(4000, "members", approximate=True)),
    ("12,500", "Party membership stood at 12,500 in January.", "2026-03-01", count(12500, "members")),
    ("under 900", "The choir society's membership dropped from 1,400 to under 900 in a decade.", "2026-03-01",
     count(None, "members", upper=900)),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), MEMBERSHIP, ids=_ids(MEMBERSHIP))
def test_a_figure_of_a_membership_counts_members(selection: str, context: str, published: str,
                                                 expected: TypedValue) -> None:
    _check(selection, context, published, expected)


OCCASIONS_AFTER_A_VERB_OF_AN_EVENT = [
    # "N times" right after a verb of an event (met, visited, convened, voted) and closing its clause counts the
    # occasions, with no span of time after it to say so.
    ("four times", "The jury met four times, and each session lasted a day.", "2026-03-01", count(4, "times")),
    ("twelve times", "Inspectors visited the farm twelve times.", "2026-03-01", count(12, "times")),
    # Guards: a verb of change or a comparison keeps the multiplier.
    ("four times", "Rents rose four times, the agency said.", "2026-03-01", quantity(4, "×")),
    ("four times", "The hall is four times larger than the old one.", "2026-03-01", quantity(4, "×")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), OCCASIONS_AFTER_A_VERB_OF_AN_EVENT,
                         ids=_ids(OCCASIONS_AFTER_A_VERB_OF_AN_EVENT))
def test_times_after_a_verb_of_an_event_counts_occasions(selection: str, context: str, published: str,
                                                          expected: TypedValue) -> None:
    _check(selection, context, published, expected)
