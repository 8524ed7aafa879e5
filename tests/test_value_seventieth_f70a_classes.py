"""The classes of the English misses of sets 68-71, each tested on other sentences than the sets': what Ctrl+N
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


MILLISECONDS = [
    # "ms" after a figure is milliseconds: a latency, a reaction time, a frame time.
    ("under 5 ms", "Response time inside the data centre is under 5 ms.", "2026-03-01", quantity(None, "ms", upper=5)),
    ("about 40 ms", "A ping to London takes about 40 ms from the capital.", "2026-03-01",
     quantity(40, "ms", approximate=True)),
    ("120 ms", "The lag rose to 120 ms during the final match.", "2026-03-01", quantity(120, "ms")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), MILLISECONDS, ids=_ids(MILLISECONDS))
def test_ms_after_a_figure_is_milliseconds(selection: str, context: str, published: str,
                                          expected: TypedValue) -> None:
    _check(selection, context, published, expected)


WORK_TIME = [
    # Man-hours and person-days measure work done, as hours and days measure time: a quantity, not things counted.
    ("250,000", "Crews logged 250,000 man-hours without a lost-time injury.", "2026-03-01",
     quantity(250000, "man-hours")),
    ("3,400", "The refit of the ferry took 3,400 person-hours over the winter.", "2026-03-01",
     quantity(3400, "person-hours")),
    ("about 90", "The audit needs about 90 person-days of fieldwork.", "2026-03-01",
     quantity(90, "person-days", approximate=True)),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), WORK_TIME, ids=_ids(WORK_TIME))
def test_man_hours_and_person_days_are_a_measure(selection: str, context: str, published: str,
                                                 expected: TypedValue) -> None:
    _check(selection, context, published, expected)


HEAD_OF_LIVESTOCK = [
    # "head" after a figure counts animals, singular as "cattle" is plural: "800 head of sheep", "1,500 head".
    ("about 800", "The cooperative keeps a flock of about 800 head of sheep.", "2026-03-01",
     count(800, "head", approximate=True)),
    ("1,500", "The ranch sold 1,500 head at the autumn auction.", "2026-03-01", count(1500, "head")),
    # Guard: "head" before a plural is its qualifier ("head teachers"), not the thing counted.
    ("40", "The district hired 40 head teachers this year.", "2026-03-01", count(40, "head teachers")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), HEAD_OF_LIVESTOCK,
                         ids=_ids(HEAD_OF_LIVESTOCK))
def test_head_after_a_figure_counts_livestock(selection: str, context: str, published: str,
                                             expected: TypedValue) -> None:
    _check(selection, context, published, expected)


A_PREFIXED_ACRONYM_PLURAL = [
    # An acronym with a small letter before it ("vCPUs", "eSIMs", "vGPUs") makes its plural with "s" as "SMEs" does.
    ("8 vCPUs", "The largest plan offers 8 vCPUs and 32 GB of memory.", "2026-03-01", count(8, "vCPUs")),
    ("two", "Each handset holds two eSIMs for travel.", "2026-03-01", count(2, "eSIMs")),
    ("16", "The rendering node has 16 vGPUs shared by the studio.", "2026-03-01", count(16, "vGPUs")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_PREFIXED_ACRONYM_PLURAL,
                         ids=_ids(A_PREFIXED_ACRONYM_PLURAL))
def test_a_prefixed_acronym_makes_its_plural_with_s(selection: str, context: str, published: str,
                                                    expected: TypedValue) -> None:
    _check(selection, context, published, expected)


A_COMPOUND_AFTER_A_POSSESSIVE_ORDINAL = [
    # An ordinal after a possessive numbers the noun after it, and that noun may be a compound of two nouns ("its 12th
    # member state", "the band's second arena tour"), as a count keeps the nouns of its compound.
    ("12th", "The bloc welcomed its 12th member state in March.", "2026-03-01", count(12, "member state")),
    ("second", "The choir's second concert tour, which opens in Vienna, runs to June.", "2026-03-01",
     count(2, "concert tour")),
    ("fourth", "The lender signed its fourth credit line, with a Georgian bank.", "2026-03-01",
     count(4, "credit line")),
    # Guard: a word that is no noun of the compound stays out ("its third loan this year").
    ("third", "The fund approved its third loan this year.", "2026-03-01", count(3, "loan")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_COMPOUND_AFTER_A_POSSESSIVE_ORDINAL,
                         ids=_ids(A_COMPOUND_AFTER_A_POSSESSIVE_ORDINAL))
def test_a_possessive_ordinal_numbers_a_compound_noun(selection: str, context: str, published: str,
                                                      expected: TypedValue) -> None:
    _check(selection, context, published, expected)


AN_ORDINAL_BEFORE_A_PAST_VERB = [
    # An ordinal followed by a verb in the past stands for the noun its sentence named before it ("This is the third
    # audit …; the first found …"): the verb is no noun it numbers.
    ("first", "This is the third audit of the fund; the first found no errors.", "2026-03-01", count(1, "audit")),
    ("second", "It is the fourth survey of the lake; the second took two summers.", "2026-03-01",
     count(2, "survey")),
    ("first", "This was the fifth tender for the bridge; the first drew no bids at all.", "2026-03-01",
     count(1, "tender")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), AN_ORDINAL_BEFORE_A_PAST_VERB,
                         ids=_ids(AN_ORDINAL_BEFORE_A_PAST_VERB))
def test_an_ordinal_before_a_past_verb_stands_for_the_noun_before(selection: str, context: str, published: str,
                                                                  expected: TypedValue) -> None:
    _check(selection, context, published, expected)


A_SCALED_FIGURE_IN_THE_MEASURE_BEFORE = [
    # A scaled figure with no unit after a measured figure of its own sentence ("…, and 1.9 million since …") is in that
    # figure's measure, whatever currency the text named before.
    ("1.2 million", "The mine shipped 40,000 tonnes in May, and 1.2 million since January.", "2026-06-10",
     quantity(1.2e6, "tonnes")),
    ("2.5 million", "Volunteers gave 90,000 person-hours this year and 2.5 million over the decade.", "2026-06-10",
     quantity(2.5e6, "person-hours")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_SCALED_FIGURE_IN_THE_MEASURE_BEFORE,
                         ids=_ids(A_SCALED_FIGURE_IN_THE_MEASURE_BEFORE))
def test_a_scaled_figure_takes_the_measure_of_the_figure_before(selection: str, context: str, published: str,
                                                                expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context,
                 earlier="The company raised EUR 40 million last year.").value, expected)


def test_a_scaled_figure_after_a_span_of_time_takes_no_years() -> None:
    # Guard: a span of time before it is no measure of it ("In 2 years the population grew to 1.2 million").
    value = suggest("1.2 million", published="2026-06-10",
                    context="In two years and a half the town grew to 1.2 million.").value
    assert value.unit not in ("years", "year"), value
