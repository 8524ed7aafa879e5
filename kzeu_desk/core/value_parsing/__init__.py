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
"""

from kzeu_desk.core.value_parsing.amounts import parse_amount_text
from kzeu_desk.core.value_parsing.dates import parse_date_text
from kzeu_desk.core.value_parsing.sentences import sentence_around, sentence_before, text_before
from kzeu_desk.core.value_parsing.suggestion import Suggestion, suggest, suggest_value

__all__ = ["Suggestion", "parse_amount_text", "parse_date_text", "sentence_around", "sentence_before", "suggest", "suggest_value", "text_before"]
