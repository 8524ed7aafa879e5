"""Every figure and date in a text, as `Candidate`s with spans into that text.

Ordinals that number a series ("the fifth round") are read first and blanked
(`spelled_ordinals`). Number words become digits then (`spelled_numbers`), so "twelve member states" and "24 years
ago" are read by the same readers as "12 member states" and "24 years ago"; dates are read next and
blanked, so their digits are not read again as amounts; then figures in digits and in words.
Spans are mapped back to the text as it was given.
"""

from __future__ import annotations

from dataclasses import replace

from kzeu_desk.core.value_parsing.candidates import Candidate
from kzeu_desk.core.value_parsing.date_scan import scan_dates, unanchored_phrase
from kzeu_desk.core.value_parsing.dates import Publication
from kzeu_desk.core.value_parsing.numbers import scan_numbers
from kzeu_desk.core.value_parsing.spelled_numbers import rewrite_number_words
from kzeu_desk.core.value_parsing.spelled_ordinals import scan_ordinals
from kzeu_desk.core.value_parsing.word_figures import scan_word_figures


def scan(text: str, publication: Publication | None) -> list[Candidate]:
    # Ordinals first, blanked in place (offsets unchanged), so "Двадцать первое" is not read as 20.
    ordinals, without_ordinals = scan_ordinals(text)
    rewritten = rewrite_number_words(without_ordinals)
    dates, masked = scan_dates(rewritten.text, publication)
    found = dates + scan_numbers(masked, strict=False) + scan_word_figures(masked)
    if not rewritten.replacements:
        return found + ordinals
    mapped = ordinals
    for candidate in found:
        start, end = rewritten.original_start(candidate.start), rewritten.original_end(candidate.end)
        if candidate.missing is not None:
            # The phrase is shown to the curator as the source wrote it ("three years ago").
            candidate = replace(candidate, value=unanchored_phrase(text[start:end]))
        mapped.append(replace(candidate, start=start, end=end))
    return mapped
