"""The classes of the English misses of sets 56 and 57 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, quantity, same

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_candidates import find_values
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
AGES_WITHOUT_YEARS = [
    # A speaker's own age in a letter or an interview: "I am 58 and", "she is 71." (a bare figure that ends its clause).
    ("58", "I am 58 and have lived in Lisbon since my divorce.", quantity(58, "years")),
    ("71", "My mother is widowed and she is 71, so she cannot travel alone.", quantity(71, "years")),
    ("39", "I'm 39, self-employed, and have never paid into a pension.", quantity(39, "years")),
    # An age a rule sets, split by sex: "the pension age is 65 for men and 60 for women".
    ("65", "In Georgia the pension age is 65 for men and 60 for women.", quantity(65, "years")),
    ("60", "In Georgia the pension age is 65 for men and 60 for women.", quantity(60, "years")),
    # Guards: a figure with its own noun after "I am" or "is" is not an age; nor a count split by sex without an age.
    ("12", "I am 12 minutes away from the station.", quantity(12, "minutes")),
    ("40", "The quota is 40 for men and 25 for women in the second round.", quantity(40, None)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), AGES_WITHOUT_YEARS,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(AGES_WITHOUT_YEARS)])
def test_an_age_without_years_is_a_quantity_in_years(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


TERABITS = [
    # A link's or an attack's rate in terabits a second, as in gigabits ("400 Gbps").
    ("2 Tbps", "The new subsea cable carries 2 Tbps between Marseille and Alexandria.", quantity(2, "Tbps")),
    ("3.5 Tbit/s", "The attack peaked at 3.5 Tbit/s on Sunday night.", quantity(3.5, "Tbit/s")),
    # Guard: gigabits stay as they were.
    ("40 Gbps", "Each port runs at 40 Gbps.", quantity(40, "Gbps")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), TERABITS, ids=[case[0] for case in TERABITS])
def test_terabits_a_second_are_a_unit(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


THE_PREVIOUS_WEEKDAY = [
    # "the previous Tuesday", "the preceding Monday": the last such day before the one the article stands on, as
    # "last Tuesday" is; published on a Thursday (2026-05-14), the previous Thursday is a week before.
    ("the previous Tuesday", "A patch we shipped the previous Tuesday broke the login page.", date("2026-05-12")),
    ("the preceding Monday", "The board had approved the plan the preceding Monday.", date("2026-05-11")),
    ("the previous Thursday", "The tanker had left port the previous Thursday.", date("2026-05-07")),
    # Guard: a bare weekday in a report stays as it was read.
    ("last Tuesday", "The council voted last Tuesday.", date("2026-05-12")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), THE_PREVIOUS_WEEKDAY,
                         ids=[case[0] for case in THE_PREVIOUS_WEEKDAY])
def test_the_previous_weekday_lies_before_the_article(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


def test_count_helper_is_used() -> None:
    # "remote" is no part of the counted noun's name: "fewer than 300 remote villages" counts villages.
    same(suggest("fewer than 300", published="2026-05-14",
                 context="Only fewer than 300 remote villages still lack a fixed line.").value,
         count(None, "villages", upper=300))


THE_FIGURE_IT_REPLACES = [
    # "(previously 30)", ", formerly 8": a bare figure that a measure replaces is in the measure's unit, as after
    # "instead of".
    ("45", "Passwords now expire after 90 days (previously 45).", quantity(45, "days")),
    ("8", "The warranty now runs for 12 months, formerly 8.", quantity(8, "months")),
    ("20", "Parcels are now held for 14 days (formerly 20) before they go back.", quantity(20, "days")),
    # Guard: a figure with no measure before it stays bare.
    ("4", "The council now has seven wards (previously 4).", count(4, "wards")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), THE_FIGURE_IT_REPLACES,
                         ids=[case[0] for case in THE_FIGURE_IT_REPLACES])
def test_a_figure_replaced_by_a_measure_is_in_its_unit(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


AN_ORDINAL_BEFORE_A_GRADED_MODIFIER = [
    # A grade written with a hyphen and a figure ("severity-2", "Category-4", "tier-1") describes the series' noun, as
    # an adjective would: "the third severity-2 outage" is the third outage.
    ("third", "It was the third severity-2 outage of the year.", count(3, "outage")),
    ("fourth", "Lisbon hosted its fourth Category-4 alert since June.", count(4, "alert")),
    ("second", "This is our second tier-1 audit since the merger.", count(2, "audit")),
    # Guard: without the grade the noun is read as before.
    ("second", "This is our second audit this year.", count(2, "audit")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), AN_ORDINAL_BEFORE_A_GRADED_MODIFIER,
                         ids=[f"{case[0]}-{i}" for i, case in enumerate(AN_ORDINAL_BEFORE_A_GRADED_MODIFIER)])
def test_an_ordinal_passes_over_a_graded_modifier(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


PAID_AND_OTHER_IRREGULAR_PARTICIPLES = [
    # Irregular participles describe the counted noun, as "written" does: "1,200 paid subscriptions" are
    # subscriptions, "300 unsold cars" cars.
    ("at least 300", "Members need at least 300 paid monthly contributions.", count(300, "contributions", lower=300)),
    ("1,200", "The paper now has 1,200 paid subscriptions.", count(1200, "subscriptions")),
    ("300", "Dealers are sitting on 300 unsold cars.", count(300, "cars")),
    ("45", "The flood damaged 45 rebuilt houses.", count(45, "houses")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), PAID_AND_OTHER_IRREGULAR_PARTICIPLES,
                         ids=[case[0] for case in PAID_AND_OTHER_IRREGULAR_PARTICIPLES])
def test_an_irregular_participle_describes_the_counted_noun(selection: str, context: str,
                                                            expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


A_MOBILE_GENERATION_BEFORE_THE_NOUN = [
    # A network generation ("4G", "5G") between the figure and its noun is a modifier, as a name is: "1,500 5G
    # masts" counts masts.
    ("at least 1,500", "The regulator wants at least 1,500 5G masts by 2028.", count(1500, "masts", lower=1500)),
    ("12", "Villagers got 12 4G towers last year.", count(12, "towers")),
    ("900", "The operator switched off 900 3G base stations.", count(900, "base stations")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), A_MOBILE_GENERATION_BEFORE_THE_NOUN,
                         ids=[case[0] for case in A_MOBILE_GENERATION_BEFORE_THE_NOUN])
def test_a_network_generation_before_the_noun_is_passed_over(selection: str, context: str,
                                                             expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


VERSION_BEFORE_A_DASH_AND_A_DATE = [
    # A release note's heading "Version 4.1.2 — 9 June 2026": the version's last part is no first day of a range.
    ("Version 4.1.2 — 9 June 2026\n- Fixed the login screen.", "9 June 2026", date("2026-06-09")),
    ("Release 2.0.15 – 30 April 2026 adds offline maps.", "30 April 2026", date("2026-04-30")),
]


@pytest.mark.parametrize(("text", "span", "expected"), VERSION_BEFORE_A_DASH_AND_A_DATE,
                         ids=[case[1] for case in VERSION_BEFORE_A_DASH_AND_A_DATE])
def test_the_pane_lists_a_release_date_after_a_version(text: str, span: str, expected: TypedValue) -> None:
    found = [f for f in find_values(text, "2026-10-14") if f.value.kind in (ValueKind.DATE, ValueKind.DATE_RANGE)]
    assert [(text[f.start:f.end], f.value.kind, f.value.date) for f in found] == \
        [(span, expected.kind, expected.date)]


def test_a_range_of_days_after_a_plain_figure_stays_a_range() -> None:
    # Guard: "1 — 23 September" with no version before it is still a range.
    text = "The road is shut 1 — 23 September 2026."
    found = [f for f in find_values(text, "2026-10-14") if f.value.kind is ValueKind.DATE_RANGE]
    assert [(f.value.date, f.value.date_end) for f in found] == [("2026-09-01", "2026-09-23")]


A_MONTH_A_PLAN_IS_FOR = [
    # "planned for June", "scheduled for December": the pane lists the month a plan is set for, as Ctrl+N reads it.
    ("An update is planned for December.", "December", date("2026-12")),
    ("The vote is scheduled for January, after the holidays.", "January", date("2027-01")),
    ("Talks are slated for November.", "November", date("2026-11")),
]


@pytest.mark.parametrize(("text", "span", "expected"), A_MONTH_A_PLAN_IS_FOR,
                         ids=[case[1] for case in A_MONTH_A_PLAN_IS_FOR])
def test_the_pane_lists_the_month_a_plan_is_for(text: str, span: str, expected: TypedValue) -> None:
    found = [f for f in find_values(text, "2026-10-14") if f.value.kind is ValueKind.DATE]
    assert [(text[f.start:f.end], f.value.date) for f in found] == [(span, expected.date)]


def test_a_month_after_another_for_is_not_listed_by_this_rule() -> None:
    # Guard: "for May" with no plan before it is left as it was ("May" is a verb too).
    text = "Thanks for May and her help."
    assert [f for f in find_values(text, "2026-10-14") if f.value.kind is ValueKind.DATE] == []
