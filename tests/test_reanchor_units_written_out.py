"""Units of measure written out in one revision and abbreviated in the other, beyond those read alike
since round 27: the Kazakh "шақырым" for a kilometre ("210 шақырым" -> "210 км", open since round 29)
and an area in square kilometres ("2 300 квадратных километров" -> "2 300 км²", "1,200 square kilometres"
-> "1,200 km²", "шаршы шақырым"), read as one symbol of its own (never as a length in km). A passage whose
unit is only written another way is the same passage; a changed figure beside it is still flagged
(issue #23)."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import flagged_or_orphaned, place

KK_OLD = ("Жол жөндеуі\n\nБиыл облыстағы жергілікті жолдардың 85 шақырымы жөнделеді. Жұмыс мердігерлері "
          "конкурс арқылы таңдалады.\n\nАудан орталығына дейін 140 шақырым жол салынады.\n")
KK_NEW = ("Жол жөндеуі (жаңартылған)\n\nБиыл облыстағы жергілікті жолдардың 85 км-і жөнделеді. Мердігерлер "
          "ашық конкурс арқылы таңдалады.\n\nАудан орталығына дейін 140 км жол салынады.\n")

RU_OLD = ("Заповедник\n\nПлощадь заповедника составляет 1 450 квадратных километров. Здесь обитают сайгаки.\n\n"
          "Посещение возможно по пропускам.\n")
RU_NEW = ("Заповедник (обновлено)\n\nПлощадь заповедника составляет 1 450 км². Здесь обитают сайгаки и "
          "джейраны.\n\nПосещение возможно по электронным пропускам.\n")

EN_OLD = ("The park\n\nThe national park covers 1,200 square kilometres of steppe and lakes. It was founded in "
          "1998.\n\nEntry is free for children.\n")
EN_NEW = ("The park (revised)\n\nThe national park covers 1,200 km² of steppe and lakes. It was founded in "
          "1998 by a government decree.\n\nEntry is free for children under 12.\n")


def _placed_on(old: str, new: str, quote: str, expected: str) -> None:
    placement = place(old, new, quote)
    assert placement.state is not AnchorState.ORPHANED, placement
    assert new[placement.start:placement.end] == expected
    assert not placement.number_changed


def test_a_kazakh_shaqyrym_abbreviated_to_km_is_the_same_passage():
    _placed_on(KK_OLD, KK_NEW, "140 шақырым", "140 км")


def test_russian_square_kilometres_abbreviated_are_the_same_passage():
    _placed_on(RU_OLD, RU_NEW.replace("\u00a0", " "), "1 450 квадратных километров", "1 450 км²")


def test_english_square_kilometres_abbreviated_are_the_same_passage():
    _placed_on(EN_OLD, EN_NEW, "1,200 square kilometres", "1,200 km²")


def test_a_changed_area_beside_its_abbreviated_unit_is_flagged_or_orphaned():
    flagged_or_orphaned(EN_OLD, EN_NEW.replace("1,200 km²", "1,350 km²"), "1,200 square kilometres")


def test_an_area_is_not_a_length():
    # "1,200 km" is a distance, not the park's area: the quote is not that passage without a curator.
    new = EN_NEW.replace("covers 1,200 km² of steppe", "lies 1,200 km from the capital")
    placement = place(EN_OLD, new, "1,200 square kilometres")
    assert placement.state is AnchorState.ORPHANED or placement.state is AnchorState.FUZZY, placement
