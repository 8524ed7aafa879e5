"""An amount in tenge written with the code before it or the word after it: "KZT 25,000" -> "25 000
tenge", "KZT 150 million" -> "150 million tenge" (held-out rounds 31, 32, 33), as "EUR 2.4 million" /
"2.4 million euro" already were. Compared as written, a quote of a code and a figure kept nothing of
itself and was orphaned; the word after the figure is now read as the code before it, and a changed
amount is still a changed figure, flagged (issue #23)."""

from __future__ import annotations

from kzeu_desk.core.folding import fold
from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.reanchor import _blanked
from tests.test_reanchor import flagged_or_orphaned, place


def test_the_tenge_word_after_a_figure_reads_as_its_code():
    assert _blanked(fold("a grant of KZT 40,000")) == _blanked(fold("a grant of 40 000 tenge"))
    assert _blanked(fold("грант KZT 2,5 млн")) == _blanked(fold("грант 2,5 млн тенге"))
    assert _blanked(fold("₸ 900 мың")) == _blanked(fold("900 мың теңге"))
    assert _blanked(fold("a grant of KZT 40,000")) != _blanked(fold("a grant of 40 000 euro"))


EN_OLD = ("Travel grants\n\nEach selected student receives KZT 40,000 towards travel costs. Applications close "
          "on 1 March.\n\nQuestions go to the organising committee.\n")


def test_an_amount_in_tenge_written_the_other_way_is_the_same_passage():
    new = EN_OLD.replace("KZT 40,000", "40 000 tenge").replace("close on", "must arrive by")
    placement = place(EN_OLD, new, "KZT 40,000")
    assert placement.state is not AnchorState.ORPHANED, placement
    assert new[placement.start:placement.end] == "40 000 tenge"
    assert not placement.number_changed


def test_an_amount_in_tenge_corrected_and_written_the_other_way_is_flagged():
    new = EN_OLD.replace("KZT 40,000", "45 000 tenge")
    flagged_or_orphaned(EN_OLD, new, "KZT 40,000")
    flagged_or_orphaned(EN_OLD, new, "receives KZT 40,000 towards travel costs")
