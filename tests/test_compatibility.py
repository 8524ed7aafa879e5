"""Compatibility of stated values and overlap of scopes, including the sample corpus's conflicts."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date

import pytest

from kzeu_desk.core.compatibility import (
    DEFAULT_TOLERANCE,
    Interval,
    Scope,
    date_interval,
    numeric_interval,
    scopes_overlap,
    values_compatible,
)
from kzeu_desk.core.typed_value import TypedValue, ValueKind


def year(iso: str, *, approximate: bool = False) -> TypedValue:
    return TypedValue(ValueKind.DATE, date=iso, approximate=approximate)


def usd(
    amount: float | None = None,
    *,
    lower: float | None = None,
    upper: float | None = None,
    approximate: bool = False,
) -> TypedValue:
    return TypedValue(
        ValueKind.MONEY,
        amount=amount,
        lower=lower,
        upper=upper,
        approximate=approximate,
        unit="USD",
    )


def percent(amount: float, *, approximate: bool = False, unit: str | None = "%") -> TypedValue:
    return TypedValue(ValueKind.PERCENT, amount=amount, approximate=approximate, unit=unit)


def entity(entity_id: int) -> TypedValue:
    return TypedValue(ValueKind.ENTITY, entity_id=entity_id)


def text(words: str) -> TypedValue:
    return TypedValue(ValueKind.TEXT, text=words)


EXCEEDED_160_BN = usd(160e9, lower=160e9)
ALMOST_77_BN = usd(77e9, upper=77e9)

# (case id, a, b, expected compatible, expected comparable)
VERDICT_CASES: list[tuple[str, TypedValue, TypedValue, bool, bool]] = [
    # diplomatic relations established
    ("relations 1996 vs 1993", year("1996"), year("1993"), False, True),
    ("year contains its days", year("1993"), year("1993-02-02"), True, True),
    ("different months", year("1993-02"), year("1993-03"), False, True),
    ("month contains its days", year("1993-02"), year("1993-02-28"), True, True),
    # EPCA signed: "about 2005" spans 2004..2006, still far from 2016
    ("EPCA 2016 vs about 2005", year("2016"), year("2005", approximate=True), False, True),
    ("about 2015 reaches 2016", year("2016"), year("2015", approximate=True), True, True),
    ("about 2014 does not reach 2016", year("2016"), year("2014", approximate=True), False, True),
    # total EU investment
    ("more than 160bn vs almost 77bn", EXCEEDED_160_BN, ALMOST_77_BN, False, True),
    ("more than 160bn vs 200bn", EXCEEDED_160_BN, usd(200e9), True, True),
    ("more than 160bn vs 150bn", EXCEEDED_160_BN, usd(150e9), False, True),
    ("almost 77bn vs 75bn", ALMOST_77_BN, usd(75e9), True, True),
    ("almost 77bn is not 60bn", ALMOST_77_BN, usd(60e9), False, True),
    ("almost 77bn is not 78bn", ALMOST_77_BN, usd(78e9), False, True),
    ("up to 77bn allows 60bn", usd(upper=77e9), usd(60e9), True, True),
    ("between 70 and 80bn vs 75bn", usd(lower=70e9, upper=80e9), usd(75e9), True, True),
    ("between 70 and 80bn vs 85bn", usd(lower=70e9, upper=80e9), usd(85e9), False, True),
    # EU investment in 2022
    ("about 0.8bn vs more than 8bn", usd(0.8e9, approximate=True), usd(8e9, lower=8e9),
     False, True),
    # EU share of Kazakhstan's foreign trade: "one third" vs "about 30%"
    ("one third vs about 30%", percent(33.333, approximate=True), percent(30, approximate=True),
     True, True),
    ("exact 33% vs exact 30%", percent(33), percent(30), False, True),
    ("30% vs fraction 0.3", percent(30), percent(0.3, unit=None), True, True),
    ("30% vs fraction 0.3 with unit 1", percent(30), percent(0.3, unit="1"), True, True),
    ("30% vs fraction 0.33", percent(30), percent(0.33, unit=None), False, True),
    ("ratio quantity vs percent",
     TypedValue(ValueKind.QUANTITY, amount=0.5, unit="1"), percent(50), True, True),
    # exact amounts carry only their rounding
    ("28.7bn vs 28.7bn", usd(28.7e9), usd(28.7e9), True, True),
    ("28.7bn vs 29bn", usd(28.7e9), usd(29e9), False, True),
    ("28.7bn vs 28.74bn, within rounding", usd(28.7e9), usd(28.74e9), True, True),
    ("float noise is not a difference", percent(0.1 + 0.2, unit=None), percent(0.3, unit=None),
     True, True),
    # what cannot be compared never conflicts
    ("USD vs EUR", usd(10e9), TypedValue(ValueKind.MONEY, amount=20e9, unit="EUR"), True, False),
    ("currency codes ignore case", usd(10e9),
     TypedValue(ValueKind.MONEY, amount=10e9, unit="usd"), True, True),
    ("money without currency", usd(10e9), TypedValue(ValueKind.MONEY, amount=20e9), True, False),
    ("date vs money", year("1996"), usd(10e9), True, False),
    ("count vs percent", TypedValue(ValueKind.QUANTITY, amount=29), percent(29), True, False),
    ("different quantity units", TypedValue(ValueKind.QUANTITY, amount=5, unit="km"),
     TypedValue(ValueKind.QUANTITY, amount=9, unit="t"), True, False),
    ("same quantity unit", TypedValue(ValueKind.QUANTITY, amount=29),
     TypedValue(ValueKind.QUANTITY, amount=30), False, True),
    ("money with no amount", usd(), usd(10e9), True, False),
    ("reversed bounds", usd(lower=9e9, upper=8e9), usd(10e9), True, False),
    ("malformed date", year("96"), year("1996"), True, False),
    ("impossible month", year("1996-13"), year("1996"), True, False),
    # entities and texts
    ("same entity", entity(7), entity(7), True, True),
    ("different entities", entity(7), entity(8), False, True),
    ("text equal after normalising", text("Astana  Hub"), text(" astana hub"), True, True),
    ("differing texts are not judged", text("Astana"), text("Nur-Sultan"), True, False),
]


@pytest.mark.parametrize(
    ("a", "b", "compatible", "comparable"),
    [case[1:] for case in VERDICT_CASES],
    ids=[case[0] for case in VERDICT_CASES],
)
def test_verdict(a: TypedValue, b: TypedValue, compatible: bool, comparable: bool) -> None:
    verdict = values_compatible(a, b)
    assert (verdict.compatible, verdict.comparable) == (compatible, comparable), verdict.reason
    assert verdict.reason
    assert values_compatible(b, a).compatible == compatible  # order never matters


def test_incomparable_never_reports_a_conflict() -> None:
    for _, a, b, _, comparable in VERDICT_CASES:
        if not comparable:
            assert values_compatible(a, b).compatible


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        (year("1996"), year("1993"), "1996 and 1993 do not overlap"),
        (year("1993"), year("1993-02-02"), "1993 and 1993-02-02 overlap"),
        (year("2016"), year("2005", approximate=True), "2016 and about 2005 do not overlap"),
        (EXCEEDED_160_BN, ALMOST_77_BN, "more than US$160 billion cannot be almost US$77 billion"),
        (usd(0.8e9, approximate=True), usd(8e9, lower=8e9),
         "about US$800 million cannot be more than US$8 billion"),
        (percent(33, approximate=True), percent(30, approximate=True),
         "about 33% and about 30% overlap within the 10% tolerance"),
        (percent(30), percent(0.3, unit=None), "30% and 0.3 overlap"),
        (usd(28.7e9), usd(28.7e9), "both say US$28.7 billion"),
        (usd(10e9), TypedValue(ValueKind.MONEY, amount=20e9, unit="EUR"),
         "USD and EUR amounts cannot be compared without an exchange rate"),
        (year("1996"), usd(10e9), "date and money values cannot be compared"),
        (TypedValue(ValueKind.MONEY, amount=5e9, unit="KZT"),
         TypedValue(ValueKind.MONEY, amount=7e9, unit="KZT"),
         "KZT 5 billion cannot be KZT 7 billion"),
        (usd(lower=70e9, upper=80e9), usd(85e9),
         "US$70 billion to US$80 billion cannot be US$85 billion"),
    ],
)
def test_reason_wording(a: TypedValue, b: TypedValue, reason: str) -> None:
    assert values_compatible(a, b).reason == reason


def test_property_tolerance_replaces_the_default() -> None:
    about_33, about_30 = percent(33, approximate=True), percent(30, approximate=True)
    assert values_compatible(about_33, about_30).compatible
    strict = values_compatible(about_33, about_30, tolerance=0.02)
    assert not strict.compatible and strict.comparable


def test_negative_tolerance_is_rejected() -> None:
    with pytest.raises(ValueError):
        values_compatible(percent(30), percent(30), tolerance=-0.1)


# --- intervals ---------------------------------------------------------------------------------


# (case id, value, tolerance, expected low, expected high) on the shared scale
INTERVAL_CASES: list[tuple[str, TypedValue, float | None, float, float]] = [
    ("28.7 bn: ±0.05 bn", usd(28.7e9), None, 28.65e9, 28.75e9),
    ("29 bn read to three digits", usd(29e9), None, 28.95e9, 29.05e9),
    ("28.75 bn: ±0.005 bn", usd(28.75e9), None, 28.745e9, 28.755e9),
    ("about 30% as a fraction", percent(30, approximate=True), None, 0.27, 0.33),
    ("about 30% with 5%", percent(30, approximate=True), 0.05, 0.285, 0.315),
    ("exceeded 160 bn", EXCEEDED_160_BN, None, 159.5e9, math.inf),
    ("almost 77 bn", ALMOST_77_BN, None, 77e9 * (1 - DEFAULT_TOLERANCE), 77.05e9),
    ("up to 77 bn", usd(upper=77e9), None, -math.inf, 77.05e9),
    ("between bounds", usd(lower=70e9, upper=80e9), None, 69.95e9, 80.05e9),
    ("approximate negative", TypedValue(ValueKind.QUANTITY, amount=-10, approximate=True),
     None, -11, -9),
    ("zero", TypedValue(ValueKind.QUANTITY, amount=0), None, 0, 0),
]


@pytest.mark.parametrize(
    ("value", "tolerance", "expected_low", "expected_high"),
    [case[1:] for case in INTERVAL_CASES],
    ids=[case[0] for case in INTERVAL_CASES],
)
def test_numeric_interval(
    value: TypedValue, tolerance: float | None, expected_low: float, expected_high: float
) -> None:
    interval = numeric_interval(value, tolerance=tolerance)
    assert interval.low == pytest.approx(expected_low)
    assert interval.high == pytest.approx(expected_high)


def test_numeric_interval_rejects_non_numbers() -> None:
    with pytest.raises(ValueError):
        numeric_interval(year("1996"), tolerance=None)
    with pytest.raises(ValueError):
        numeric_interval(usd(), tolerance=None)


@pytest.mark.parametrize(
    ("a", "b", "intersects"),
    [
        (Interval(0, 1), Interval(1, 2), True),  # closed bounds touch
        (Interval(0, 1), Interval(1.5, 2), False),
        (Interval(-math.inf, 0), Interval(0, math.inf), True),
        (Interval(5, 5), Interval(0, 10), True),
    ],
)
def test_interval_intersects(a: Interval, b: Interval, intersects: bool) -> None:
    assert a.intersects(b) is intersects
    assert b.intersects(a) is intersects


def test_interval_rejects_reversed_ends() -> None:
    with pytest.raises(ValueError):
        Interval(2, 1)


@pytest.mark.parametrize(
    ("iso", "approximate", "first", "last"),
    [
        ("1996", False, date(1996, 1, 1), date(1996, 12, 31)),
        ("1996-02", False, date(1996, 2, 1), date(1996, 2, 29)),
        ("1997-02", False, date(1997, 2, 1), date(1997, 2, 28)),
        ("1996-12", False, date(1996, 12, 1), date(1996, 12, 31)),
        ("1996-02-02", False, date(1996, 2, 2), date(1996, 2, 2)),
        ("2005", True, date(2004, 1, 1), date(2006, 12, 31)),
        ("2005-01", True, date(2004, 12, 1), date(2005, 2, 28)),
        ("2005-12", True, date(2005, 11, 1), date(2006, 1, 31)),
        ("2005-03-01", True, date(2005, 2, 28), date(2005, 3, 2)),
    ],
)
def test_date_interval(iso: str, approximate: bool, first: date, last: date) -> None:
    assert date_interval(iso, approximate=approximate) == (first, last)


@pytest.mark.parametrize("iso", ["96", "1996-2", "1996-02-30", "1996/02", "0000", "19960"])
def test_date_interval_rejects_malformed(iso: str) -> None:
    with pytest.raises(ValueError):
        date_interval(iso)


# --- scopes ------------------------------------------------------------------------------------

SCOPE_CASES: list[tuple[str, Scope, Scope, bool]] = [
    ("no qualifiers vs a point", Scope(), Scope(point_in_time="2022"), True),
    ("no qualifiers vs a range", Scope(start="2001", end="2003"), Scope(), True),
    ("no qualifiers on either", Scope(), Scope(), True),
    ("2022 vs 2021", Scope(point_in_time="2022"), Scope(point_in_time="2021"), False),
    ("2022 vs 2022-06-30", Scope(point_in_time="2022"), Scope(point_in_time="2022-06-30"), True),
    ("open-ended from 2020 vs 2023", Scope(start="2020"), Scope(point_in_time="2023"), True),
    ("open-ended from 2020 vs 2019", Scope(start="2020"), Scope(point_in_time="2019"), False),
    ("until 2010 vs 2009", Scope(end="2010"), Scope(point_in_time="2009"), True),
    ("until 2010 vs 2011", Scope(end="2010"), Scope(point_in_time="2011"), False),
    ("Jan..Sep 2022 vs 2022", Scope(start="2022-01", end="2022-09"), Scope(point_in_time="2022"),
     True),
    ("Jan..Sep 2022 vs Oct 2022", Scope(start="2022-01", end="2022-09"),
     Scope(point_in_time="2022-10"), False),
    ("ranges touching on one day", Scope(start="2020", end="2021-03-01"),
     Scope(start="2021-03-01", end="2022"), True),
    ("disjoint ranges", Scope(start="2000", end="2005"), Scope(start="2006", end="2010"), False),
    ("open start vs open end", Scope(end="2005"), Scope(start="2006"), False),
    ("point wins over start/end", Scope(point_in_time="2010", start="2000"),
     Scope(point_in_time="2005"), False),
]


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [case[1:] for case in SCOPE_CASES],
    ids=[case[0] for case in SCOPE_CASES],
)
def test_scopes_overlap(a: Scope, b: Scope, overlap: bool) -> None:
    assert scopes_overlap(a, b) is overlap
    assert scopes_overlap(b, a) is overlap


@pytest.mark.parametrize(
    "build",
    [
        lambda: Scope(point_in_time="22"),
        lambda: Scope(start="2022-13"),
        lambda: Scope(start="2023", end="2022"),
    ],
    ids=["malformed point", "impossible month", "start after end"],
)
def test_malformed_scope_is_rejected(build: Callable[[], Scope]) -> None:
    with pytest.raises(ValueError):
        build()


# -- date ranges and counts -------------------------------------------------------------------------


def _range(first: str, last: str, approximate: bool = False) -> TypedValue:
    return TypedValue(ValueKind.DATE_RANGE, date=first, date_end=last, approximate=approximate)


@pytest.mark.parametrize(("a", "b", "compatible", "comparable"), [
    # the same summit, as a range and as the month or day it fell in
    (_range("2019-06-03", "2019-06-04"), TypedValue(ValueKind.DATE, date="2019-06"), True, True),
    (_range("2019-06-03", "2019-06-04"), TypedValue(ValueKind.DATE, date="2019-06-04"), True, True),
    (_range("2019-06-03", "2019-06-04"), TypedValue(ValueKind.DATE, date="2019-07"), False, True),
    # two ranges must agree on both ends, even when they share a day
    (_range("2019-06-03", "2019-06-04"), _range("2019-06-03", "2019-06-04"), True, True),
    (_range("2019-06-03", "2019-06-04"), _range("2019-06-04", "2019-06-05"), False, True),
    (_range("2014", "2016"), _range("2014-03", "2016-11"), True, True),
    (_range("2014", "2016"), _range("2014", "2017"), False, True),
    (_range("2019-06-03", "2019-06-04", approximate=True), _range("2019-06-04", "2019-06-05"), True, True),
    # incomplete or reversed ranges are reported, never judged
    (TypedValue(ValueKind.DATE_RANGE, date="2019-06-03"), _range("2019-06-03", "2019-06-04"), True, False),
    (_range("2019-06-05", "2019-06-04"), _range("2019-06-03", "2019-06-04"), True, False),
    # a count is a quantity of what it counts
    (TypedValue(ValueKind.COUNT, amount=12, unit="member states"),
     TypedValue(ValueKind.COUNT, amount=27, unit="member states"), False, True),
    (TypedValue(ValueKind.COUNT, amount=27, unit="member states"),
     TypedValue(ValueKind.QUANTITY, amount=27, unit="member states"), True, True),
    (TypedValue(ValueKind.COUNT, amount=12, unit="member states"),
     TypedValue(ValueKind.COUNT, amount=12, unit="rounds"), True, False),
])
def test_date_range_and_count_verdicts(a: TypedValue, b: TypedValue, compatible: bool, comparable: bool) -> None:
    for first, second in ((a, b), (b, a)):
        verdict = values_compatible(first, second)
        assert (verdict.compatible, verdict.comparable) == (compatible, comparable), verdict.reason


def test_date_ranges_that_disagree_say_which_end() -> None:
    verdict = values_compatible(_range("2019-06-03", "2019-06-04"), _range("2019-06-03", "2019-06-06"))
    assert verdict.reason == "2019-06-03 to 2019-06-04 and 2019-06-03 to 2019-06-06 end on different days"
