"""English counts of one thing: "1 contract" and "one customs post" highlighted with their noun count it in the
singular, and a fixed term keeps its qualifier in the singular as in the plural ("one joint venture" as "two joint
ventures"). One of a measure stays a quantity, money stays money, and "1 of 27" and "one in five" keep their readings.
Sentences of our own, none from a labelled set."""

from __future__ import annotations

import pytest
from test_value_words import count, money, percent, quantity, same

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing import suggest

PUBLISHED = "2026-11-20"

# (highlight, its sentence, the curator's value)
Case = tuple[str, str, TypedValue]


def _check(case: Case) -> None:
    selection, context, expected = case
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


DIGIT_ONE_AND_A_SINGULAR_NOUN = [
    # After "1" English writes the singular: the noun is still what the figure counts.
    ("1 contract", "The ministry signed 1 contract with the Dutch dredging firm.", count(1, "contract")),
    ("1 loan", "So far the fund has disbursed 1 loan to a dairy cooperative.", count(1, "loan")),
    ("1 new terminal", "The port will open 1 new terminal in 2027.", count(1, "terminal")),
    ("1 Italian bank", "Only 1 Italian bank joined the syndicate.", count(1, "bank")),
    ("1 border crossing", "The agreement adds 1 border crossing on the northern border.", count(1, "border crossing")),
    ("1 free trade zone", "Kazakhstan runs 1 free trade zone near Khorgos.", count(1, "free trade zone")),
    ("1 special economic zone", "The region has 1 special economic zone so far.", count(1, "special economic zone")),
    ("1 working group", "The council set up 1 working group on logistics.", count(1, "working group")),
    ("1 legal entity", "The register lists 1 legal entity with Maltese capital.", count(1, "legal entity")),
]

WORD_ONE_AND_A_FIXED_TERM = [
    # "one" and a fixed term: the qualifier stays, as it does after "two" ("joint ventures", "polling stations").
    ("one joint venture", "The two carriers will form one joint venture for cargo flights.", count(1, "joint venture")),
    ("one new joint venture", "The partners announced one new joint venture in Atyrau.", count(1, "joint venture")),
    ("one polling station", "Voting was extended at one polling station in the capital.", count(1, "polling station")),
    ("one raw material", "The memorandum names one raw material the EU lacks entirely.", count(1, "raw material")),
    ("one working group", "The sides agreed on one working group for customs data.", count(1, "working group")),
    ("one legal entity", "Only one legal entity filed for the licence.", count(1, "legal entity")),
]

UNCHANGED = [
    # One of a measure stays a quantity in its unit; money, parts of a whole and rates keep their readings; plurals
    # after other figures keep their qualifiers.
    ("1 year", "The pilot scheme will run for 1 year.", quantity(1, "year")),
    ("1 tonne", "Each container holds 1 tonne of grain.", quantity(1, "tonne")),
    ("1 km", "The new bypass is 1 km long.", quantity(1, "km")),
    ("1 month", "Applicants have 1 month to appeal.", quantity(1, "month")),
    ("one day", "The forum lasted one day.", quantity(1, "day")),
    ("1 billion euros", "The bank pledged 1 billion euros to the corridor.", money(1e9, "EUR")),
    ("1 of 27 member states", "Just 1 of 27 member states voted against.", count(1, "member states")),
    ("one in five", "One in five exporters ships via the Caspian.", percent(20, approximate=True)),
    ("3 joint ventures", "The partners run 3 joint ventures in Aktobe.", count(3, "joint ventures")),
    ("four polling stations", "Voting was extended at four polling stations.", count(4, "polling stations")),
    ("one project", "The bank financed one project in the region.", count(1, "project")),
]


@pytest.mark.parametrize("case", DIGIT_ONE_AND_A_SINGULAR_NOUN, ids=[case[0] for case in DIGIT_ONE_AND_A_SINGULAR_NOUN])
def test_a_digit_one_counts_the_singular_noun_after_it(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", WORD_ONE_AND_A_FIXED_TERM, ids=[case[0] for case in WORD_ONE_AND_A_FIXED_TERM])
def test_one_in_words_keeps_a_fixed_terms_qualifier(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", UNCHANGED, ids=[case[0] for case in UNCHANGED])
def test_measures_money_and_parts_keep_their_readings(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("selection, context", [
    # A "1" before a verb or a preposition counts nothing: no word after it becomes a unit.
    ("1", "Phase 1 was completed in 2024."),
    ("1", "The EU ranks 1 among the country's trade partners."),
    ("1 ranked", "Kazakhstan came in at No. 1 ranked by volume."),
])
def test_a_one_before_no_noun_counts_nothing(selection: str, context: str) -> None:
    value = suggest(selection, published=PUBLISHED, context=context).value
    assert value.kind is not ValueKind.COUNT, value
