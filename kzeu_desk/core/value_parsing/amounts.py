"""Amounts typed into the editor: `parse_amount_text` reads the whole field as exactly one value,
in the prose vocabulary plus the editor's own notations (signs, a leading minus, "[5, 7] million")."""

from __future__ import annotations

import re

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing.numbers import scan_numbers
from kzeu_desk.core.value_parsing.word_figures import scan_word_figures


def parse_amount_text(text: str) -> TypedValue | None:
    """Parse a value typed into the editor's amount field, or None if it is not exactly one value.

    Accepts the prose vocabulary of `suggest_value` plus editor shorthands: scientific
    notation ("160e9"), comparison signs (">160e9", "<77 billion USD", "≥ 5%", "~30 %"),
    a leading minus, ranges ("5–7 million", "between 5 and 7%", "[5, 7] million") and one
    free-form unit word ("400 observers"). A four-digit number is an amount here, never a year.
    Ranges carry lower and upper with amount None.
    """
    stripped = text.strip()
    if not stripped:
        return None
    bracketed = _parse_bracketed_range(stripped)
    if bracketed is not None:
        return bracketed
    negative = stripped[0] in "-−" and len(stripped) > 1 and (stripped[1].isdigit() or stripped[1] in "$€£₸₽")
    body = stripped[1:] if negative else stripped
    candidates = scan_numbers(body, strict=True) + scan_word_figures(body)
    whole = [candidate for candidate in candidates if candidate.start == 0 and candidate.end == len(body)]
    if len(whole) != 1:
        return None
    value = whole[0].value
    if negative:
        value = _negated(value)
    return value


def _negated(value: TypedValue) -> TypedValue:
    def flip(number: float | None) -> float | None:
        return -number if number is not None else None

    return value.with_changes(amount=flip(value.amount), lower=flip(value.upper), upper=flip(value.lower))


def _parse_bracketed_range(text: str) -> TypedValue | None:
    """"[5, 7] million", "[5; 7] USD", "[5 million, 7 million]": an interval in editor notation."""
    match = re.fullmatch(r"\[\s*(?P<inside>[^\[\]]+?)\s*\]\s*(?P<rest>.*)", text)
    if match is None:
        return None
    inside = match.group("inside")
    if ";" in inside:
        parts = inside.split(";")
    elif ", " in inside:
        parts = inside.split(", ")
    else:
        parts = inside.split(",")
    if len(parts) != 2:
        return None
    rest = match.group("rest")
    ends = [parse_amount_text(f"{part.strip()} {rest}".strip()) for part in parts]
    if any(end is None for end in ends):
        return None
    lower, upper = ends[0], ends[1]
    assert lower is not None and upper is not None  # for the type checker; checked above
    if (
        lower.kind is not upper.kind
        or lower.unit != upper.unit
        or lower.amount is None
        or upper.amount is None
        or lower.lower is not None
        or lower.upper is not None
        or upper.lower is not None
        or upper.upper is not None
        or lower.amount > upper.amount
    ):
        return None
    return TypedValue(kind=lower.kind, lower=lower.amount, upper=upper.amount, unit=lower.unit)
