"""The classes of the Kazakh misses of sets 60 and 61 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, money, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
KAZAKH_FLOOR_FROM_AFTER_THE_HIGHLIGHT = [
    # A price "from" a figure whose "бастап" (from) or "басталады" (starts at) stands after the highlight: the
    # curator marked the ablative figure, the sentence makes it a floor, as "от 39 евро" of "стоят от 39 евро" is.
    ("4 500 теңгеден", "Экскурсия бағасы 4 500 теңгеден басталады.", money(4500, "KZT", lower=4500)),
    ("12 мың теңгеден", "– жеке сабақтар – 12 мың теңгеден бастап;", money(12_000, "KZT", lower=12_000)),
    ("75 еуродан", "Қонақүйдегі бөлме бағасы түнге 75 еуродан басталатын болады.", money(75, "EUR", lower=75)),
    # Guard: the start of a range stays a figure of its range, not a floor.
    ("3 000 теңгеден", "Билеттер 3 000 теңгеден бастап 9 000 теңгеге дейін сатылады.", money(3000, "KZT")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_FLOOR_FROM_AFTER_THE_HIGHLIGHT,
                         ids=[case[1] for case in KAZAKH_FLOOR_FROM_AFTER_THE_HIGHLIGHT])
def test_kazakh_floor_from_after_the_highlight(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-04-14", context=context).value, expected)


KAZAKH_GAME_KEPT_WHOLE = [
    # "ойын" (a game, a match) ends as the accusative "-н" does after a vowel: its possessive "ойыны" and its locative
    # "ойында" are the noun's, no "ойы" + an ending, as "буын" is kept whole.
    ("үшінші", "Бұл – команданың осы маусымдағы үшінші ойыны.", count(3, "ойын")),
    ("22", "Шабуылшы жастар құрамасында 22 ойында 9 гол соқты.", count(22, "ойын")),
    ("төрт", "Соңғы төрт ойында ұпай жоғалтқан жоқпыз.", count(4, "ойын")),
    # Guard: a noun in "-ы" and the accusative "-н" is still cut ("12 жобаны" is жоба).
    ("12", "Әкімдік 12 жобаны қолдады.", count(12, "жоба")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_GAME_KEPT_WHOLE,
                         ids=[case[1] for case in KAZAKH_GAME_KEPT_WHOLE])
def test_kazakh_game_is_kept_whole(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-10-21", context=context).value, expected)


KAZAKH_ORDINAL_BEFORE_A_VOICED_POSSESSIVE = [
    # After an ordinal, a noun whose last "қ/к" is voiced before its possessive ("ұрпақ" → "ұрпағы", "тармақ" →
    # "тармағы") ends in "ғы/гі" after a vowel: the noun, not a "-ғы/-гі" adjective, which follows a consonant.
    ("бесінші", "Шеберхананы қазір әулеттің бесінші ұрпағы басқарады.", count(5, "ұрпақ")),
    ("алтыншы", "Бұл – метроның алтыншы тармағы.", count(6, "тармақ")),
    # Guards: a "-ғы" adjective after a consonant is still passed over to its noun.
    ("екінші", "Бұл – министрдің биылғы екінші сапары.", count(2, "сапар")),
    ("үшінші", "Бұл – мектептің үшінші күндізгі ауысымы.", count(3, "ауысым")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_ORDINAL_BEFORE_A_VOICED_POSSESSIVE,
                         ids=[case[1] for case in KAZAKH_ORDINAL_BEFORE_A_VOICED_POSSESSIVE])
def test_kazakh_ordinal_before_a_voiced_possessive(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-10-21", context=context).value, expected)


KAZAKH_ADJECTIVE_IN_MDY_CLOSES_NO_PAST = [
    # A Kazakh sentence may close on an adjective of having in "-ды/-ді" after "м" ("жарамды", valid; "тиімді",
    # effective; "сенімді", reliable): no verb stem ends in "м", so it is no past "-ды/-ді", and a date it closes on is
    # the one nearest the publication, ahead.
    ("30 сәуірге дейін", "Жеңілдік купоны 30 сәуірге дейін жарамды.", date("2026-04-30")),
    ("15 маусымға дейін", "Бұл тариф 15 маусымға дейін тиімді.", date("2026-06-15")),
    # Guard: a past verb still closes on the past ("тапсырды", handed in; published in March: last April).
    ("30 сәуірде", "Комиссия есепті 30 сәуірде тапсырды.", date("2025-04-30")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_ADJECTIVE_IN_MDY_CLOSES_NO_PAST,
                         ids=[case[1] for case in KAZAKH_ADJECTIVE_IN_MDY_CLOSES_NO_PAST])
def test_kazakh_adjective_in_mdy_closes_no_past(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-02", context=context).value, expected)


KAZAKH_TOOL_WITH_ITS_OBJECT = [
    # A tool made of a verb in "-ғыш/-гіш/-қыш/-кіш" takes its object bare before it, one compound with no possessive
    # between, as a doer in "-ушы" does ("су пайдаланушы"): a water heater, a vacuum cleaner, a fire extinguisher.
    ("40", "Мектептерге 40 су жылытқыш сатып алынды.", count(40, "су жылытқыш")),
    ("12", "Дүкен апта ішінде 12 шаң сорғыш сатты.", count(12, "шаң сорғыш")),
    ("бес", "Әр қабатқа бес өрт сөндіргіш орнатылды.", count(5, "өрт сөндіргіш")),
    # Guard: the doer in "-ушы" stays as it was.
    ("3", "Зауыт 3 жүк тасымалдаушы жалдады.", count(3, "жүк тасымалдаушы")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_TOOL_WITH_ITS_OBJECT,
                         ids=[case[1] for case in KAZAKH_TOOL_WITH_ITS_OBJECT])
def test_kazakh_tool_with_its_object(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-09-08", context=context).value, expected)


KAZAKH_FIRST_AND_SECOND_PERSON_FUTURE = [
    # A coach's "we play", a shop's "we open", an organiser's "you will get": the present-future with a personal ending
    # ("-ймыз", "-амыз", "-емін", "-есіз") announces as the third person's "-йды/-ады" does, so a weekday it closes on
    # is the next one (published Tuesday 10 March 2026).
    ("Бейсенбіде", "Бейсенбіде жаңа филиалды ашамыз.", date("2026-03-12")),
    ("Жұмада", "Жұмада қонақтарды өзім қарсы аламын.", date("2026-03-13")),
    ("Сенбіде", "Сенбіде жүлделеріңізді аласыз.", date("2026-03-14")),
    # Guard: the first person's past still reports ("ашқанбыз" aside, "аштық": we opened, last Thursday).
    ("Бейсенбіде", "Бейсенбіде жаңа филиалды аштық.", date("2026-03-05")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_FIRST_AND_SECOND_PERSON_FUTURE,
                         ids=[case[1] for case in KAZAKH_FIRST_AND_SECOND_PERSON_FUTURE])
def test_kazakh_first_and_second_person_future(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-10", context=context).value, expected)


KAZAKH_PLAIN_ADJECTIVES_AND_SPARE_PARTS = [
    # "ашық" (open), "жабық" (closed) and "асыл тұқымды" (pedigree, of a noble breed) qualify the noun after them, no
    # suffix marking them as adjectives; spare parts ("қосалқы бөлшек") keep their qualifier, as a substation does.
    ("12", "Мұражай биыл 12 ашық дәріс өткізді.", count(12, "дәріс")),
    ("7", "Сот 7 жабық отырыс өткізді.", count(7, "отырыс")),
    ("40", "Шаруашылық 40 асыл тұқымды бұқа сатып алды.", count(40, "бұқа")),
    ("500-ден астам", "Қоймада 500-ден астам қосалқы бөлшек бар.", count(500, "қосалқы бөлшек", lower=500)),
    # Guard: a substation still keeps its qualifier.
    ("8", "Ауданда 8 қосалқы станция салынды.", count(8, "қосалқы станция")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_PLAIN_ADJECTIVES_AND_SPARE_PARTS,
                         ids=[case[1] for case in KAZAKH_PLAIN_ADJECTIVES_AND_SPARE_PARTS])
def test_kazakh_plain_adjectives_and_spare_parts(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-09-08", context=context).value, expected)


KAZAKH_WE_DID_CLOSES_THE_PHRASE = [
    # The first person plural's past after a vowel ("сынадық", we tested; "жасадық", we made) is a verb closing the
    # noun phrase: after a vowel the adjective's suffix is "-лық/-лік", never "-дық/-дік". A noun in "-ғы/-қы" before
    # it is then the counted noun, as before "әкелінді".
    ("30", "Өткен айда зертханада 30 құрылғы сынадық.", count(30, "құрылғы")),
    ("9", "Екінші таймда 9 соққы жасадық.", count(9, "соққы")),
    # Guard: a "-дық" adjective after a consonant still qualifies the noun after it.
    ("6", "Биыл 6 ауылдық клуб аштық.", count(6, "клуб")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_WE_DID_CLOSES_THE_PHRASE,
                         ids=[case[1] for case in KAZAKH_WE_DID_CLOSES_THE_PHRASE])
def test_kazakh_we_did_closes_the_phrase(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-09-08", context=context).value, expected)
