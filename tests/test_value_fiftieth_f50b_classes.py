"""The classes of the Kazakh misses of sets 50 and 51 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, percent, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
SECONDS_ARE_MEASURED = [
    # "секунд" is a measure of time as "минут" is, in whatever case it stands ("45 секундта", in 45 seconds).
    ("45 секундта", "Спортшы бассейннің ұзындығын 45 секундта жүзіп өтті.", quantity(45, "секунд")),
    ("12 секундтан аспайды", "Пойыздың кідірісі 12 секундтан аспайды.", quantity(None, "секунд", upper=12)),
    ("30 секунд", "Дабыл 30 секунд бойы естілді.", quantity(30, "секунд")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), SECONDS_ARE_MEASURED,
                         ids=[case[0] for case in SECONDS_ARE_MEASURED])
def test_seconds_are_a_measure_of_time(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


LOCATIVE_AFTER_A_STEM_IN_N = [
    # "-нда/-нде" is the locative after a possessive vowel only ("үйінде"); after a noun's own "н" the locative is
    # "-да/-де": "дүкенде" is "дүкен" + "де", "қоймасында" keeps its possessive reading.
    ("8", "Тексерушілер ауданның 8 дүкенде сатылатын сүттің сапасын тексерді.", count(8, "дүкен")),
    ("15", "Қала әкімдігі 15 зауытта және 6 қорғанда жөндеу жүргізді.", count(15, "зауыт")),
    ("6", "Қала әкімдігі 15 зауытта және 6 қорғанда жөндеу жүргізді.", count(6, "қорған")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), LOCATIVE_AFTER_A_STEM_IN_N,
                         ids=[f"{case[0]} {case[2].unit}" for case in LOCATIVE_AFTER_A_STEM_IN_N])
def test_the_locative_after_a_stems_own_n(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


POSSESSIVE_AFTER_A_VOWEL_WITH_A_CASE = [
    # After a stem in a vowel the possessive is "-сы/-сі", with the instrumental "-сымен/-сімен" ("with its ...").
    ("40-қа жуық", "Делегация университеттің 40-қа жуық оқытушысымен кездесті.", count(40, "оқытушы", approximate=True)),
    ("12", "Министр облыстың 12 кәсіпкерімен және 5 сарапшысымен сөйлесті.", count(12, "кәсіпкер")),
    ("5", "Министр облыстың 12 кәсіпкерімен және 5 сарапшысымен сөйлесті.", count(5, "сарапшы")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), POSSESSIVE_AFTER_A_VOWEL_WITH_A_CASE,
                         ids=[f"{case[0]} {case[2].unit}" for case in POSSESSIVE_AFTER_A_VOWEL_WITH_A_CASE])
def test_the_possessive_after_a_vowel_with_the_instrumental(selection: str, context: str,
                                                            expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


EVERY_NTH_IN_ANY_CASE = [
    # "әрбір бесінші" (every fifth) is a share in whatever case its possessive takes: "әрбір бесіншісінде" (in every
    # fifth of them), "әрбір төртіншісімен".
    ("әрбір бесіншісінде", "Тексерілген көпірлердің әрбір бесіншісінде жарықшақ табылды.", percent(20, approximate=True)),
    ("әрбір төртіншісімен", "Банк өтініш берушілердің әрбір төртіншісімен шарт жасасты.", percent(25, approximate=True)),
    ("әрбір оныншысының", "Сауалнамаға қатысқандардың әрбір оныншысының үйі жоқ.", percent(10, approximate=True)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), EVERY_NTH_IN_ANY_CASE,
                         ids=[case[0] for case in EVERY_NTH_IN_ANY_CASE])
def test_every_nth_is_a_share_in_any_case(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


ABSTRACT_NOUNS_OF_DOERS = [
    # "-лық/-лік" after a doer's "-шы/-ші" makes an abstract noun, not an adjective, so the figure counts it and not
    # the verb after it ("тауып", "тіркеп" are converbs).
    ("1 240", "Инспекторлар 1 240 бұзушылық тауып, айыппұл салды.", count(1240, "бұзушылық")),
    ("35", "Комиссия 35 кемшілік тіркеп, есеп жасады.", count(35, "кемшілік")),
    # (A guard: "-лық" of other stems still qualifies the noun after it.)
    ("18", "Форумға 18 халықаралық ұйым өкілдерін жіберді.", count(18, "ұйым")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), ABSTRACT_NOUNS_OF_DOERS,
                         ids=[f"{case[0]} {case[2].unit}" for case in ABSTRACT_NOUNS_OF_DOERS])
def test_an_abstract_noun_of_a_doer_is_counted(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


WATT_HOURS_WITH_A_CASE = [
    # "кВт·сағ" with the hour written out before a case ending ("сағаттан", "сағатқа") is still the watt-hour unit, so
    # the ablative's bound after it reads ("кВт·сағаттан аз", under).
    ("120 кВт·сағаттан аз", "Жаңа тоңазытқыш жылына 120 кВт·сағаттан аз жұмсайды.", quantity(None, "кВт·сағ", upper=120)),
    ("3 МВт·сағатқа", "Станцияның тәуліктік өндірісі 3 МВт·сағатқа жетті.", quantity(3, "МВт·сағ")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), WATT_HOURS_WITH_A_CASE,
                         ids=[case[0] for case in WATT_HOURS_WITH_A_CASE])
def test_watt_hours_take_a_kazakh_case(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)
