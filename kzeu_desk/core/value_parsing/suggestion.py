"""Suggesting the typed value a curator means by a highlighted passage.

`suggest_value` reads prose (English, Russian, Kazakh) the way a curator would: it finds every
figure and date in the selection and returns the most salient one. `parse_amount_text` and
`parse_date_text` are the strict counterparts for the editor's input fields: the whole input
must be one value, otherwise they return None so the field can flag it.

Salience, best first (ties go to the earliest in the selection):
  1. money                         "exceeded US$160 billion"
  2. a percentage written in digits "about 30%"
  3. a percentage written as words  "one third"
  4. a quantity with substance      "about 3,000 companies", "180-fold", "800 million"
  5. a date                         "in 1996", "March 2020", "last year" (needs `published`)
  6. a bare number                  "29"
  7. a date that cannot be anchored to a year, as TEXT ("February 2" with no known year)
  8. the whole selection as TEXT
A bare number (no unit, scale, qualifier or currency) ranks below dates: beside a date it is
usually an article or clause number, and the date is what the curator highlighted.
"""

from __future__ import annotations

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing.dates import PROSE_DATE_PATTERNS, parse_publication, scan_dates
from kzeu_desk.core.value_parsing.numbers import scan_numbers
from kzeu_desk.core.value_parsing.word_figures import scan_word_figures


def suggest_value(selection: str, *, published: str | None = None) -> TypedValue:
    """Suggest the typed value a curator most likely means by highlighting `selection`.

    `published` is the source's publication date as a truncated ISO string; it anchors
    "last year", "this year", "in May" and "February 2". A month/day that cannot be anchored
    (no year in the text, `published` unknown) comes back as TEXT holding that phrase, since a
    DATE without a year cannot be represented. When nothing numeric or dated is found, the
    result is TEXT holding the stripped selection.
    """
    publication = parse_publication(published)
    stripped = selection.strip()
    date_candidates, masked = scan_dates(stripped, PROSE_DATE_PATTERNS, publication)
    candidates = date_candidates + scan_numbers(masked, strict=False) + scan_word_figures(masked)
    if not candidates:
        return TypedValue(kind=ValueKind.TEXT, text=stripped)
    best = min(candidates, key=lambda candidate: (candidate.salience, candidate.start))
    return best.value
