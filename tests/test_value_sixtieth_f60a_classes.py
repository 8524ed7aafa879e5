"""The classes of the English misses of sets 60 and 61 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest
from kzeu_desk.core.value_parsing.document_values import find_values

# (highlight, its sentence, the curator's value)
RATES_WITH_A_SLASH = [
    # A yield, a dose or a throughput written with a slash is one unit, as "km/h" is.
    ("3.4 t/ha", "Barley on the trial plots yielded 3.4 t/ha after the late rains.", quantity(3.4, "t/ha")),
    ("120 kg/ha", "The agronomist spread 120 kg/ha of ammonium nitrate in April.", quantity(120, "kg/ha")),
    ("9.5 l/ha", "The new sprayer used 9.5 l/ha of diesel on the stubble.", quantity(9.5, "l/ha")),
    ("45 t/h", "The mill's new line grinds 45 t/h of maize.", quantity(45, "t/h")),
    # Guards: a volume an hour (read before), a speed and bare tonnes stay as they were.
    ("300 m³/h", "Each pump lifts 300 m³/h from the canal.", quantity(300, "m³/h")),
    ("90 km/h", "The limit on the ring road is 90 km/h.", quantity(90, "km/h")),
    ("45 t", "The lorry carried 45 t of sugar beet.", quantity(45, "t")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), RATES_WITH_A_SLASH,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(RATES_WITH_A_SLASH)])
def test_a_rate_written_with_a_slash_is_one_unit(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


HOURS_AND_MINUTES = [
    # One duration said in hours and minutes is recorded in minutes, its bound word kept.
    ("about 1 hour 40 minutes", "The guided walk takes about 1 hour 40 minutes.", quantity(100, "minutes", approximate=True)),
    ("3 hours and 5 minutes", "The final lasted 3 hours and 5 minutes.", quantity(185, "minutes")),
    ("over 2 hours 15 minutes", "Queues at the border reached over 2 hours 15 minutes.",
     quantity(135, "minutes", lower=135)),
    # Guard: hours alone stay hours.
    ("4 hours", "The ferry crossing takes 4 hours.", quantity(4, "hours")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), HOURS_AND_MINUTES,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(HOURS_AND_MINUTES)])
def test_hours_and_minutes_are_added_up_in_minutes(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


AN_AGE_AFTER_OVER = [
    # "over N years old" is an age above N, even after another figure in the clause.
    ("over 40 years", "Of the 120 vines in the plot, a dozen were over 40 years old.", quantity(40, "years", lower=40)),
    ("over 6 months", "Of the 25 calves, nine are over 6 months old.", quantity(6, "months", lower=6)),
    # Guard: a span after a clause with its figure is still how long.
    ("over three years", "The city will install 40 stations over three years.", quantity(3, "years")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), AN_AGE_AFTER_OVER,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(AN_AGE_AFTER_OVER)])
def test_over_before_an_age_is_more_than(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


COMPARATIVES_AND_STATES = [
    # A comparative of size or age, and an animal's state, are not what is counted.
    ("two", "The hospital closed two older wards last winter.", count(2, "wards")),
    ("three", "The town built three larger halls for the fair.", count(3, "halls")),
    ("40", "The flock had 40 pregnant ewes in March.", count(40, "ewes")),
    # Guard: a compound noun keeps its first noun.
    ("12", "The board approved 12 investment projects.", count(12, "investment projects")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), COMPARATIVES_AND_STATES,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(COMPARATIVES_AND_STATES)])
def test_comparatives_and_an_animals_state_are_not_counted(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


A_FARMS_SIZE_IN_ITS_ANIMALS = [
    # "a 600-sow unit" is the size of a farm in the animals it keeps, counted in the plural as "a 312-room resort" is.
    ("600-sow", "The cooperative runs a 600-sow unit near the river.", count(600, "sows")),
    ("2,500-ewe", "He took over a 2,500-ewe flock from his uncle.", count(2500, "ewes")),
    ("40,000-hen", "A 40,000-hen barn opened outside the village.", count(40000, "hens")),
    # Guard: a measure made an adjective keeps its unit as written.
    ("8,000-litre", "The farm bought an 8,000-litre milk tank.", quantity(8000, "litre")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), A_FARMS_SIZE_IN_ITS_ANIMALS,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(A_FARMS_SIZE_IN_ITS_ANIMALS)])
def test_a_farms_size_in_its_animals_is_a_count(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


A_GAPPED_LIST = [
    # A bare figure after a comma or "and", with the preposition the list's first figure had after its unit, is the
    # next item of that list, in that unit.
    ("455", "Our pupils averaged 480 points in geometry, 455 in algebra and 470 in statistics.", quantity(455, "points")),
    ("470", "Our pupils averaged 480 points in geometry, 455 in algebra and 470 in statistics.", quantity(470, "points")),
    ("11", "Wheat yields rose 14 centners in Akmola, 11 in Kostanay and 9 in Pavlodar.", quantity(11, "centners")),
    ("9", "Wheat yields rose 14 centners in Akmola, 11 in Kostanay and 9 in Pavlodar.", quantity(9, "centners")),
    # Guards: an item in a plain count list keeps its noun, and a figure with no list before it has no unit to borrow.
    ("3", "The hotel offers 120 rooms in the main building and 3 in the annex.", count(3, "rooms")),
    ("512", "The class scored 512 in reading.", quantity(512, None)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), A_GAPPED_LIST,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(A_GAPPED_LIST)])
def test_a_bare_item_of_a_list_takes_the_unit_of_its_first_figure(selection: str, context: str,
                                                                  expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


PLACES_NAMED_FOR_WHAT_IS_DONE_THERE = [
    # A gerund naming what is done at a place or with a thing makes one noun with it, as "parking spaces" does.
    ("three", "The lake has three spawning grounds.", count(3, "spawning grounds")),
    ("12", "The office has 12 docking stations for laptops.", count(12, "docking stations")),
    ("two", "The recycling plant runs two sorting lines.", count(2, "sorting lines")),
    ("four", "The boarding school has four dining halls.", count(4, "dining halls")),
    ("five", "The coast guard patrols five landing beaches.", count(5, "landing beaches")),
    # Guard: "existing" says which of the things, not what they are.
    ("three", "The company closed three existing plants.", count(3, "plants")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), PLACES_NAMED_FOR_WHAT_IS_DONE_THERE,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(PLACES_NAMED_FOR_WHAT_IS_DONE_THERE)])
def test_a_gerund_naming_a_place_is_part_of_the_counted_noun(selection: str, context: str,
                                                              expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


PANE_HOURS_AND_MINUTES = [
    # The Candidates pane lists a duration in hours and minutes as one candidate in minutes, as Ctrl+N reads it.
    ("The guided tour lasts about 1 hour 40 minutes, with a break of 15 minutes.", "about 1 hour 40 minutes",
     quantity(100, "minutes", approximate=True)),
    ("By coach the trip took 6 hours and 25 minutes.", "6 hours and 25 minutes", quantity(385, "minutes")),
]


@pytest.mark.parametrize(("text", "phrase", "expected"), PANE_HOURS_AND_MINUTES,
                         ids=[case[1] for case in PANE_HOURS_AND_MINUTES])
def test_the_pane_lists_hours_and_minutes_as_one_duration(text: str, phrase: str, expected: TypedValue) -> None:
    listed = {text[found.start:found.end]: found.value for found in find_values(text, "2026-05-14")}
    assert phrase in listed, listed
    same(listed[phrase], expected)
    # Guard: a duration in minutes alone, and hours with nothing after them, are listed as they were.
    three = find_values("The queue took 3 hours; the check took 20 minutes.", "2026-05-14")
    assert [(found.value.amount, found.value.unit) for found in three] == [(3.0, "hours"), (20.0, "minutes")]
