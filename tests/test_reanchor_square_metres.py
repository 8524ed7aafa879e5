"""An area in square metres written another way ("45 квадратных метров" / "45 м²", "80 шаршы метр" / "80 м²",
"30 square metres" / "30 m²") is the same claim, read as one unit and never as a length in metres (held-out
round 36: "60 квадратных метров" -> "60 м²", "160 шаршы метр" -> "160 м²", both orphaned before)."""

from __future__ import annotations

from kzeu_desk.core.reanchor import _units_alike
from tests.test_reanchor import place

RU_OLD = ("Новая прачечная откроется в подвале третьего корпуса. Ее площадь — 45 квадратных метров, "
          "в ней поставят шесть машин. Вход со стороны двора.\n")
RU_NEW = ("Новая прачечная откроется в подвале третьего корпуса в октябре. Ее площадь — 45 м², "
          "в ней поставят шесть стиральных машин. Вход со стороны двора.\n")


def test_square_metres_written_out_and_as_a_symbol_read_alike():
    assert _units_alike("площадь 0 квадратных метров,") == _units_alike("площадь 0 м²,")
    assert _units_alike("area 0 square metres,") == _units_alike("area 0 m²,")
    assert _units_alike("длина 0 метров,") != _units_alike("длина 0 м²,")


def test_a_russian_area_written_as_a_symbol_is_placed():
    placement = place(RU_OLD, RU_NEW, "45 квадратных метров")
    assert placement.start is not None and RU_NEW[placement.start:placement.end] == "45 м²", placement
    assert not placement.number_changed
