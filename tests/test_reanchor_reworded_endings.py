"""A short quote whose sentence was turned from passive to active around it: the sentence keeps its
words with other endings ("Программой развития ООН" -> "Программа развития ООН"), which, compared
word for word, looked like another sentence (issue #23)."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place

OLD = ("Новости района. В 2029 году Европейский союз запускает проект «Чистая вода» стоимостью 5 млн евро для 12 "
       "сел. Проект будет реализован Детским фондом ООН (ЮНИСЕФ) совместно с Министерством водных ресурсов.\n\n"
       "«Вода важна для всех», — сказал представитель фонда.\n")
NEW = ("Новости района. В 2029 году Европейский союз запускает проект «Чистая вода» стоимостью 5 млн евро. Он охватит "
       "12 сел. Проект реализует Детский фонд ООН (ЮНИСЕФ) совместно с Министерством водных ресурсов.\n\n"
       "Первыми трубы получат Жамбылская и Кызылординская области.\n")
QUOTE = "совместно с Министерством водных ресурсов"


def test_a_short_quote_in_its_sentence_with_other_endings_is_found():
    placement = place(OLD, NEW, QUOTE)
    assert placement.state is not AnchorState.ORPHANED
    assert NEW[placement.start:placement.end] == QUOTE


def test_the_same_words_in_a_sentence_with_another_subject_are_not_taken():
    other = NEW.replace("Проект реализует Детский фонд ООН (ЮНИСЕФ) совместно с Министерством водных ресурсов.",
                        "Отдельный отчет о засухе готовит аудиторская палата совместно с Министерством водных ресурсов.")
    assert place(OLD, other, QUOTE).state is AnchorState.ORPHANED
