"""The classes of the Kazakh misses of sets 56 and 57 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, percent, quantity, same

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
KAZAKH_DAY_OF_24_HOURS = [
    # "тәулік" (a day of 24 hours) ends as a "-лік" adjective of relation does, but is a measure of its own: "N тәулік
    # ішінде" is a span of days, not N of the "іші" after it, and a bound before it keeps its unit.
    ("үш тәулік ішінде", "Сынама нәтижесі үш тәулік ішінде дайын болады.", quantity(3, "тәулік")),
    ("5 тәулік ішінде", "Жолаушылар 5 тәулік ішінде қонақүйге орналастырылды.", quantity(5, "тәулік")),
    ("кемінде екі тәулік бұрын", "Жөндеу туралы тұрғындарға кемінде екі тәулік бұрын айтылады.",
     quantity(2, "тәулік", lower=2)),
    # Guard: a limit counted from an event stays a ceiling.
    ("өтінім келгеннен кейін 4 тәулік ішінде", "Жауап өтінім келгеннен кейін 4 тәулік ішінде жіберіледі.",
     quantity(None, "тәулік", upper=4)),
    # Guard: a "-лік" adjective of relation before a noun still qualifies it.
    ("кемінде 3 сағат", "Ауылдық емхана кемінде 3 сағат жабық тұрды.", quantity(3, "сағат", lower=3)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_DAY_OF_24_HOURS,
                         ids=[case[1] for case in KAZAKH_DAY_OF_24_HOURS])
def test_kazakh_day_of_24_hours_is_a_measure(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


KAZAKH_SPEED_PER_HOUR = [
    # Kilometres an hour written the Kazakh way ("км/сағ", of "сағат") is one unit, as "км/ч" and "km/h" are.
    ("70 км/сағ", "Қала ішінде жылдамдық 70 км/сағ болып шектелді.", quantity(70, "км/сағ")),
    ("160 км/сағ-қа", "Жаңа пойыз жылдамдығын 160 км/сағ-қа жеткізеді.", quantity(160, "км/сағ")),
    # Guard: a distance in kilometres stays "км".
    ("45 км", "Жаңа жолдың ұзындығы 45 км болады.", quantity(45, "км")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_SPEED_PER_HOUR,
                         ids=[case[1] for case in KAZAKH_SPEED_PER_HOUR])
def test_kazakh_speed_in_kilometres_an_hour(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


KAZAKH_PLURAL_BEFORE_A_POSSESSED_NOUN = [
    # A Kazakh number never counts a plural, so a bare plural right after it qualifies the possessed noun that follows:
    # one compound, the plural kept and the possessive dropped, as "деректер орталығы" is `деректер орталық`.
    ("9", "Қалада 9 деректер орталығы жұмыс істейді.", count(9, "деректер орталық")),
    ("5", "Облыста 5 балалар үйі бар.", count(5, "балалар үй")),
    ("12", "Кездесуге 12 кәсіпкерлер қауымдастығының өкілдері келді.", count(12, "кәсіпкерлер қауымдастық")),
    ("төрт", "Түнде төрт жолаушылар пойызы кешікті.", count(4, "жолаушылар пойыз")),
    # Guards: a singular compound and a noun with no possessed noun after it are as they were.
    ("6", "Стансада 6 жүк пойызы тұр.", count(6, "жүк пойыз")),
    ("40", "Көрмеге 40 компания қатысты.", count(40, "компания")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_PLURAL_BEFORE_A_POSSESSED_NOUN,
                         ids=[case[1] for case in KAZAKH_PLURAL_BEFORE_A_POSSESSED_NOUN])
def test_kazakh_plural_qualifying_a_possessed_noun(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


KAZAKH_VERBAL_NOUN_AFTER_A_VOWEL_IN_A_CASE = [
    # A verbal noun in "-ау/-еу" ("іріктеу", a selection; "байқау", a contest; "зерттеу", a study) takes the case
    # endings that follow "у" ("-ға/-ге", "-да/-де", "-ды/-ді") as one in "-у" after a consonant ("тексеруді") does:
    # the counted noun is the verbal noun, not it with half an ending.
    ("Төртінші", "Төртінші байқауды келесі жылы өткізу жоспарланған.", count(4, "байқау")),
    ("екінші", "Грант екінші іріктеуге қатысқан жобаларға беріледі.", count(2, "іріктеу")),
    ("3", "Институт 3 зерттеуді аяқтады.", count(3, "зерттеу")),
    # Guard: a verbal noun after a consonant is as it was.
    ("5", "Комиссия 5 тексеруді жоспарлады.", count(5, "тексеру")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_VERBAL_NOUN_AFTER_A_VOWEL_IN_A_CASE,
                         ids=[case[1] for case in KAZAKH_VERBAL_NOUN_AFTER_A_VOWEL_IN_A_CASE])
def test_kazakh_verbal_noun_after_a_vowel_in_a_case(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


KAZAKH_ORDINAL_BEFORE_A_NOUN_OF_PLACE = [
    # An ordinal numbers the nearest noun after it, also when that noun is made an adjective of place ("-дағы/-дегі",
    # after a possessive "-ындағы/-сындағы"), a case ending after it when it stands for a noun ("турдағыдан", than
    # in the round): the series is that noun, not the word after the adjective.
    ("үшінші", "Биыл үшінші турдағы жеңімпаздар анықталды.", count(3, "тур")),
    ("екінші", "Сатылым екінші кезеңдегіден екі есе көп.", count(2, "кезең")),
    ("екінші", "Бағдарламаның екінші жобасындағы қаражат игерілді.", count(2, "жоба")),
    ("алтыншы", "Кеңсе ғимараттың алтыншы қабатындағы залға көшті.", count(6, "қабат")),
    # Guard: an ordinal before a "-лық" adjective still numbers the noun after it.
    ("үшінші", "Қалада үшінші халықаралық форумы өтті.", count(3, "форум")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_ORDINAL_BEFORE_A_NOUN_OF_PLACE,
                         ids=[case[1] for case in KAZAKH_ORDINAL_BEFORE_A_NOUN_OF_PLACE])
def test_kazakh_ordinal_before_a_noun_made_an_adjective_of_place(selection: str, context: str,
                                                                 expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


KAZAKH_TERM_FROM_THE_DAY_OF_AN_EVENT = [
    # A term counted from the day or moment of an event is a ceiling also without "ішінде" when the clause ends at its
    # unit (a limitation period, a deadline): "шарт бұзылған күннен бастап екі жыл" is at most two years.
    ("шарт бұзылған күннен бастап екі жыл", "Талап қою мерзімі – шарт бұзылған күннен бастап екі жыл.",
     quantity(None, "жыл", upper=2)),
    ("хабарлама алынған сәттен бастап 48 сағат", "Жауап беру мерзімі – хабарлама алынған сәттен бастап 48 сағат.",
     quantity(None, "сағат", upper=48)),
    # Guards: a term from a date, and one that goes on ("бойы", for), are the span.
    ("1 наурыздан бастап 3 ай", "Жеңілдік 1 наурыздан бастап 3 ай.", quantity(3, "ай")),
    ("келісім жасалған күннен бастап 5 жыл бойы", "Қор келісім жасалған күннен бастап 5 жыл бойы жұмыс істейді.",
     quantity(5, "жыл")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_TERM_FROM_THE_DAY_OF_AN_EVENT,
                         ids=[case[1] for case in KAZAKH_TERM_FROM_THE_DAY_OF_AN_EVENT])
def test_kazakh_term_from_the_day_of_an_event_is_a_ceiling(selection: str, context: str,
                                                           expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


KAZAKH_BARE_HALF_IN_A_CASE = [
    # "жарты" (half) with a case and no possessive, of a figure named before, is the share as "жартысынан" is: under a
    # bound crisp ("жартыдан асады", more than half, > 50 %), with "жуық" approximate.
    ("жартыдан асады", "Қазір бұл көрсеткіш жартыдан асады.", percent(50, lower=50)),
    ("жартыдан сәл асқан", "Сол кезде онлайн төлемдердің үлесі жартыдан сәл асқан.", percent(50, lower=50)),
    ("жартыға жуық", "Экспорттағы үлесі жартыға жуық.", percent(50, approximate=True)),
    # Guard: "жарты жыл" (half a year) is no share.
    ("жарты жыл", "Жөндеу жарты жыл созылды.", TypedValue(kind=ValueKind.TEXT, text="жарты жыл")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_BARE_HALF_IN_A_CASE,
                         ids=[case[1] for case in KAZAKH_BARE_HALF_IN_A_CASE])
def test_kazakh_bare_half_in_a_case_is_a_share(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


KAZAKH_ACCOUNT_IS_NO_MULTIPLIER = [
    # "есе" (times) with its endings multiplies ("3 есеге"), but "есеп/есеб-" (an account, a report) is another word:
    # "25 есептік жазба" is 25 of something, not 25 times.
    ("60 есептік жазба", "Тексеру кезінде 60 есептік жазба бұғатталды.", count(60, "есептік жазба")),
    ("4 есеп", "Кеңес 4 есеп бекітті.", count(4, "есеп")),
    # Guard: the multiplier with its endings.
    ("3 есеге", "Сату көлемі 3 есеге өсті.", quantity(3, "×")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_ACCOUNT_IS_NO_MULTIPLIER,
                         ids=[case[1] for case in KAZAKH_ACCOUNT_IS_NO_MULTIPLIER])
def test_kazakh_account_is_no_multiplier(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


KAZAKH_LIMIT_AFTER_A_CONDITION = [
    # A sentence that opens with a condition ("алсаңыз", if you receive; "бүлінген болса", if it is damaged) names the
    # event a limit after it is counted from, as "-ған жағдайда" (in the event that) does: a ceiling.
    ("10 күн ішінде", "Шотты алсаңыз, 10 күн ішінде төлеңіз.", quantity(None, "күн", upper=10)),
    ("48 сағат ішінде", "Тауар бүлінген болса, 48 сағат ішінде сатушыға хабарлаңыз.", quantity(None, "сағат", upper=48)),
    # Guards: no condition, the span; a Russian word ending in "-са," opens no condition.
    ("10 күн ішінде", "Біз құжаттарды 10 күн ішінде қараймыз.", quantity(10, "күн")),
    ("в течение 30 дней", "Для бизнеса, в течение 30 дней действует скидка.", quantity(30, "дней")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_LIMIT_AFTER_A_CONDITION,
                         ids=[case[1] for case in KAZAKH_LIMIT_AFTER_A_CONDITION])
def test_kazakh_limit_after_a_condition_is_a_ceiling(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)
