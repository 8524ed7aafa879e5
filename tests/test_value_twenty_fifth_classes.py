"""The classes of misses the twenty-fifth set (whole Russian articles, tests/data/value_suggestions/) showed on
first sight, each tested on other sentences than the set's: what Ctrl+N suggests for a highlight read with its
sentence and the one before it, and what the Candidates pane lists."""

from __future__ import annotations

import pytest
from test_value_words import count, money, quantity, same, span

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_candidates import find_values
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the sentence before it, publication date, the curator's value)
TWENTY_FIFTH_SET_CLASSES = [
    # A genitive plural opening the clause counts the number that closes it, past a participle phrase between
    # commas, a place ("в регионе", "на заводе") or "было".
    ("215", "Сотрудников на новом заводе 215, половина из них – инженеры.", "", "2026-05-02", count(215, "сотрудников")),
    ("восемь", "Банков, выдающих такие кредиты, в стране восемь.", "", "2026-05-02", count(8, "банков")),
    ("64", "Делегатов, прибывших из Европы, было 64.", "", "2026-05-02", count(64, "делегатов")),
    # "из них" after a number whose noun opened the clause counts that noun too.
    ("три", "Банков, выдающих такие кредиты, в стране восемь, из них три – с иностранным капиталом.", "",
     "2026-05-02", count(3, "банков")),
    # "лишь/только/всего/еще два" before "страны", "государства": a figure, not the two sides.
    ("две", "Соглашение пока подписали только две страны региона.", "", "2026-05-02", count(2, "страны")),
    ("два", "Визовый режим упростили всего два государства.", "", "2026-05-02", count(2, "государства")),
    # "к ним", "их" before a bare number point back to what the sentence before counted; a list of it after a
    # dash, with a preposition after each item, goes on counting the same.
    ("пять", "В этом году к ним присоединились пять – три по переработке зерна и два по выпуску масла.",
     "Сертификат ЕС сейчас имеют 40 отечественных заводов.", "2026-05-02", count(5, "заводов")),
    ("три", "В этом году к ним присоединились пять – три по переработке зерна и два по выпуску масла.",
     "Сертификат ЕС сейчас имеют 40 отечественных заводов.", "2026-05-02", count(3, "заводов")),
    # Collective numerals count the noun of the clause before; "еще" before them adds to that count.
    ("четверо", "Мы наняли трех инженеров из Италии, еще четверо приедут весной.", "", "2026-05-02",
     count(4, "инженеров")),
    # "дважды", "трижды" count occasions.
    ("дважды", "В этом году порт дважды закрывали из-за шторма.", "", "2026-05-02", count(2, "раз")),
    # A past tense with a prefix or a present plural after a number is the verb, not its noun; a scaled amount after
    # amounts of the sentence that name no currency takes the currency of the sentence before.
    ("около 20 млн", "Из них 50 млн – заем АБР, еще около 20 млн выделила городская администрация.",
     "Реконструкция обошлась в 140 млн долларов.", "2026-05-02", money(20e6, "USD", approximate=True)),
    # "кв. метров", "кв. м" are square metres, as "кв. км" is; "контейнеров в двадцатифутовом эквиваленте" is TEU.
    ("2 500 кв. м", "Склад площадью 2 500 кв. м откроется весной.", "", "2026-05-02", quantity(2500, "кв. м")),
    ("40 кв. метров", "Каждому участнику выделят 40 кв. метров.", "", "2026-05-02", quantity(40, "кв. метров")),
    ("1,4 млн", "Порт Гамбург обработал 1,4 млн контейнеров в двадцатифутовом эквиваленте.", "", "2026-05-02",
     quantity(1.4e6, "TEU")),
    # "за N месяцев" after a short subject and before a past verb is January to month N, as opening its sentence is.
    ("шесть месяцев", "Импорт машин за шесть месяцев сократился на 4%.", "", "2026-07-20", span("2026-01", "2026-06")),
    ("пять месяцев", "Зерна в Италию за пять месяцев отгружено 210 тыс. тонн.", "", "2026-06-20",
     span("2026-01", "2026-05")),
    ("семь месяцев", "Кроме того, рубль за семь месяцев окреп к доллару.", "", "2026-08-20", span("2026-01", "2026-07")),
    # After a verb, or announced, it stays the span.
    ("8 месяцев", "Терминал построили за 8 месяцев.", "", "2026-07-20", quantity(8, "месяцев")),
    ("шесть месяцев", "Компания за шесть месяцев построит цех.", "", "2026-07-20", quantity(6, "месяцев")),
    # The perfective future in the plural ("назовут", "подведут", "объявят") announces: a month is the next one.
    ("марте", "Победителей конкурса назовут в марте.", "", "2026-05-02", TypedValue(kind=ValueKind.DATE, date="2027-03")),
    ("апреле", "Банк подал заявку, итоги подведут в апреле.", "", "2026-05-02",
     TypedValue(kind=ValueKind.DATE, date="2027-04")),
]


@pytest.mark.parametrize(("selection", "context", "before", "published", "expected"), TWENTY_FIFTH_SET_CLASSES,
                         ids=[c[0] + " / " + c[1] for c in TWENTY_FIFTH_SET_CLASSES])
def test_classes_the_twenty_fifth_set_showed(selection: str, context: str, before: str, published: str,
                                             expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context, before=before).value, expected)


def test_the_two_sides_without_a_limiting_word_are_left_alone() -> None:
    assert suggest("две", published="2026-05-02", context="Две страны подписали соглашение.").value.kind.value != "count"


def test_twice_two_is_no_count_of_occasions() -> None:
    text = "Дважды два – четыре."
    assert not [f for f in find_values(text, "2026-05-02") if f.start == 0 and f.value.unit == "раз"]


def test_young_animals_after_a_number_are_still_counted() -> None:
    same(suggest("1 200", published="2026-05-02", context="Ферма закупила 1 200 поросят в Дании.").value,
         count(1200, "поросят"))


def test_a_genitive_plural_that_is_the_sentence_subject_of_another_verb_is_left_alone() -> None:
    # "Тонн" is a measure, not a count: a measure opening the clause is no noun the number counts.
    assert suggest("12", published="2026-05-02", context="Тонн зерна на складе 12.").value.kind.value != "count"


def test_the_imperfective_present_of_the_verbs_of_motion_announces_nothing() -> None:
    # "проводят" (hold, as a habit) has no tense: a month is the publication year's while that is not five months ahead.
    same(suggest("апреле", published="2026-05-02", context="Ярмарку обычно проводят в апреле.").value,
         TypedValue(kind=ValueKind.DATE, date="2026-04"))


def _listed(text: str, words: str, published: str) -> TypedValue:
    start = text.index(words)
    found = [f for f in find_values(text, published) if f.start <= start < f.end]
    assert found, f"nothing listed at {words!r}"
    return found[0].value


def test_the_pane_reads_the_twenty_fifth_set_classes() -> None:
    same(_listed("Сотрудников на новом заводе 215, половина из них – инженеры.", "215", "2026-05-02"),
         count(215, "сотрудников"))
    same(_listed("В этом году порт дважды закрывали из-за шторма.", "дважды", "2026-05-02"), count(2, "раз"))
