"""A Roman numeral is a figure: a hazard "III степень" re-issued as "IV степень", a "XIX век" corrected to
"XVIII век", a "II этап" that became "III этап" changed the claim as "3" -> "4" does. Read as letters,
"Степень селевой опасности — высокая (III степень)." was placed fuzzy on "… очень высокой (IV степень)."
without the number-changed flag (held-out round 32, issue #23). A lone "I" (the English pronoun) and
Latin words are no numerals; ru/kk texts type the Cyrillic "Х" and "І" for the Latin letters."""

from __future__ import annotations

from kzeu_desk.core.folding import fold
from kzeu_desk.core.reanchor import numbers_changed
from kzeu_desk.core.written_figures import roman_figures
from tests.test_reanchor import flagged_or_orphaned, place


def _tokens(text: str) -> list[str]:
    return [token for _, token in roman_figures(fold(text))]


def test_roman_numerals_are_read_as_their_values():
    assert _tokens("в XIX веке, на II этапе, IV категория, XXI ғасыр") == ["19", "2", "4", "21"]
    assert _tokens("Pope John Paul II, World War II, Chapter XIV") == ["2", "2", "14"]
    assert _tokens("опасность (III степень), (IV степень)") == ["3", "4"]


def test_cyrillic_letters_typed_for_latin_ones_read_the_same():
    # "ХІХ" typed with the Cyrillic Х (U+0425) and the Kazakh І (U+0406)
    assert _tokens("\u0425\u0406\u0425 ғасырда") == ["19"]
    assert _tokens("\u0425\u0425 век") == ["20"]
    assert _tokens("X\u0406V глава") == ["14"]


def test_a_lone_letter_and_latin_words_are_no_numerals():
    assert _tokens("I think I saw it") == []
    assert _tokens("a mix of civil and vivid ideas, dim light") == []
    assert _tokens("3 x 4 metres, Smith v Jones") == []
    assert _tokens("Ivanov and Vixen, xiv2, IIIa") == []
    assert _tokens("размер 10 х 20 см, Ақ Жол") == []
    assert _tokens("IIII or VV or IIX") == []  # not well-formed


def test_a_changed_roman_numeral_is_a_changed_figure():
    assert numbers_changed("высокая (III степень)", "очень высокой (IV степень)")
    assert numbers_changed("в XIX веке", "в XVIII веке")
    assert numbers_changed("II этап", "III этап")
    assert numbers_changed("IV категория", "V категория")  # a numeral gone is a change too
    assert not numbers_changed("II этап", "II этап")
    assert not numbers_changed("в XIX веке", "в \u0425\u0406\u0425 веке")
    assert not numbers_changed("I think so", "I believe so")


RU_OLD = ("Прогноз на завтра. Уровень лавинной опасности в горах — значительный (III степень). Туристам "
          "рекомендуется воздержаться от походов.\n")


def test_a_russian_hazard_degree_raised_is_flagged():
    flagged_or_orphaned(RU_OLD, RU_OLD.replace("значительный (III степень)", "очень значительный (IV степень)"),
                        "Уровень лавинной опасности в горах — значительный (III степень).")


KK_OLD = ("Тарихи анықтама. Қорғанның құрылысы XIX ғасырдың ортасына жатады деп есептеледі. Қазба жұмыстары "
          "жалғасуда.\n")


def test_a_kazakh_century_corrected_is_flagged():
    flagged_or_orphaned(KK_OLD, KK_OLD.replace("XIX ғасырдың", "XVIII ғасырдың"),
                        "Қорғанның құрылысы XIX ғасырдың ортасына жатады")


EN_OLD = ("Project update. Phase II of the irrigation works will begin in spring, the ministry said. "
          "Farmers welcomed the news.\n")


def test_an_english_phase_renumbered_is_flagged():
    flagged_or_orphaned(EN_OLD, EN_OLD.replace("Phase II", "Phase III"), "Phase II of the irrigation works")


def test_an_unchanged_numeral_and_the_pronoun_i_are_placed_as_before():
    placement = place(EN_OLD, EN_OLD.replace("Project update.", "Project update, 7 May."),
                      "Phase II of the irrigation works")
    assert not placement.number_changed and placement.start is not None
    old = "In the interview she said: I think the plan will work. Nobody disagreed.\n"
    placement = place(old, old.replace("I think", "I believe"), "I think the plan will work")
    assert not placement.number_changed
