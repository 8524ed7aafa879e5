"""Figures whose unit is written another way beside the same value: "15 процентов" and "15%",
"48 тысяч" and "48 тыс.", "3.1 million euro" and "€3.1 million", "12 percent" and "12 %", "7 пайыз"
and "7%". The figure is the same claim; the quote and its surroundings are compared with the unit
written one way (issue #23)."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place


def _placed_at(old: str, new: str, quote: str, expected: str) -> None:
    placement = place(old, new, quote)
    assert placement.state is not AnchorState.ORPHANED, placement
    assert new[placement.start:placement.end] == expected
    assert not placement.number_changed
    # Not the same words: never a silent "moved", always a fuzzy match with its score.
    assert placement.state is AnchorState.FUZZY


RU_OLD = ("Отчет библиотеки\n\nВопрос: Сколько читателей пришло в зал в прошлом году?\n\n"
          "Ответ: Если честно, мы приняли около 36 тысяч читателей. Это примерно на 12 процентов больше, "
          "чем годом раньше. Половина из них студенты.\n")
RU_NEW = ("Отчет библиотеки\n\n- Сколько читателей пришло в зал в прошлом году?\n\n"
          "- Мы приняли около 36 тыс. читателей - примерно на 12% больше, чем годом раньше. "
          "Половина из них студенты.\n")


def test_a_percent_written_as_a_word_is_found_as_a_sign():
    _placed_at(RU_OLD, RU_NEW, "12 процентов", "12%")


def test_a_scale_word_abbreviated_is_the_same_figure_whatever_its_neighbours_units():
    # Its suffix "... на 12 процентов" became "... на 12%": the context agrees once units are read alike.
    _placed_at(RU_OLD, RU_NEW, "36 тысяч", "36 тыс")


EN_OLD = ("Coaches' camp report. The ministry said the camp will cost 3.1 million euro in total, "
          "paid over two seasons. Girls made up 41 percent of the players this year, the organisers said.\n")
EN_NEW = ("Coaches' camp report. The ministry said the camp will cost €3.1 million in total, "
          "paid over two seasons. Girls made up 41 % of the players this year, the organisers said.\n")


def test_a_currency_word_after_the_figure_is_its_sign_before_it():
    _placed_at(EN_OLD, EN_NEW, "3.1 million euro", "€3.1 million")


def test_an_english_percent_word_is_its_sign():
    _placed_at(EN_OLD, EN_NEW, "41 percent", "41 %")


KK_OLD = ("Жоба туралы хабар. Биыл маршруттарға 5 мың турист келді. Олардың 7 пайызы шетелдіктер болды. "
          "Келесі жылы жаңа маршрут ашылады.\n")
KK_NEW = ("Жоба туралы хабар. Биыл маршруттарға 5 мыңдай турист келді, олардың 7%-ы шетелдіктер. "
          "Келесі жылы жаңа маршрут ашылады.\n")


def test_a_kazakh_percent_word_is_its_sign():
    _placed_at(KK_OLD, KK_NEW, "7 пайызы", "7%-ы")


def test_a_figure_whose_value_changed_with_its_unit_is_still_flagged():
    placement = place(EN_OLD, EN_NEW.replace("41 %", "44 %"), "41 percent")
    assert placement.state is AnchorState.ORPHANED or placement.number_changed


def test_a_percent_is_not_a_plain_count():
    # "12 процентов" is not "12 читателей": another unit is another claim.
    new = RU_NEW.replace("на 12% больше", "на 12 читателей больше")
    placement = place(RU_OLD, new, "12 процентов")
    assert placement.state is AnchorState.ORPHANED
