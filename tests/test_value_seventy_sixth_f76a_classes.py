"""The classes of the English misses of sets 76 and 77, each tested on other sentences than the sets': what Ctrl+N
suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, money, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

Case = tuple[str, str, str, TypedValue]


def _ids(cases: list[Case]) -> list[str]:
    return [case[0] + "-" + str(i) for i, case in enumerate(cases)]


def _check(selection: str, context: str, published: str, expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


SPECIAL_DRAWING_RIGHTS = [
    # The IMF's Special Drawing Rights, in which air and sea conventions cap liability, are money (XDR).
    ("up to 4,694 Special Drawing Rights", "Compensation for a death on board is paid up to 4,694 Special Drawing Rights.",
     "2026-03-02", money(None, "XDR", upper=4694)),
    ("1,288 SDRs", "The cap on cargo claims rose to 1,288 SDRs per parcel under the revised schedule.", "2026-03-02",
     money(1288, "XDR")),
    ("22 Special Drawing Rights", "The carrier owes 22 Special Drawing Rights per kilogram of lost freight.", "2026-03-02",
     money(22, "XDR")),
]


@pytest.mark.parametrize("case", SPECIAL_DRAWING_RIGHTS, ids=_ids(SPECIAL_DRAWING_RIGHTS))
def test_special_drawing_rights_are_money_in_xdr(case: Case) -> None:
    _check(*case)


def test_sdr_in_small_letters_is_no_currency() -> None:
    assert suggest("14 sdr", published="2026-03-02", context="See row 14 sdr of the sheet.").value.unit != "XDR"


CRAFT_BEFORE_A_PLURAL = [
    # "aircraft" and the other craft have no "-s" plural; before a plural they name its kind, as "sheep farms" do.
    ("eight aircraft hangars", "The carrier leases eight aircraft hangars at the northern apron.", "2026-04-10",
     count(8, "aircraft hangars")),
    ("30 aircraft engineers", "The school trained 30 aircraft engineers last term.", "2026-04-10",
     count(30, "aircraft engineers")),
    ("three spacecraft engineers", "Three spacecraft engineers joined the mission team.", "2026-04-10",
     count(3, "spacecraft engineers")),
    # "stands" after them is the noun, not the verb: a verb would agree with the many craft as "stand".
    ("six new aircraft stands", "The regional airport opened six new aircraft stands in its cargo zone.", "2026-04-10",
     count(6, "aircraft stands")),
    # Alone, "aircraft" is still what is counted.
    ("14 aircraft", "The fleet has grown to 14 aircraft this spring.", "2026-04-10", count(14, "aircraft")),
]


@pytest.mark.parametrize("case", CRAFT_BEFORE_A_PLURAL, ids=_ids(CRAFT_BEFORE_A_PLURAL))
def test_craft_before_a_plural_name_its_kind(case: Case) -> None:
    _check(*case)


ABOUT_A_MEASURE = [
    # "about a week", "nearly a month": one of the measure under the approximating word, as "about two weeks" is.
    ("about a month", "The repairs to the ferry berth will take about a month.", "2026-02-11",
     quantity(1, "month", approximate=True)),
    ("roughly a year", "Her residency in Lyon lasted roughly a year.", "2026-02-11", quantity(1, "year", approximate=True)),
    ("nearly a week", "Customs held the container for nearly a week.", "2026-02-11", quantity(1, "week", approximate=True)),
    ("almost a year", "The strike at the mine went on for almost a year.", "2026-02-11", quantity(1, "year", upper=1)),
]


@pytest.mark.parametrize("case", ABOUT_A_MEASURE, ids=_ids(ABOUT_A_MEASURE))
def test_a_measure_under_an_approximating_word(case: Case) -> None:
    _check(*case)


def test_about_a_year_ago_stays_a_date() -> None:
    _check("about a year ago", "The firm opened its Astana office about a year ago.", "2026-02-11", date("2025"))


PUBLISHED_IN_A_MONTH = [
    # A document's participle "published"/"issued" right before the month dates its publishing, which is reported,
    # though the sentence announces what the document would or will do.
    ("March", "A consultation paper published in March would raise landing fees by a tenth.", "2026-06-20",
     date("2026-03")),
    ("April", "Guidance issued in April will require every clinic to keep paper records.", "2026-06-20", date("2026-04")),
    # "to be published" is still to come.
    ("September", "The final list, to be published in September, will name the winners.", "2026-06-20",
     date("2026-09")),
]


@pytest.mark.parametrize("case", PUBLISHED_IN_A_MONTH, ids=_ids(PUBLISHED_IN_A_MONTH))
def test_a_month_a_document_was_published_in_is_reported(case: Case) -> None:
    _check(*case)


AGE_BEFORE_A_PAST_VERB = [
    # Two digits between commas after a name, then a verb in the past: the person's age, as before "who" or "says".
    ("47", "Head chef Daniyar Seitkali, 47, worked in Lyon for a decade. The kitchen serves 300 covers a night.",
     "2026-05-05", quantity(47, "years")),
    ("38", "Conductor Aliya Nurlan, 38, began her career in Almaty. Her orchestra gives 60 concerts a year.",
     "2026-05-05", quantity(38, "years")),
]


@pytest.mark.parametrize("case", AGE_BEFORE_A_PAST_VERB, ids=_ids(AGE_BEFORE_A_PAST_VERB))
def test_an_age_in_apposition_before_a_past_verb(case: Case) -> None:
    _check(*case)


def test_a_figure_after_a_place_and_before_a_conjunction_is_no_age() -> None:
    value = suggest("12", published="2026-05-05", context="The bank opened branches in Almaty, 12, and Shymkent, 5.").value
    assert value.unit != "years"


BEDROOMS_MADE_AN_ADJECTIVE = [
    # A flat's size in its bedrooms, made an adjective with the number, is counted in the plural as "a 312-room
    # resort" is.
    ("three-bedroom", "A three-bedroom house in the suburbs now rents for $900 a month.", "2026-06-01",
     count(3, "bedrooms")),
    ("4-bedroom", "The developer sold every 4-bedroom villa within a week.", "2026-06-01", count(4, "bedrooms")),
]


@pytest.mark.parametrize("case", BEDROOMS_MADE_AN_ADJECTIVE, ids=_ids(BEDROOMS_MADE_AN_ADJECTIVE))
def test_bedrooms_made_an_adjective_are_counted(case: Case) -> None:
    _check(*case)
