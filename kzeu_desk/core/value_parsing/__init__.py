"""Turn text into a `TypedValue`: suggestions for a highlighted passage, and values typed by hand.

`suggest_value` reads prose (English, Russian, Kazakh) and returns the most salient figure or date
in it (`suggestion`); `parse_amount_text` (`amounts`) and `parse_date_text` (`dates`) are the
strict counterparts for the editor's input fields.

Inside: the words of the three languages are data in `date_words`, `figure_words` and `alphabet`;
`dates`, `numbers` (figures in digits) and `word_figures` (fractions and multipliers in words) scan
a text into `candidates`.
"""

from kzeu_desk.core.value_parsing.amounts import parse_amount_text
from kzeu_desk.core.value_parsing.dates import parse_date_text
from kzeu_desk.core.value_parsing.suggestion import suggest_value

__all__ = ["parse_amount_text", "parse_date_text", "suggest_value"]
