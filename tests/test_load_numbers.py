"""Numbers in a JSON Lines file that a fact base cannot hold are refused, with the line named; the
largest and smallest that it can hold, and number-like text, are read as they are."""

from __future__ import annotations

import json

import pytest

from kzeu_desk.core.loading import checks


def careful(line: str) -> object:
    """The line parsed with every number checked, as the loader does."""
    return json.loads(line, parse_int=lambda text: checks._whole_number(1, text),
                      parse_float=lambda text: checks._finite_number(1, text),
                      parse_constant=lambda name: checks._no_constant(1, name))


@pytest.mark.parametrize(("line", "problem"), [
    ('{"type": "fact", "id": 9223372036854775808}', "the whole number 9223372036854775808 cannot be stored"),
    ('{"type": "fact", "id": -9223372036854775809}', "the whole number -9223372036854775809 cannot be stored"),
    ('{"type": "fact", "id": ' + "9" * 5000 + "}", "the whole number 99999999999999999999… cannot be stored"),
    ('{"type": "fact", "value_amount": 1e400}', "the number 1e400 is too large to be stored"),
    ('{"type": "fact", "value_amount": 2E+0308}', "the number 2E+0308 is too large to be stored"),
    ('{"type": "fact", "value_amount": ' + "9" * 400 + ".5}", "is too large to be stored"),
    ('{"type": "fact", "value_amount": NaN}', "NaN is not a number a fact base can hold"),
    ('{"type": "fact", "value_amount": -Infinity}', "-Infinity is not a number a fact base can hold"),
    ('{"type": "fact", "value_amount": [1, Infinity]}', "Infinity is not a number a fact base can hold"),
])
def test_numbers_a_fact_base_cannot_hold_are_refused(line, problem):
    with pytest.raises(checks._Problem) as refused:
        checks._parse_line(7, line)
    assert problem in refused.value.problem
    assert refused.value.line == 7


@pytest.mark.parametrize("line", [
    '{"id": 9223372036854775807, "low": -9223372036854775808}',  # the largest and smallest 64-bit integers
    '{"amount": 1.7976931348623157e308, "tiny": 5e-324, "zero": -0.0}',
    '{"title": "NaN and Infinity in a title are text", "note": "1234567890123456789012 digits in text"}',
    '{"title": "type2019 e100", "amount": 12.5e99}',
])
def test_numbers_within_range_are_read_as_they_are(line):
    assert checks._parse_line(1, line) == careful(line) == json.loads(line)


@pytest.mark.parametrize(("line", "problem"), [
    # Deep inside an audit image, where no schema field says a number belongs.
    ('{"type": "audit", "before": {"qualifiers": [{"amount": [1, 2, 18446744073709551616]}]}}',
     "the whole number 18446744073709551616 cannot be stored"),
    ('{"type": "audit", "after": {"v": [[[-1.5e309]]]}}', "the number -1.5e309 is too large to be stored"),
    ('{"type": "fact", "id": 1} {"type": "fact"}', "the line is not valid JSON (Extra data at column 27)"),
    ('{"type": "fact", "note": "\\ud800"}', "lone surrogate"),
    ("[" * 100_000 + "]" * 100_000, "nests lists or objects too deeply"),
])
def test_what_the_fast_parse_is_unsure_of_is_refused_as_the_careful_one_says(line, problem):
    with pytest.raises(checks._Problem) as refused:
        checks._parse_line(3, line)
    assert problem in refused.value.problem


@pytest.mark.parametrize("line", [
    '  {"type": "fact", "id": 1}  \n',  # blanks before the object: the careful parse reads it
    '{"type": "fact", "id": 1, "amount": -9.5e307, "tiny": 1e-400}\n',  # 1e-400 is 0.0: stored as such
    '[1, 2, 3]\n',  # not an object: read, and refused by the reader of records
    '{"type": "fact", "note": "\\ud83d\\ude00 paired"}',
])
def test_lines_the_fast_parse_passes_on_are_read_as_json_reads_them(line):
    assert checks._parse_line(1, line) == careful(line) == json.loads(line)
