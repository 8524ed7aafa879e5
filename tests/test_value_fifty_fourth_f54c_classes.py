"""The classes of the Kazakh misses of sets 54 and 55 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, quantity, same

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
KAZAKH_DROPPED_VOWEL = [
    # "кәсіпорын" (an enterprise) drops its last "ы" before a vowel ending ("кәсіпорны", "кәсіпорнында"), as "орын"
    # does ("орны"): the counted noun is the word as a dictionary has it.
    ("25", "Тексеру облыстың 25 кәсіпорнында өтті.", count(25, "кәсіпорын")),
    ("40", "Қазір бізде 40 кәсіпорнымыз жұмыс істейді.", count(40, "кәсіпорын")),
    ("9", "Ауданның 9 кәсіпорнын сотқа берді.", count(9, "кәсіпорын")),
    # Guards: the ending after the full stem ("кәсіпорындарда") and a noun with no vowel dropped stay as they were.
    ("17", "Инспекторлар 17 кәсіпорындарда болды.", count(17, "кәсіпорын")),
    ("6", "Қалада 6 кітапханасы бар.", count(6, "кітапхана")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_DROPPED_VOWEL,
                         ids=[case[1] for case in KAZAKH_DROPPED_VOWEL])
def test_kazakh_noun_that_drops_its_last_vowel(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-11", context=context).value, expected)


KAZAKH_LINE_POSSESSIVE = [
    # "желі" (a line, a network) ends in a vowel, so its possessive is "-сі" ("желісі", "желісін"): the noun is "желі",
    # not a noun in "-іс" as "жарыс" is.
    ("үшінші", "Метроның үшінші желісі 2029 жылы ашылады.", count(3, "желі")),
    ("14", "Автобус паркі қаладағы 14 желісін жабады.", count(14, "желі")),
    # Guard: a noun in "-ыс/-іс" keeps its own "с" ("жарысы").
    ("екінші", "Маусымның екінші жарысы Алматыда өтеді.", count(2, "жарыс")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_LINE_POSSESSIVE,
                         ids=[case[1] for case in KAZAKH_LINE_POSSESSIVE])
def test_kazakh_possessive_after_a_vowel(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-11", context=context).value, expected)


KAZAKH_UNITS_OF_SOUND_AND_POWER = [
    # Loudness in decibels written out is measured, as "дБ" is: "кемінде 75 децибел" is a floor of a level.
    ("кемінде 75 децибел", "Сирена кемінде 75 децибел дыбыс шығаруы керек.", quantity(75, "децибел", lower=75)),
    ("60 децибелге", "Түнде шу деңгейі 60 децибелге жетті.", quantity(60, "децибел")),
    # A transformer's power in megavolt-amperes with a case ending after the hyphen is a measure, not 40 "МВА"
    # counted as "18 ҮЕҰ-ға" counts organisations.
    ("40 МВА-ға", "Жаңа трансформатордың қуаты 40 МВА-ға жетеді.", quantity(40, "МВА")),
    ("63 МВА-дан", "Станцияның қуаты 63 МВА-дан 80 МВА-ға дейін артады.", quantity(63, "МВА")),
    # Guard: an abbreviation of organisations with a case ending is still counted.
    ("18 ҮЕҰ-ға", "Биыл 18 ҮЕҰ-ға грант берілді.", count(18, "ҮЕҰ")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_UNITS_OF_SOUND_AND_POWER,
                         ids=[case[1] for case in KAZAKH_UNITS_OF_SOUND_AND_POWER])
def test_kazakh_units_of_sound_and_power(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-11", context=context).value, expected)


KAZAKH_ORDINAL_BEFORE_AN_ADJECTIVE = [
    # An ordinal alone numbers the noun after the adjectives between ("ресми", official; "онлайн"; "жаңа", new), as
    # it does after an adjective in "-лық" ("үшінші халықаралық форумы").
    ("екінші", "Бұл – премьер-министрдің Жапонияға екінші ресми сапары.", count(2, "сапар")),
    ("бесінші", "Университет биыл бесінші онлайн конференциясын өткізді.", count(5, "конференция")),
    ("үшінші", "Ол – клубқа осы қыста келген үшінші жаңа жаттықтырушы.", count(3, "жаттықтырушы")),
    # Guard: the adjective in "-лық" is skipped as before.
    ("төртінші", "Қалада төртінші халықаралық көрмесі ашылды.", count(4, "көрме")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_ORDINAL_BEFORE_AN_ADJECTIVE,
                         ids=[case[1] for case in KAZAKH_ORDINAL_BEFORE_AN_ADJECTIVE])
def test_kazakh_ordinal_before_an_adjective(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-11", context=context).value, expected)


KAZAKH_MONTH_IN_THE_ABLATIVE = [
    # "келесі айдан бастап" (from next month on) names the month a change starts in, as "келесі айда" does.
    ("келесі айдан", "Тарифтер келесі айдан бастап өзгереді.", "2026-03-11", date("2026-04")),
    ("Осы айдан", "Осы айдан бастап кітапхана сенбіде де ашық.", "2026-03-11", date("2026-03")),
    ("келесі айынан", "Жөндеу жұмыстары келесі айынан басталады.", "2026-11-20", date("2026-12")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), KAZAKH_MONTH_IN_THE_ABLATIVE,
                         ids=[case[1] for case in KAZAKH_MONTH_IN_THE_ABLATIVE])
def test_kazakh_month_in_the_ablative(selection: str, context: str, published: str | None,
                                      expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


def test_kazakh_month_in_the_ablative_with_no_publication_date_needs_one() -> None:
    # With no publication date, it is to be dated when the source's date is entered: text, with the note that says so.
    suggestion = suggest("Келесі айдан", published=None, context="Келесі айдан бастап карталар жаңа үлгіде беріледі.")
    assert suggestion.value.kind is ValueKind.TEXT
    assert suggestion.note and "publication date" in suggestion.note
