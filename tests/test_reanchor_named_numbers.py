"""A line or item named by its number ("entrance 1 — …", "Lot 3", "этап 2", "2-кезең") keeps that
number as its identity. When a schedule is turned round and every figure in it moves, the closest
line by its characters is another one ("entrance 4 — from 10 June to 1 July" for "entrance 1 — from 3
June to 24 June"), and placed there the dates read as corrected figures (held-out round 36). The
placement goes to the one line that still carries the name, fuzzy, queued and flagged, or the span is
orphaned; it never lands on a line named by another number."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.anchor_review import needs_review
from tests.test_reanchor import place, placed_for_review

RU_OLD = ("Ремонт кровли пройдет в три очереди.\n\nГрафик работ:\n"
          "— секция 1 — с 5 мая по 26 мая;\n— секция 2 — с 27 мая по 17 июня;\n— секция 3 — с 18 июня по 9 июля.\n\n"
          "Просим освободить чердаки заранее.\n")
RU_NEW = ("Ремонт кровли пройдет в три очереди, в обратном порядке.\n\nГрафик работ:\n"
          "— секция 3 — с 12 мая по 2 июня;\n— секция 2 — с 3 июня по 24 июня;\n— секция 1 — с 25 июня по 16 июля.\n\n"
          "Просим освободить чердаки заранее.\n")

EN_OLD = ("The auction is held on 4 March.\n\nLot 1 — 12 tonnes of wheat, starting price 40,000 tenge.\n"
          "Lot 2 — 8 tonnes of barley, starting price 25,000 tenge.\n\nBids are accepted until noon.\n")
EN_NEW = ("The auction is postponed to 11 March.\n\nLot 2 — 9 tonnes of barley, starting price 27,000 tenge.\n"
          "Lot 5 — 14 tonnes of wheat, starting price 46,000 tenge.\n\nBids are accepted until noon.\n")


def test_a_russian_line_named_by_its_number_follows_its_name_when_the_schedule_is_turned_round():
    placement = placed_for_review(RU_OLD, RU_NEW, "секция 1 — с 5 мая по 26 мая", "секция 1 — с 25 июня по 16 июля")
    assert placement.number_changed


def test_the_middle_line_keeps_its_own_number_too():
    placement = place(RU_OLD, RU_NEW, "секция 2 — с 27 мая по 17 июня")
    assert placement.state is AnchorState.ORPHANED or (
        RU_NEW[placement.start:placement.end] == "секция 2 — с 3 июня по 24 июня" and placement.number_changed
        and needs_review(placement.state, placement.score, placement.number_changed)), placement


def test_a_lot_whose_number_is_gone_is_never_placed_on_another_lot():
    placement = place(EN_OLD, EN_NEW, "Lot 1 — 12 tonnes of wheat, starting price 40,000 tenge")
    assert placement.state is AnchorState.ORPHANED, EN_NEW[placement.start:placement.end]


def test_a_kazakh_stage_named_by_its_ordinal_is_not_placed_on_another_stage():
    old = "Жоба екі кезеңмен жүзеге асады.\n\n1-кезең: 2036 жылғы наурыз бен мамыр аралығы.\n2-кезең: 2036 жылғы маусым.\n"
    new = "Жоба екі кезеңмен жүзеге асады.\n\n2-кезең: 2037 жылғы наурыз бен мамыр аралығы.\n"
    placement = place(old, new, "1-кезең: 2036 жылғы наурыз бен мамыр аралығы")
    assert placement.state is AnchorState.ORPHANED, new[placement.start:placement.end]


def test_a_line_whose_number_stands_keeps_its_place_with_its_corrected_figure():
    new = EN_OLD.replace("12 tonnes", "13 tonnes")
    placement = placed_for_review(EN_OLD, new, "Lot 1 — 12 tonnes of wheat", "Lot 1 — 13 tonnes of wheat")
    assert placement.number_changed
