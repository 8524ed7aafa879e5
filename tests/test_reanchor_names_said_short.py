"""A name written short inside a quote whose other words stand: a Kazakh abbreviation taking its case
ending after a hyphen ("Еуропалық одақтың" -> "ЕО-ның", "БҰҰ Даму бағдарламасының" -> "БҰҰДБ-ның"), a name
quoted with its own abbreviation in brackets written as the abbreviation alone ("… банкі (ЕҚДБ)" ->
"ЕҚДБ"), and a name written short in a sentence cut right after it, its opening kept ("… программы
Европейского союза «…», которая …" -> "… программы ЕС «…»."). Held-out rounds 30 and 31 orphaned them:
the word index reads "-ның" as a word of its own, the bracketed letters spell no words one by one, and a
sentence cut after the quote left its suffix too little alike. Each is placed fuzzy and queued (issue #23)."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

KK_OLD = ("Ауыл жаңалықтары\n\nКітапхана Еуропалық одақтың қолдауымен жөнделді. Жұмысқа жергілікті шеберлер "
          "қатысты.\n\nАшылу салтанаты сенбіде өтеді.\n")
KK_NEW = ("Ауыл жаңалықтары (толықтырылған)\n\nАудандық кітапхана ЕО-ның қолдауымен жөнделді. Жұмысқа он екі "
          "жергілікті шебер қатысты.\n\nАшылу салтанаты жексенбіде өтеді.\n")

KK_BANK_OLD = ("Жол жобасы\n\nҚұрылысты Азия даму банкі (АДБ) қаржыландырады, ал жобаны облыс әкімдігі "
               "басқарады.\n\nЖұмыс көктемде басталады.\n")
KK_BANK_NEW = ("Жол жобасы (жаңартылған)\n\nҚұрылысты АДБ қаржыландырады, ал жобаның тапсырыс берушісі облыс "
               "әкімдігі.\n\nЖұмыс сәуірде басталады.\n")

RU_OLD = ("Новости библиотеки\n\nВыставка подготовлена при поддержке программы Европейского союза «Наследие», "
          "которая с 2015 года помогает небольшим музеям региона.\n\nВход свободный.\n")
RU_NEW = ("Новости библиотеки\n\nВыставка подготовлена при поддержке программы ЕС «Наследие».\n\n"
          "Вход свободный, экскурсии по субботам.\n")


def test_a_kazakh_name_written_as_initials_with_a_case_ending_is_placed_for_review():
    placed_for_review(KK_OLD, KK_NEW, "Еуропалық одақтың қолдауымен", "ЕО-ның қолдауымен")


def test_a_name_with_its_bracketed_abbreviation_written_as_the_abbreviation_is_placed_for_review():
    placed_for_review(KK_BANK_OLD, KK_BANK_NEW, "Азия даму банкі (АДБ)", "АДБ")


def test_a_russian_name_written_short_in_a_sentence_cut_after_it_is_placed_for_review():
    placed_for_review(RU_OLD, RU_NEW, "программы Европейского союза «Наследие»", "программы ЕС «Наследие»")


def test_an_abbreviation_in_a_new_sentence_about_something_else_is_not_taken():
    # The sentence that held the name was cut; the abbreviation recurs in another claim that opens differently.
    new = RU_NEW.replace("Выставка подготовлена при поддержке программы ЕС «Наследие».",
                         "Библиотека подала заявку в программу ЕС «Наследие» на следующий год.")
    placement = place(RU_OLD, new, "программы Европейского союза «Наследие»")
    assert placement.state is AnchorState.ORPHANED, placement


def test_a_bracketed_abbreviation_said_in_several_places_goes_where_its_sentence_is_kept():
    new = KK_BANK_NEW + "АДБ бұған дейін де облыста екі жоба қаржыландырған.\n"
    placed_for_review(KK_BANK_OLD, new, "Азия даму банкі (АДБ)", "АДБ")
