"""A unit abbreviated with its Kazakh case ending after a hyphen, and temperatures in degrees: "40
миллиметрге дейін" -> "60 мм-ге дейін", "10 сантиметрге" -> "15 см-ге", "+25 градусқа" -> "+27 °C-қа"
(held-out round 33). The written-out unit carried its case ending inside the word, the abbreviation
after a hyphen; read as "mm" against "mm-ге", and with "градус" no unit at all, a short quote lost a
third of itself and was orphaned. The ending after the hyphen is now part of the unit, and a degree
sign or word is one more unit; a changed figure beside it is still a changed figure, flagged (issue
#23)."""

from __future__ import annotations

from kzeu_desk.core.folding import fold
from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.reanchor import _blanked
from tests.test_reanchor import flagged_or_orphaned, place


def test_an_abbreviation_with_its_case_ending_reads_as_the_written_out_unit():
    assert _blanked(fold("жаңбыр 30 миллиметрге жетеді")) == _blanked(fold("жаңбыр 30 мм-ге жетеді"))
    assert _blanked(fold("қар 20 сантиметрден асады")) == _blanked(fold("қар 20 см-ден асады"))
    assert _blanked(fold("жол 12 километрге созылады")) == _blanked(fold("жол 12 км-ге созылады"))
    assert _blanked(fold("аяз 18 градусқа дейін")) == _blanked(fold("аяз 18 °C-қа дейін"))
    assert _blanked(fold("мороз до 18 градусов")) == _blanked(fold("мороз до 18 °C"))
    assert _blanked(fold("up to 18 degrees")) == _blanked(fold("up to 18 °C"))


def test_an_english_word_after_a_hyphen_is_not_an_ending():
    assert _blanked(fold("a 5 m-long wall")) != _blanked(fold("a 5 m wall"))


KK_OLD = ("Ауа райы болжамы. Ертең таулы аудандарда 30 миллиметрге дейін жаңбыр жауады. Түнде ауа температурасы "
          "+12 градусқа дейін төмендейді. Тұрғындар сақ болуы тиіс.\n")


def _placed_on(old: str, new: str, quote: str, expected: str, *, changed: bool) -> None:
    placement = place(old, new, quote)
    assert placement.state is not AnchorState.ORPHANED, placement
    assert new[placement.start:placement.end] == expected
    assert placement.number_changed is changed


def test_a_kazakh_unit_abbreviated_with_its_ending_is_the_same_passage():
    new = KK_OLD.replace("30 миллиметрге", "30 мм-ге").replace("Тұрғындар сақ", "Тұрғындар өте сақ")
    _placed_on(KK_OLD, new, "30 миллиметрге дейін жаңбыр", "30 мм-ге дейін жаңбыр", changed=False)


def test_a_kazakh_figure_corrected_with_its_unit_abbreviated_is_flagged():
    new = KK_OLD.replace("30 миллиметрге", "45 мм-ге").replace("+12 градусқа", "+9 °C-қа")
    flagged_or_orphaned(KK_OLD, new, "30 миллиметрге дейін жаңбыр")
    flagged_or_orphaned(KK_OLD, new, "+12 градусқа дейін")
    _placed_on(KK_OLD, new, "30 миллиметрге дейін жаңбыр", "45 мм-ге дейін жаңбыр", changed=True)
