"""A figure written in words corrected, with the word it counts, while the words around it stand: "один
раз в три года" -> "один раз в пять лет" (held-out round 27), "үш жылда бір рет" -> "бес жылда бір рет",
"every two years" -> "every five years". Neither the letters ("года" -> "лет") nor the figure's shape
(words, not digits) let any earlier step find it, so it was orphaned. Found now where the words of its
own paragraph before it and the words after it stand, once, with a figure between them where the quote
had another: fuzzy, flagged "number changed" and waiting for a curator (issue #23)."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

RU_OLD = ("Правила проверки\n\n4. Комиссия формируется приказом руководителя.\n5. Проверка проводится один раз в "
          "два года, а также после ремонта здания.\n6. Результаты публикуются.\n")
RU_NEW = ("Правила проверки\n\n4. Комиссия формируется приказом руководителя организации.\n5. Проверка проводится "
          "один раз в пять лет, а также после ремонта здания.\n6. Результаты публикуются на сайте.\n")

KK_OLD = ("Тексеру қағидалары\n\n4. Комиссияны басшы құрады.\n5. Тексеру үш жылда бір рет, сондай-ақ ғимарат "
          "жөнделгеннен кейін жүргізіледі.\n6. Нәтижелер жарияланады.\n")
KK_NEW = ("Тексеру қағидалары\n\n4. Комиссияны ұйым басшысы құрады.\n5. Тексеру бес жылда бір рет, сондай-ақ ғимарат "
          "жөнделгеннен кейін жүргізіледі.\n6. Нәтижелер сайтта жарияланады.\n")

EN_OLD = ("Inspection rules\n\n4. The panel is appointed by the director.\n5. Buildings are inspected every two "
          "years, and after any major repair.\n6. Results are published.\n")
EN_NEW = ("Inspection rules\n\n4. The panel is appointed by the director general.\n5. Buildings are inspected "
          "every five years, and after any major repair.\n6. Results are published online.\n")


def test_a_russian_period_in_words_corrected_is_placed_flagged():
    placement = placed_for_review(RU_OLD, RU_NEW, "один раз в два года", "один раз в пять лет")
    assert placement.number_changed


def test_a_kazakh_period_in_words_corrected_is_placed_flagged():
    placement = placed_for_review(KK_OLD, KK_NEW, "үш жылда бір рет", "бес жылда бір рет")
    assert placement.number_changed


def test_an_english_period_in_words_corrected_is_placed_flagged():
    placement = placed_for_review(EN_OLD, EN_NEW, "every two years", "every five years")
    assert placement.number_changed


def test_with_the_words_after_it_rewritten_it_is_not_placed():
    new = RU_NEW.replace("один раз в пять лет, а также после ремонта здания.", "один раз в пять лет по решению комиссии.")
    assert place(RU_OLD, new, "один раз в два года").state is AnchorState.ORPHANED or place(
        RU_OLD, new, "один раз в два года").number_changed
