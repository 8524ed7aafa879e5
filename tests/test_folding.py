"""Typography folded for matching, with every offset taken back into the real text."""

from __future__ import annotations

import random
import unicodedata

from kzeu_desk.core.folding import FoldedText, fold


def test_typography_folds_to_one_form():
    assert fold("Kazakhstan’s “key” partner — 3\u00a0000  tonnes…") == "kazakhstan's 'key' partner - 3 000 tonnes..."
    assert fold("«Партнёрство»") == fold('"партнерство"') == "'партнерство'"
    assert fold(unicodedata.normalize("NFD", "Šefčovič й ё")) == fold("Sefcovic й е") == "sefcovic й е"
    assert fold("министрлiгi") == fold("министрлігі")  # a Latin i typed for the Kazakh і
    assert fold("soft\u00adhyphen zero\u200bwidth") == "softhyphen zerowidth"
    assert fold("İstanbul") == "istanbul"  # the dot is a diacritic; one code point for one


def test_a_line_wrapped_inside_a_paragraph_is_a_space_but_paragraphs_headings_and_lists_stay_apart():
    wrapped = ("Стороны обсудили выполнение торговых положений Соглашения о  \n"
               "расширенном партнерстве и сотрудничестве.\n\nNext paragraph.")
    assert fold(wrapped) == fold("Стороны обсудили выполнение торговых положений Соглашения о "
                                 "расширенном партнерстве и сотрудничестве.\n\nNext paragraph.")
    assert fold("a line long enough to have been wrapped by a PDF\r\nwriter") == (
        "a line long enough to have been wrapped by a pdf writer")
    # Lines shorter than a wrapped one (a list of links, a heading, an address), and bullets, end lines.
    assert fold("See also\nForeign relations of Kazakhstan\nForeign relations of the EU") == (
        "see also\nforeign relations of kazakhstan\nforeign relations of the eu")
    assert fold("The Parties agreed on the following points of the work plan:\n- trade") == (
        "the parties agreed on the following points of the work plan:\n- trade")
    # At the edge of a string nothing says what lies beyond: left as it is.
    assert fold("\nstarts") == "\nstarts"
    folded = FoldedText("x" * 45 + "  \n y")
    assert folded.folded == "x" * 45 + " y"
    assert folded.real_start(46) == 49 and folded.real_end(45) == 45


def test_offsets_go_back_to_the_real_text_whatever_changed_length():
    rng = random.Random(3)
    pieces = ["word", " ", "\u00a0", "  ", "й", unicodedata.normalize("NFD", "й"), "…", "\u00ad", "’", "ﬁ", "Ё", "x"]
    for _ in range(300):
        real = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        folded = FoldedText(real)
        assert folded.folded == fold(real)
        for start in range(len(folded.folded) + 1):
            for end in range(start, len(folded.folded) + 1):
                real_start, real_end = folded.real_start(start), folded.real_end(end)
                assert 0 <= real_start <= len(real)
                if start < end:
                    assert real_start < real_end
                # The real span folds to at least the folded one: nothing is cut off.
                assert folded.folded[start:end] in fold(real[real_start:max(real_start, real_end)])


def test_a_decomposed_letter_is_never_cut_from_its_accents():
    real = unicodedata.normalize("NFD", "партнёрство и сырьё")
    folded = FoldedText(real)
    start = folded.folded.index("сырье")
    span = real[folded.real_start(start):folded.real_end(start + len("сырье"))]
    assert span == unicodedata.normalize("NFD", "сырьё")
    assert folded.folded_offset(real.index("сырь")) == start
