"""Units written another way beside the same or a changed figure (held-out round 40: "13,5 килограмма" ->
"12,9 кг", and rounds 38-39: "0,6 гектара" -> "0,8 га"). The kilogram was in the unit rule but the quick check
that a unit stands after a figure at all knew only "кг", so "килограмма" written out was never read as "kg".
A changed figure beside the unit is flagged and queued, never placed silently (issue #23)."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.anchor_review import needs_review
from kzeu_desk.core.reanchor import _units_alike
from tests.test_reanchor import flagged_or_orphaned, place

RU_OLD = ("Рюкзак «Тау 40»\n\nПараметры\n- Объем: 40 литров\n- Масса рюкзака: 2,4 килограмма\n"
          "- Материал: нейлон\n\nДоставка по городу бесплатная.\n")
RU_NEW = ("Рюкзак «Тау 40»\n\nПараметры\n• Объем: 40 литров\n• Масса рюкзака: 2,4 кг\n"
          "• Материал: нейлон рипстоп\n\nДоставка по городу бесплатная.\n")


def test_kilograms_written_out_and_abbreviated_read_alike():
    assert _units_alike("масса 0 килограмма,") == _units_alike("масса 0 кг,")
    assert _units_alike("масса # килограммов,") == _units_alike("масса # кг,")


def test_kilograms_abbreviated_are_the_same_passage():
    placement = place(RU_OLD, RU_NEW, "2,4 килограмма")
    assert placement.state is not AnchorState.ORPHANED, placement
    assert RU_NEW[placement.start:placement.end] == "2,4 кг"
    assert not placement.number_changed


def test_a_changed_weight_abbreviated_is_placed_flagged_and_queued():
    new = RU_NEW.replace("2,4 кг", "2,1 кг")
    placement = place(RU_OLD, new, "2,4 килограмма")
    assert placement.state is AnchorState.FUZZY, placement
    assert new[placement.start:placement.end] == "2,1 кг"
    assert placement.number_changed
    assert needs_review(placement.state, placement.score, placement.number_changed)


def test_a_weight_now_another_measure_is_never_placed_silently():
    flagged_or_orphaned(RU_OLD, RU_NEW.replace("Масса рюкзака: 2,4 кг", "Длина лямок: 2,1 м"), "2,4 килограмма")


RU_SHARE_OLD = ("Опрос родителей\n\nПо словам организаторов, примерно 40 процентов родителей хотели бы продленку. "
                "Остальные против.\n")
RU_SHARE_NEW = ("Опрос родителей (итоги)\n\nПо итогам анкетирования управления, примерно 35 % родителей хотели бы "
                "продленку.\n")


def test_a_changed_share_written_as_a_sign_counts_the_same_people_and_is_flagged():
    # The word after the figure is the unit, not the thing counted: "процентов" and "%" both count parents.
    placement = place(RU_SHARE_OLD, RU_SHARE_NEW, "примерно 40 процентов родителей")
    assert placement.state is AnchorState.FUZZY, placement
    assert RU_SHARE_NEW[placement.start:placement.end] == "примерно 35 % родителей"
    assert placement.number_changed
    assert needs_review(placement.state, placement.score, placement.number_changed)


def test_a_changed_share_of_other_people_is_never_placed_silently():
    flagged_or_orphaned(RU_SHARE_OLD, RU_SHARE_NEW.replace("35 % родителей", "35 % учителей"),
                        "примерно 40 процентов родителей")
