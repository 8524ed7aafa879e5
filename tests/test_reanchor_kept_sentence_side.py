"""A quote kept word for word, said once in each text, whose sentence still opens (or closes) with the
very words it had, is the same passage even when everything else around it was rewritten: a dateline
"Brussels, 3 June 2033" given "(re-issued 5 June 2033)" and a new headline, or "в 2031 году засуха
стоила аграриям …" -> "в 2031 году засуха обошлась аграриям …". Its prefix and suffix ran into the
rewritten lines, so their likeness (0.23-0.59) stayed below CONTEXT_AGREEMENT and the quote was
orphaned (held-out round 26, issue #23). Placed fuzzy, below REVIEW_BELOW: a curator confirms it."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.anchor_review import needs_review
from tests.test_reanchor import place

EN_OLD = ("NOTICE TO THE PRESS\nAstana, 14 March 2034\n\nTwo universities open a joint laboratory for soil science\n\n"
          "The laboratory will test samples from four regions and train twenty students a year.\n")
EN_NEW = ("NOTICE TO THE PRESS\nAstana, 14 March 2034 (corrected 16 March 2034)\n\nSoil laboratory to train "
          "students from six regions\n\nThis notice replaces the earlier one, which named the wrong partner.\n\n"
          "The laboratory will test samples from six regions and train thirty students a year.\n")


def _queued_at(old: str, new: str, quote: str) -> None:
    placement = place(old, new, quote)
    assert placement.state is not AnchorState.ORPHANED, placement
    assert new[placement.start:placement.end] == quote
    assert needs_review(placement.state, placement.score, placement.number_changed)


def test_a_dateline_kept_beside_a_new_note_is_placed_for_review():
    _queued_at(EN_OLD, EN_NEW, "14 March 2034")


RU_OLD = ("Прогноз нужен аграриям. Вспомните засухи. В 2030 году засуха стоила хозяйствам области около "
          "сорока миллиардов тенге. Теперь мы сможем предупредить их заранее.\n")
RU_NEW = ("- А чем это поможет сельскому хозяйству? - Возьмите, к примеру, прошлые годы. В 2030 году засуха "
          "обошлась крестьянам по нашим подсчетам в 52 млрд тенге*. Предупредив их, мы сбережем часть урожая.\n")


def test_a_word_whose_sentence_opening_stands_is_placed_for_review():
    _queued_at(RU_OLD, RU_NEW, "засуха")


def test_a_word_said_in_a_sentence_that_opens_otherwise_stays_orphaned():
    new = ("Чем поможет прогноз? Хозяйства региона потеряли урожай. Если снова придет засуха, мы предупредим "
           "заранее.\n")
    assert place(RU_OLD, new, "засуха").state is AnchorState.ORPHANED

