"""The classes of the English misses of sets 64 and 65 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, quantity, same

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, publication date, the curator's value)
LITRE_WITH_A_CAPITAL_L = [
    # English writes the litre as "L" as often as "l": "mg/L", "g/L", "µg/L" are the units "mg/l" and "g/l" are.
    ("no more than 10 µg/L", "Drinking water may hold no more than 10 µg/L of arsenic.", "2026-05-04",
     quantity(None, "µg/L", upper=10)),
    ("2.5 g/L", "The lake's water carries 2.5 g/L of salt in summer.", "2026-05-04", quantity(2.5, "g/L")),
    ("up to 40 mg/L", "Wells near the plant showed up to 40 mg/L of nitrate.", "2026-05-04",
     quantity(None, "mg/L", upper=40)),
    # Guard: the small "l" stays as written.
    ("0.8 g/l", "The limit for novice drivers is 0.8 g/l.", "2026-05-04", quantity(0.8, "g/l")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), LITRE_WITH_A_CAPITAL_L,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(LITRE_WITH_A_CAPITAL_L)])
def test_a_litre_written_with_a_capital_l_is_a_unit(selection: str, context: str, published: str,
                                                    expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


KNOTS = [
    # A speed in knots is a measure (nautical miles an hour), as km/h is, not a count of knots.
    ("40 knots", "Gusts of 40 knots closed the harbour on Monday.", "2026-09-14", quantity(40, "knots")),
    ("22 knots", "The new patrol boats reach 22 knots.", "2026-09-14", quantity(22, "knots")),
    ("one knot", "The current off the cape runs at about one knot.", "2026-09-14", quantity(1, "knot")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), KNOTS,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(KNOTS)])
def test_knots_are_a_measure_of_speed(selection: str, context: str, published: str, expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


A_PART_OF_THE_PUBLICATION_DAY = [
    # "this morning", "this afternoon", "this evening", "tonight": the publication day, as "today" is.
    ("this afternoon", "The mayor opened the new tram line this afternoon.", "2026-03-19", date("2026-03-19")),
    ("This evening", "This evening the choir sings in the cathedral.", "2026-12-20", date("2026-12-20")),
    ("tonight", "The final airs tonight on the public channel.", "2026-06-02", date("2026-06-02")),
    ("this morning", "Two flights were cancelled this morning because of fog.", "2026-01-08", date("2026-01-08")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_PART_OF_THE_PUBLICATION_DAY,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(A_PART_OF_THE_PUBLICATION_DAY)])
def test_a_part_of_the_publication_day_is_that_day(selection: str, context: str, published: str,
                                                    expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


A_CLAUSE_AFTER_SO = [
    # ", so" opens a main clause of its own: a weekday is dated by the tense of its clause, not by a report after "so".
    # (2026-02-10 is a Tuesday.)
    ("until Friday", "The exhibition stays open until Friday, so book now, as last season it sold out in days.",
     "2026-02-10", date("2026-02-13")),
    ("by Thursday", "Send your entries by Thursday, so the jury had better not repeat last year's delays, which ran "
     "to weeks.", "2026-02-10", date("2026-02-12")),
    # Guards: a report before "so" stays in the past; a count is untouched.
    ("on Friday", "The museum closed on Friday, so visitors will be turned away next week.", "2026-02-10",
     date("2026-02-06")),
    ("four", "The ferry sailed four times a week, so the line changed its timetable.", "2026-02-10",
     count(4, "times")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_CLAUSE_AFTER_SO,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(A_CLAUSE_AFTER_SO)])
def test_a_clause_after_so_has_its_own_tense(selection: str, context: str, published: str,
                                             expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


MONTHS_LATER = [
    # "N months later" after a month named before it in its sentence is that month moved on, a month.
    ("three months later", "The bridge was closed in October 2024 and reopened three months later.", "2026-03-01",
     date("2025-01")),
    ("two months later", "She filed the claim on 12 November 2023; the tribunal ruled two months later.", "2026-03-01",
     date("2024-01")),
    ("11 months later", "The smelter stopped in March 2019 and restarted 11 months later.", "2026-03-01",
     date("2020-02")),
    # Guards: with no month named before it, a span of months stays a quantity; a year alone names no month.
    ("six months later", "Six months later nothing had changed.", "2026-03-01", quantity(6, "months")),
    ("four months later", "The club was founded in 2019 and folded four months later.", "2026-03-01",
     quantity(4, "months")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), MONTHS_LATER,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(MONTHS_LATER)])
def test_months_later_after_a_month_is_a_month(selection: str, context: str, published: str,
                                              expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context, before="", earlier="").value, expected)


A_RATE_PER_A_NUMBER = [
    # A figure with a noun "per" a number of things is a rate: a quantity counting none of them (its unit, the whole
    # phrase, left out as the sets record it); and the rate's base lends no noun to a bare figure after it.
    ("12", "Infant mortality fell to 12 deaths per 1,000 live births in 2024.", "2026-05-01", quantity(12, None)),
    ("2.8", "The region had 2.8 hospital beds per 1,000 people last year.", "2026-05-01", quantity(2.8, None)),
    ("3.1", "Burglaries ran at 5.6 cases per 10,000 households, above the national average of 3.1.", "2026-05-01",
     quantity(3.1, None)),
    # Guards: a rate per a period counts its noun; a count with no rate is a count.
    ("12", "The airline flies 12 flights per week to Dubai.", "2026-05-01", count(12, "flights")),
    ("240", "The clinic hired 240 nurses in 2025.", "2026-05-01", count(240, "nurses")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_RATE_PER_A_NUMBER,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(A_RATE_PER_A_NUMBER)])
def test_a_rate_per_a_number_of_things_is_a_quantity(selection: str, context: str, published: str,
                                                     expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


NOUNS_THAT_LOOK_LIKE_ADJECTIVES = [
    # A one-syllable word in "-eed" is a noun, no participle; a lower-case word in "-ian" (not "-arian") names a
    # person: before a plural each names the kind of thing counted, kept with it as "injury crashes" is.
    ("2,300", "The gene bank keeps 2,300 seed samples of wild apple.", "2026-07-01", count(2300, "seed samples")),
    ("45", "The county added 45 speed bumps near schools.", "2026-07-01", count(45, "speed bumps")),
    ("120", "The hospital trained 120 physician assistants this year.", "2026-07-01",
     count(120, "physician assistants")),
    # Guards: a past participle in "-eed" of two syllables and an adjective in "-arian" still describe.
    ("14", "The ministry funded 14 agreed projects.", "2026-07-01", count(14, "projects")),
    ("nine", "The agency sent nine humanitarian convoys to the border.", "2026-07-01", count(9, "convoys")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), NOUNS_THAT_LOOK_LIKE_ADJECTIVES,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(NOUNS_THAT_LOOK_LIKE_ADJECTIVES)])
def test_a_noun_with_an_adjectives_ending_qualifies_the_counted_noun(selection: str, context: str, published: str,
                                                                     expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


A_HYPHENED_ADJECTIVE = [
    # A word hyphened to an adjective-ending first part ("dual-", "digital-", "electric-") describes the head.
    ("Four", "Four magnetic-stripe cards were cloned at the kiosk.", "2026-07-01", count(4, "cards")),
    ("six", "The operator built six digital-radio masts along the line.", "2026-07-01", count(6, "masts")),
    # Guard: two nouns hyphened name a kind of the head.
    ("11", "The fund backs 11 water-management projects.", "2026-07-01", count(11, "water-management projects")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_HYPHENED_ADJECTIVE,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(A_HYPHENED_ADJECTIVE)])
def test_a_hyphened_adjective_describes_the_counted_noun(selection: str, context: str, published: str,
                                                         expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


A_LENGTH_OF_A_THING_LAID_OUT = [
    # A noun before a length ("track kilometres", "road kilometres", "pipe metres") measures a length of it: one unit.
    ("420 track kilometres", "The railway will electrify 420 track kilometres by 2028.", "2026-07-01",
     quantity(420, "track kilometres")),
    ("900 road kilometres", "The agency repaved 900 road kilometres last summer.", "2026-07-01",
     quantity(900, "road kilometres")),
    # Guard: an adjective before a length leaves the length alone.
    ("800 metres", "The new tunnel adds a further 800 metres.", "2026-07-01", quantity(800, "metres")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), A_LENGTH_OF_A_THING_LAID_OUT,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(A_LENGTH_OF_A_THING_LAID_OUT)])
def test_a_noun_before_a_length_makes_one_unit(selection: str, context: str, published: str,
                                              expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


@pytest.mark.parametrize(("text", "listed", "iso"), [
    # The Candidates pane lists "N months later" (and days, weeks) after a date named before it as the date Ctrl+N
    # reads for those words, "later" in the span, not the bare span of time.
    ("The bridge was closed in October 2024 and reopened three months later.", "three months later", "2025-01"),
    ("The ship left Aktau on 2 May 2025 and docked in Baku ten days later.", "ten days later", "2025-05-12"),
])
def test_the_pane_lists_a_span_later_as_a_date(text: str, listed: str, iso: str) -> None:
    from kzeu_desk.core.value_parsing.document_values import find_values
    found = [value for value in find_values(text, "2026-03-01") if text[value.start:value.end] == listed]
    assert found, [text[value.start:value.end] for value in find_values(text, "2026-03-01")]
    assert (found[0].value.kind, found[0].value.date) == (date(iso).kind, iso)


def test_the_pane_leaves_a_span_later_with_no_date_before_it() -> None:
    # Guard: with no date before it, "later" leaves the span of time as it was.
    from kzeu_desk.core.value_parsing.document_values import find_values
    text = "Six months later the line was still closed."
    assert [(text[v.start:v.end], v.value.unit) for v in find_values(text, "2026-03-01")] == [("Six months", "months")]


@pytest.mark.parametrize(("text", "listed", "amount", "unit"), [
    # A number word hyphened to a unit of time in the singular is a span after "the" too ("the two-year programme"),
    # which the pane lists, as it does after "a"; "the two sides" still names things already named.
    ("Applicants must finish the two-year programme before they apply.", "two-year", 2, "year"),
    ("Shops close during the ten-day holiday in spring.", "ten-day", 10, "day"),
])
def test_the_pane_lists_a_hyphened_span_after_the(text: str, listed: str, amount: float, unit: str) -> None:
    from kzeu_desk.core.value_parsing.document_values import find_values
    found = [value for value in find_values(text, "2026-03-01") if text[value.start:value.end] == listed]
    assert found, [text[value.start:value.end] for value in find_values(text, "2026-03-01")]
    assert (found[0].value.kind, found[0].value.amount, found[0].value.unit) == (ValueKind.QUANTITY, amount, unit)


def test_the_two_sides_stay_unlisted() -> None:
    from kzeu_desk.core.value_parsing.document_values import find_values
    assert find_values("The two sides met in Geneva for talks.", "2026-03-01") == []
