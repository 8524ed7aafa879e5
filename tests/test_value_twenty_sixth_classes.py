"""The classes of misses the twenty-sixth set (whole Russian articles, tests/data/value_suggestions/) showed on
first sight, each tested on other sentences than the set's: what Ctrl+N suggests for a highlight read with its
sentence and the one before it, and what the Candidates pane lists."""

from __future__ import annotations

import pytest
from test_value_words import count, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_candidates import find_values
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the sentence before it, publication date, the curator's value)
TWENTY_SIXTH_SET_CLASSES = [
    # A genitive plural opening the clause (or its part after ", и") counts the number that closes it, past up to five
    # words of qualifiers and places ("среди них", "с … капиталом на рынке"), a relative clause between commas, a
    # leading "Всего", and a bound word before the number.
    ("более 1,5 тыс.", "Сотрудников в этих филиалах более 1,5 тыс., из них около 300 заняты в логистике.", "",
     "2026-05-02", count(1500, "сотрудников", lower=1500)),
    ("пять", "Дочерних компаний немецких концернов среди них пять.", "", "2026-05-02", count(5, "компаний")),
    ("шесть", "Всего визовых центров с европейскими консульствами в стране шесть.", "", "2026-05-02",
     count(6, "центров")),
    ("140", "Вагонов, которые простаивают на станции, у оператора 140.", "", "2026-05-02", count(140, "вагонов")),
    ("восемь", "Рейс в Вену отменили, и прямых маршрутов в расписании теперь восемь.", "", "2026-05-02",
     count(8, "маршрутов")),
    # "N из них" after the number counts the whole's noun, as "из них N" does.
    ("три", "Элеваторов на экспорт работает пять, три из них в Костанайской области.", "", "2026-05-02",
     count(3, "элеваторов")),
    # A plural short passive participle with a prefix after the number is the clause's verb, not its noun.
    ("около 300", "Сотрудников в этих филиалах более 1,5 тыс., из них около 300 приняты по контракту.", "",
     "2026-05-02", count(300, "сотрудников", approximate=True)),
    ("120", "Проектов поступило 410, из них 120 одобрены комиссией.", "", "2026-05-02", count(120, "проектов")),
]


@pytest.mark.parametrize(("selection", "context", "before", "published", "expected"), TWENTY_SIXTH_SET_CLASSES,
                         ids=[c[0] + " / " + c[1] for c in TWENTY_SIXTH_SET_CLASSES])
def test_classes_the_twenty_sixth_set_showed(selection: str, context: str, before: str, published: str,
                                             expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context, before=before).value, expected)


def test_an_adjective_opening_the_clause_is_no_counted_noun() -> None:
    # "Крупнейший", "Последний" end as genitive plurals do; they are adjectives, not what the number counts.
    for sentence in ("Крупнейший из них обслуживает 12.", "Последний из заводов в регионе 14."):
        value = suggest(sentence.split()[-1].rstrip("."), published="2026-05-02", context=sentence).value
        assert value.unit not in ("крупнейший", "последний"), value


def test_nouns_in_ty_and_ny_after_a_number_are_still_counted() -> None:
    same(suggest("12", published="2026-05-02", context="Соглашение подписали 12 страны-участницы.").value,
         count(12, "страны-участницы"))
    same(suggest("40", published="2026-05-02", context="Банк выдал 40 кредиты малому бизнесу.").value,
         count(40, "кредиты"))


def _listed(text: str, words: str, published: str) -> TypedValue:
    start = text.index(words)
    found = [f for f in find_values(text, published) if f.start <= start < f.end]
    assert found, f"nothing listed at {words!r}"
    return found[0].value


def test_the_pane_reads_the_twenty_sixth_set_classes() -> None:
    same(_listed("Вагонов, которые простаивают на станции, у оператора 140.", "140", "2026-05-02"),
         count(140, "вагонов"))
    same(_listed("Элеваторов на экспорт работает пять, три из них в Костанайской области.", "три", "2026-05-02"),
         count(3, "элеваторов"))
