"""A unit of measure abbreviated or written out beside an unchanged figure: "не менее 90 сантиметров"
-> "не менее 90 см" (held-out round 27), "below 3,500 metres" -> "below 3,500 m", "ені 120 сантиметр" ->
"ені 120 см". Compared letter for letter a short quote lost a third of itself and was orphaned, as
"15 процентов" / "15%" was before percent signs were read alike. The unit right after a figure is now
read as one symbol on both sides, so the passage is found where it stands; a changed figure beside the
same unit is still a changed figure (issue #23)."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import flagged_or_orphaned, place

RU_OLD = ("Требования к входу\n\nШирина дверного проема должна составлять не менее 90 сантиметров. Пороги "
          "не допускаются.\n\nПандус оборудуется поручнями.\n")
RU_NEW = ("Требования к входу\n\nШирина дверного проема должна составлять не менее 90 см. Пороги не "
          "допускаются, кроме случаев реконструкции.\n\nПандус оборудуется поручнями с двух сторон.\n")

EN_OLD = ("Field season\n\nThe team surveyed eleven glaciers. Small glaciers below 3,500 metres lost most of "
          "their mass.\n\nThe next survey is planned for the summer.\n")
EN_NEW = ("Field season\n\nThe team surveyed eleven glaciers in the Ile Alatau. Small glaciers below 3,500 m lost "
          "most of their mass.\n\nThe next survey is planned for July.\n")

KK_OLD = ("Кіреберіс талаптары\n\nЕсіктің ені 120 сантиметр болуы тиіс. Табалдырық болмауы керек.\n\n"
          "Пандус тұтқалармен жабдықталады.\n")
KK_NEW = ("Кіреберіс талаптары\n\nЕсіктің ені 120 см болуы тиіс. Табалдырыққа жол берілмейді.\n\n"
          "Пандус екі жағынан тұтқалармен жабдықталады.\n")


def _placed_on(old: str, new: str, quote: str, expected: str) -> None:
    placement = place(old, new, quote)
    assert placement.state is not AnchorState.ORPHANED, placement
    assert new[placement.start:placement.end] == expected
    assert not placement.number_changed


def test_a_russian_unit_abbreviated_beside_its_figure_is_the_same_passage():
    _placed_on(RU_OLD, RU_NEW, "не менее 90 сантиметров", "не менее 90\u00a0см".replace("\u00a0", " "))


def test_an_english_unit_abbreviated_beside_its_figure_is_the_same_passage():
    _placed_on(EN_OLD, EN_NEW, "below 3,500 metres", "below 3,500 m")


def test_a_kazakh_unit_abbreviated_beside_its_figure_is_the_same_passage():
    _placed_on(KK_OLD, KK_NEW, "ені 120 сантиметр", "ені 120 см")


def test_a_unit_abbreviated_beside_a_changed_figure_is_flagged_or_orphaned():
    flagged_or_orphaned(RU_OLD, RU_NEW.replace("90 см", "100 см"), "не менее 90 сантиметров")
