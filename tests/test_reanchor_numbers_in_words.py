"""A number written in words against digits inside a quote whose other words stand ("семи" -> "7",
"eleven" -> "11", "тоғыз" -> "9") beside a name said short. Alone, such a number is read alike already (a
figure written in words); beside another word said another way the quote was orphaned ("5 студентов
Казахского национального университета" -> "пять студентов КазНУ", round 32). The same value is placed
fuzzy and queued; another value is a changed figure, flagged (issue #23, rshort)."""

from __future__ import annotations

from tests.test_reanchor import placed_for_review

RU_OLD = ("Объявление\n\nПомогали семь волонтеров Общества Красного Полумесяца, занятия проходят по средам.\n\n"
          "Запись открыта до конца месяца.\n")
RU_NEW = ("Объявление (обновлено)\n\nПомогали 7 волонтеров ОКП, занятия проходят по средам и пятницам.\n\n"
          "Запись открыта до 30 сентября.\n")

EN_OLD = ("Club news\n\nLast week eleven experts of the World Health Organization visited the clinic.\n\n"
          "Training resumes in June.\n")
EN_NEW = ("Club news (corrected)\n\nLast week 12 experts of the WHO visited the clinic.\n\n"
          "Training resumes in July.\n")

KK_OLD = ("Ауыл жаңалықтары\n\nБиыл 9 отбасы Халықаралық Қызыл Жарты Ай қоғамының көмегімен көшті, келесі жылы "
          "тағы құрылыс басталады.\n\nМектеп жөндеуден өтті.\n")
KK_NEW = ("Ауыл жаңалықтары (жаңартылған)\n\nБиыл тоғыз отбасы ХҚЖА қоғамының көмегімен көшті, келесі жылы тағы "
          "құрылыс басталады.\n\nМектеп пен аурухана жөндеуден өтті.\n")


def test_numbers_in_words_written_as_digits_are_placed_for_review():
    placement = placed_for_review(RU_OLD, RU_NEW, "семь волонтеров Общества Красного Полумесяца", "7 волонтеров ОКП")
    assert not placement.number_changed


def test_digits_written_as_a_kazakh_number_word_are_placed_for_review():
    placement = placed_for_review(KK_OLD, KK_NEW, "9 отбасы Халықаралық Қызыл Жарты Ай қоғамының",
                                  "тоғыз отбасы ХҚЖА қоғамының")
    assert not placement.number_changed


def test_a_number_word_written_as_another_value_is_flagged():
    placement = placed_for_review(EN_OLD, EN_NEW, "eleven experts of the World Health Organization",
                                  "12 experts of the WHO")
    assert placement.number_changed
