"""The classes of the English misses of sets 62 and 63 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, money, quantity, same, span

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, publication date, the curator's value)
LIMITED_TO = [
    # "limited to", "capped at", "restricted to" inside the highlight is a ceiling, as "up to" is.
    ("limited to 25", "Each workshop is limited to 25 participants.", "2026-03-02", count(None, "participants", upper=25)),
    ("capped at 40", "Group bookings are capped at 40 guests per evening.", "2026-03-02",
     count(None, "guests", upper=40)),
    ("restricted to 12", "Entry to the lab is restricted to 12 students at a time.", "2026-03-02",
     count(None, "students", upper=12)),
    # Guard: the bound word outside the highlight leaves the figure as it was (set 32's reading).
    ("500", "Tickets for the gala will be limited to 500.", "2026-10-14", count(500, "tickets")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), LIMITED_TO,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(LIMITED_TO)])
def test_limited_to_in_the_highlight_is_a_ceiling(selection: str, context: str, published: str,
                                                   expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


PRICE_FROM = [
    # A price highlighted with its "from" and nothing after it is the lowest price, as a sentence's opening "From".
    ("from €240", "Guided tours of the canyon cost extra, from €240 per group.", "2026-06-01",
     money(240, "EUR", lower=240)),
    ("from $19", "Monthly plans from $19 include two user seats.", "2026-06-01", money(19, "USD", lower=19)),
    ("from KZT 12,500", "Private lessons are available from KZT 12,500 an hour.", "2026-06-01",
     money(12500, "KZT", lower=12500)),
    # Guards: a change's "from … to" and a figure a change started from are not lower bounds.
    ("from €10 to €20", "Tickets rise from €10 to €20 next month.", "2026-06-01", money(10, "EUR")),
    ("$4.2 million", "Revenue grew from $4.2 million to $5 million.", "2026-06-01", money(4.2e6, "USD")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), PRICE_FROM,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(PRICE_FROM)])
def test_a_price_from_a_figure_is_a_lower_bound(selection: str, context: str, published: str,
                                                 expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


WEEKDAYS_IN_A_SPAN = [
    # Two days each with its weekday, joined by "and" or a dash, are the span of both, as "16 and 17 June" is.
    ("Monday 8 and Tuesday 9 March 2027", "The summit opens on Monday 8 and Tuesday 9 March 2027 in Astana.",
     "2026-12-01", span("2027-03-08", "2027-03-09")),
    ("Friday 2 – Sunday 4 October", "The fair runs Friday 2 – Sunday 4 October at the expo centre.", "2026-08-10",
     span("2026-10-02", "2026-10-04")),
    # Guard: one weekday and its day stay one date.
    ("Thursday 5 November", "The lecture is on Thursday 5 November.", "2026-10-01", date("2026-11-05")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), WEEKDAYS_IN_A_SPAN,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(WEEKDAYS_IN_A_SPAN)])
def test_two_days_with_their_weekdays_are_a_span(selection: str, context: str, published: str,
                                                  expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


A_YEAR_BEFORE_FINANCIAL_YEAR = [
    # "the 2028 fiscal year" names the year, as "financial year 2028" does.
    ("the 2028 fiscal year", "The new tariff applies from the 2028 fiscal year.", "2027-01-15", date("2028")),
    ("its 2025 financial year", "The group closed its 2025 financial year with a small loss.", "2026-04-02",
     date("2025")),
    # Guard: a span of years stays a quantity.
    ("two financial years", "The audit covers two financial years.", "2026-04-02", quantity(2, "years")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_YEAR_BEFORE_FINANCIAL_YEAR,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(A_YEAR_BEFORE_FINANCIAL_YEAR)])
def test_a_year_before_financial_year_is_that_year(selection: str, context: str, published: str,
                                                    expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


MONTHS_TO_A_MONTH_WITHOUT_A_YEAR = [
    # "the six months to June" without a year: the month takes the year the conventions give a month alone.
    ("the six months to June", "Exports of wheat rose by 8% in the six months to June.", "2026-08-03",
     span("2026-01", "2026-06")),
    ("the 12 months to November", "Mortgage lending grew 15% in the 12 months to November.", "2027-01-20",
     span("2025-12", "2026-11")),
    ("the three months ending March", "Sales fell in the three months ending March.", "2026-05-11",
     span("2026-01", "2026-03")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), MONTHS_TO_A_MONTH_WITHOUT_A_YEAR,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(MONTHS_TO_A_MONTH_WITHOUT_A_YEAR)])
def test_months_to_a_month_without_a_year(selection: str, context: str, published: str,
                                          expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)
