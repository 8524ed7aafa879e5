"""The classes of the English misses of sets 66 and 67 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest
from kzeu_desk.core.value_parsing.document_values import find_values


def _ids(cases: list[tuple[str, str, str, TypedValue]]) -> list[str]:
    return [case[0] + "-" + str(i) for i, case in enumerate(cases)]


# (highlight, its sentence, publication date, the curator's value)
A_FRACTION_BORROWS_NO_COUNTED_NOUN = [
    # A figure with a fraction is no number of the things its clause counted before it: it measures something else.
    ("grade 3.5", "Forty wines were judged, the best of grade 3.5.", "2026-02-11", quantity(3.5, None)),
    ("level 7.8", "Twelve readings were taken, the highest at level 7.8.", "2026-02-11", quantity(7.8, None)),
    # Guard: a whole figure still counts the noun its clause named ("of whom 14 …" style borrowing stays).
    ("14", "The number of applicants rose to 14.", "2026-02-11", count(14, "applicants")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_FRACTION_BORROWS_NO_COUNTED_NOUN,
                         ids=_ids(A_FRACTION_BORROWS_NO_COUNTED_NOUN))
def test_a_figure_with_a_fraction_borrows_no_counted_noun(selection: str, context: str, published: str,
                                                         expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


A_MODEL_DESIGNATION_QUALIFIES = [
    # A maker's name and a model's designation before the noun say which of the things it counts, as a name does.
    ("two", "The navy took delivery of the first of two F-35 jets in May.", "2026-05-20", count(2, "jets")),
    ("four", "The regional carrier leases four Boeing 737-800 jets.", "2026-05-20", count(4, "jets")),
    ("12", "The air force bought 12 Su-30SM fighters last year.", "2026-05-20", count(12, "fighters")),
    ("nine", "The port operates nine Liebherr LHM550 cranes.", "2026-05-20", count(9, "cranes")),
    ("16", "The operator runs 16 ATR 72-600 turboprops on its northern routes.", "2026-05-20", count(16, "turboprops")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_MODEL_DESIGNATION_QUALIFIES,
                         ids=_ids(A_MODEL_DESIGNATION_QUALIFIES))
def test_a_model_designation_before_the_noun_qualifies_it(selection: str, context: str, published: str,
                                                          expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


AN_ONLINE_CHANNEL_DESCRIBES = [
    # "online", "offline" say where the things are offered or sold, as "foreign" says where they come from.
    ("five", "The bank opened five online branches and closed two.", "2026-08-01", count(5, "branches")),
    ("40", "The chain still runs 40 offline stores in the north.", "2026-08-01", count(40, "stores")),
    ("Twelve", "Twelve online courses were added to the catalogue.", "2026-08-01", count(12, "courses")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), AN_ONLINE_CHANNEL_DESCRIBES,
                         ids=_ids(AN_ONLINE_CHANNEL_DESCRIBES))
def test_online_and_offline_describe_the_things_counted(selection: str, context: str, published: str,
                                                       expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


A_GERUND_OF_PURPOSE_NAMES_THE_KIND = [
    # A gerund that names what a thing is made for is part of the compound, as "monitoring stations" is.
    ("four", "Volunteers received four sampling kits each.", "2026-08-01", count(4, "sampling kits")),
    ("two", "The village installed two warning sirens after the flood.", "2026-08-01", count(2, "warning sirens")),
    ("three", "The bank is now scored by three rating agencies.", "2026-08-01", count(3, "rating agencies")),
    ("12", "The district has 12 shopping centres.", "2026-08-01", count(12, "shopping centres")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_GERUND_OF_PURPOSE_NAMES_THE_KIND,
                         ids=_ids(A_GERUND_OF_PURPOSE_NAMES_THE_KIND))
def test_a_gerund_of_purpose_names_the_kind_of_thing(selection: str, context: str, published: str,
                                                     expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


A_SIGNED_SECOND_FIGURE_ENDS_THE_RANGE = [
    # A temperature above zero may carry its "+" on both figures of a range; the range is the figures'.
    ("+3 to +9 °C", "Night frosts give way to daytime highs of +3 to +9 °C.", "2026-11-02",
     quantity(None, "°C", lower=3, upper=9)),
    ("-4 to +2 °C", "Overnight the mercury will stay at -4 to +2 °C.", "2026-11-02",
     quantity(None, "°C", lower=-4, upper=2)),
    ("from +1 to +6 °C", "Temperatures will range from +1 to +6 °C on Sunday.", "2026-11-02",
     quantity(None, "°C", lower=1, upper=6)),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_SIGNED_SECOND_FIGURE_ENDS_THE_RANGE,
                         ids=_ids(A_SIGNED_SECOND_FIGURE_ENDS_THE_RANGE))
def test_a_signed_second_figure_ends_an_english_range(selection: str, context: str, published: str,
                                                      expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


THE_DAY_A_CHANGE_TAKES_EFFECT = [
    # The day a decided change takes effect is dated by nearness, as a sentence with no tense dates it, not by the past
    # verb of the deciding.
    ("1 December", "The council approved higher parking fees, effective 1 December.", "2026-10-20", date("2026-12-01")),
    ("15 November", "The airline reduced its baggage allowance with effect from 15 November.", "2026-10-20",
     date("2026-11-15")),
    # Guard: a day long past stays in the year before it is nearest to.
    ("1 April", "The board raised the fee, effective 1 April.", "2026-10-20", date("2026-04-01")),
    # Guard: without the words of effect a past verb still dates the day before the publication.
    ("1 December", "The council approved higher parking fees on 1 December.", "2026-10-20", date("2025-12-01")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), THE_DAY_A_CHANGE_TAKES_EFFECT,
                         ids=_ids(THE_DAY_A_CHANGE_TAKES_EFFECT))
def test_the_day_a_change_takes_effect_is_dated_by_nearness(selection: str, context: str, published: str,
                                                            expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


SINCE_A_MONTH_IN_THE_PANE = [
    # The Candidates pane lists "since February" as one span: "since" dates what has begun, before the publication, as
    # Ctrl+N dates a highlight of the month alone.
    ("The lira has lost 9% against the dollar since February.", "2026-10-03", "since February", "2026-02"),
    ("Bus fares, which have risen 4% since January, are set by the city.", "2026-09-03", "since January", "2026-01"),
]


@pytest.mark.parametrize(("text", "published", "listed", "iso"), SINCE_A_MONTH_IN_THE_PANE,
                         ids=[case[2] + "-" + str(i) for i, case in enumerate(SINCE_A_MONTH_IN_THE_PANE)])
def test_the_pane_dates_since_a_month_before_the_publication(text: str, published: str, listed: str, iso: str) -> None:
    found = {text[value.start:value.end]: value.value for value in find_values(text, published)}
    assert found[listed].date == iso, found
