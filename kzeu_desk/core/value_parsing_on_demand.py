"""Reading typed dates and amounts, with value parsing imported on the first call.

`core.value_parsing` compiles ~290 regular expressions when imported (0.1 s of CPU); the fields
and checks that parse what a curator types are built at start-up but called later, so they call
through here and start-up does not pay for it (docs/PERFORMANCE.md §13).
"""

from __future__ import annotations

from kzeu_desk.core.typed_value import TypedValue


def parse_date_text(text: str) -> str | None:
    from kzeu_desk.core.value_parsing import parse_date_text as parse

    return parse(text)


def parse_amount_text(text: str) -> TypedValue | None:
    from kzeu_desk.core.value_parsing import parse_amount_text as parse

    return parse(text)
