"""Turn text into a `TypedValue`: suggestions for a highlighted passage, and values typed by hand.

`suggest` reads prose (English, Russian, Kazakh) and returns the most salient figure or date in it,
with a note when it needs the source's publication date (`suggestion`); `parse_amount_text`
(`amounts`) and `parse_date_text` (`dates`) are the strict counterparts for the editor's input fields.

Inside: the words of the three languages are data in `date_words`, `figure_words`, `number_words`,
`counted_words` and `alphabet`. `scanning` runs the readers over a text: `spelled_numbers` turns
number words into digits, `date_scan` reads dates (`dates`, `date_ranges`, `relative_dates`),
`numbers` reads figures in digits with what they count (`counted_nouns`), and `word_figures`
reads fractions and multipliers in words; each yields `candidates`. `previous_sentence` lets a bare
number count what the sentence before named ("… three projects. Another seven …").

The names below are imported when first asked for, not with the package: importing one word list
(`number_words`, which re-anchoring reads at start-up) would otherwise compile every reader's
patterns, 0.6-0.9 s of CPU (7 Dec, ~1,150 patterns) before the workspace could show.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kzeu_desk.core.value_parsing.amounts import parse_amount_text
    from kzeu_desk.core.value_parsing.dates import parse_date_text
    from kzeu_desk.core.value_parsing.sentences import sentence_around, sentence_before, text_before
    from kzeu_desk.core.value_parsing.suggestion import Suggestion, suggest, suggest_value

_MODULE_OF = {
    "parse_amount_text": "amounts", "parse_date_text": "dates", "sentence_around": "sentences",
    "sentence_before": "sentences", "text_before": "sentences", "Suggestion": "suggestion", "suggest": "suggestion",
    "suggest_value": "suggestion",
}

__all__ = ["Suggestion", "parse_amount_text", "parse_date_text", "sentence_around", "sentence_before", "suggest", "suggest_value", "text_before"]


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
