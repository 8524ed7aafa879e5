"""The classes of misses the thirty-first set (nine whole articles in three languages, written and labelled by someone
who never ran the parser, tests/data/value_suggestions/) showed on first sight, each tested on other sentences than
the set's: what Ctrl+N suggests for a highlight read with its sentence, the sentence before it and the text before
that, and what the Candidates pane lists."""

from __future__ import annotations

import pytest
from test_value_words import count, money, quantity, same, span

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_candidates import find_values
from kzeu_desk.core.value_parsing import sentence_around, sentence_before, suggest, text_before

# (highlight, its sentence, the sentence before it, publication date, the curator's value)
MONEY_AND_RANGE_CLASSES = [
    # A range whose currency is written before each figure.
    ("USD 2 million to USD 5 million", "Loans of USD 2 million to USD 5 million are available to exporters.", "",
     "2026-05-04", money(None, "USD", lower=2e6, upper=5e6)),
    ("KZT 40 000 – KZT 60 000", "Monthly stipends of KZT 40 000 – KZT 60 000 are paid.", "", "2026-05-04",
     money(None, "KZT", lower=40e3, upper=60e3)),
    # A range whose "between" the highlight leaves out: figures with a measure, months.
    ("3.5 and 4 million tonnes", "The mine will produce between 3.5 and 4 million tonnes of ore a year.", "",
     "2026-05-04", quantity(None, "tonnes", lower=3.5e6, upper=4e6)),
    ("March and June this year", "Between March and June this year the port handled 41 ships.", "", "2026-09-10",
     span("2026-03", "2026-06")),
    ("20 и 25 тысяч тонн", "Завод будет выпускать между 20 и 25 тысяч тонн меди в год.", "", "2026-05-04",
     quantity(None, "тонн", lower=20e3, upper=25e3)),
    # A scaled figure with no unit is money in the one currency its sentence or the sentence before names.
    ("about four billion", "Of that sum, about four billion has been disbursed.",
     "The bank pledged five billion dollars to the region in 2024.", "2026-05-04", money(4e9, "USD", approximate=True)),
    ("two and a half million", "The city will add two and a half million from its own budget.",
     "The ministry granted three million euros for the museum.", "2026-05-04", money(2.5e6, "EUR")),
    # A scaled figure after "из них"/"of which" is a part of the amount before, whatever word follows it.
    ("около 40 млн", "Проект стоил 150 млн тенге, из них около 40 млн выделили меценаты.", "", "2026-05-04",
     money(40e6, "KZT", approximate=True)),
    ("2 million", "The restoration cost EUR 9 million, of which 2 million came from donors.", "", "2026-05-04",
     money(2e6, "EUR")),
]


@pytest.mark.parametrize(("selection", "context", "before", "published", "expected"), MONEY_AND_RANGE_CLASSES,
                         ids=[case[0] for case in MONEY_AND_RANGE_CLASSES])
def test_money_and_ranges_the_thirty_first_set_showed(selection: str, context: str, before: str, published: str,
                                                      expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context, before=before).value, expected)


def test_the_currency_of_a_scaled_figure_is_found_in_the_text_before_the_two_sentences() -> None:
    # As Ctrl+N reads a source: the currency named three sentences back, past a short heading-like sentence.
    source = ("The fund was launched with eight billion euros of capital. What has happened since? Let us look. "
              "First, money. Of those eight billion, around three billion are committed.")
    start = source.index("around three billion")
    end = start + len("around three billion")
    value = suggest(source[start:end], published="2026-05-04", context=sentence_around(source, start, end),
                    before=sentence_before(source, start, end), earlier=text_before(source, start, end)).value
    same(value, money(3e9, "EUR", approximate=True))


def test_money_and_range_look_alikes_are_left_alone() -> None:
    # A change "from … to" stays its start; two currencies named before leave a scaled figure bare; "and" without
    # "between" is two figures; a scaled count of people stays a count.
    same(suggest("from USD 5 million to USD 9 million", published="2026-05-04").value, money(5e6, "USD"))
    same(suggest("about four billion", published="2026-05-04", context="Of that, about four billion is spent.",
                 before="The bank pledged five billion dollars and three billion euros.").value,
         quantity(4e9, None, approximate=True))
    same(suggest("3.5 and 4 million tonnes", published="2026-05-04",
                 context="The mines produced 3.5 and 4 million tonnes of ore.").value, quantity(4e6, "tonnes"))
    same(suggest("four billion people", published="2026-05-04", before="The bank pledged five billion dollars.").value,
         count(4e9, "people"))


COUNT_CLASSES = [
    # "the N nouns of <a name>": all of a named whole, a count (unlike "the two sides", things already named).
    ("six", "Ministers from the six countries of the Gulf met in Riyadh.", "", "2026-05-04", count(6, "countries")),
    ("14", "Teachers from the 14 regions of Kazakhstan took part.", "", "2026-05-04", count(14, "regions")),
    # "worst" is a superlative, as "largest" is: a selection by rank is a count.
    ("five", "Closing the five worst-polluting plants would cut emissions by a third.", "", "2026-05-04",
     count(5, "plants")),
    # A bare number opening its sentence before a past verb counts the noun the sentence before counted; a figure
    # set "against" it counts the same.
    ("Twelve", "Twelve came from rural schools, against 7 a year earlier.", "The jury received 96 entries.",
     "2026-05-04", count(12, "entries")),
    ("7", "Twelve came from rural schools, against 7 a year earlier.", "The jury received 96 entries.",
     "2026-05-04", count(7, "entries")),
    ("41", "41 applied from abroad.", "The university admitted 620 students.", "2026-05-04", count(41, "students")),
]


@pytest.mark.parametrize(("selection", "context", "before", "published", "expected"), COUNT_CLASSES,
                         ids=[case[0] for case in COUNT_CLASSES])
def test_counts_whose_noun_is_elsewhere(selection: str, context: str, before: str, published: str,
                                        expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context, before=before).value, expected)


def test_count_look_alikes_are_left_alone() -> None:
    # "the two sides of the conflict" names things already named; "the twenty-first of May" is a day.
    assert suggest("the two sides of the conflict", published="2026-05-04").value.kind.value == "text"
    same(suggest("two", published="2026-05-04", context="Talks between the two sides of the conflict resumed.").value,
         quantity(2, None))
    assert suggest("the twenty-first of May 2019", published="2026-05-04").value.date == "2019-05-21"
    # A past verb after a bare year is no count.
    assert suggest("2019", published="2026-05-04", context="2019 opened with a strike.",
                   before="The plant employs 900 workers.").value.kind.value == "date"


MEASURE_AND_PERIOD_CLASSES = [
    # A bare number after "do it in" is in the time the sentence before measured.
    ("twelve", "Now the new line does it in twelve.", "The old ferry needed more than twenty hours.", "2026-05-04",
     quantity(12, "hours")),
    # A bare number after "in any"/"в любые" is in the measure of the figure before.
    ("365", "Residents may be abroad 183 days in any 365.", "", "2026-05-04", quantity(365, "days")),
    ("12", "Можно находиться не более 6 месяцев в любые 12.", "", "2026-05-04", quantity(12, "месяцев")),
    # A bound on one of a measure, its "one" unwritten.
    ("менее суток", "Проверка занимает менее суток.", "", "2026-05-04", quantity(None, "суток", upper=1)),
    ("больше недели", "Ремонт длился больше недели.", "", "2026-05-04", quantity(1, "недели", lower=1)),
    ("less than an hour", "The check takes less than an hour.", "", "2026-05-04", quantity(None, "hour", upper=1)),
    # The results of a report's months, and "за N месяцев" in a relative clause before its past verb.
    ("9 месяцев", "Торговля с ЕС: итоги 9 месяцев", "", "2026-10-20", span("2026-01", "2026-09")),
    ("восемь месяцев", "Рост связан с поставками зерна, которые за восемь месяцев выросли вдвое.", "", "2026-10-20",
     span("2026-01", "2026-08")),
    # The last quarter of a named year is its fourth.
    ("в последнем квартале 2025 года", "Завод запустят в последнем квартале 2025 года.", "", "2025-03-01",
     span("2025-10", "2025-12")),
]


@pytest.mark.parametrize(("selection", "context", "before", "published", "expected"), MEASURE_AND_PERIOD_CLASSES,
                         ids=[case[0] for case in MEASURE_AND_PERIOD_CLASSES])
def test_measures_and_periods_the_thirty_first_set_showed(selection: str, context: str, before: str, published: str,
                                                          expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context, before=before).value, expected)


def test_measure_and_period_look_alikes_are_left_alone() -> None:
    # "около часа" has no bound; "за 8 месяцев" after a verb is a span; "бір күні" (one day, once) is the article.
    assert suggest("около часа", published="2026-05-04").value.kind.value == "text"
    same(suggest("8 месяцев", published="2026-10-20", context="Мост построили за 8 месяцев.").value,
         quantity(8, "месяцев"))
    assert suggest("бір күні", published="2026-05-02", context="Бір күні ол келді.").value.kind.value == "text"
    # "did it in five" with no time before stays a bare five.
    same(suggest("five", published="2026-05-04", context="They did it in five.", before="The team won.").value,
         quantity(5, None))


KAZAKH_CLASSES = [
    # Two figures joined by "мен/бен/пен" before "аралығында" are a range; "жас" before it is an age.
    ("25 бен 40 жас аралығындағы", "Бағдарламаға 25 бен 40 жас аралығындағы мамандар қатыса алады.", "",
     "2026-05-04", quantity(None, "жас", lower=25, upper=40)),
    # A plural ending agrees with the stem's last vowel: "-тер" after a back vowel is the word's own syllable.
    ("8 волонтер", "Лагерьде 8 волонтер жұмыс істеді.", "", "2026-05-04", count(8, "волонтер")),
    ("15 волонтерлер", "Жобаға 15 волонтерлер қосылды.", "", "2026-05-04", count(15, "волонтер")),
    # "-чы/-чі" names a doer as "-шы/-ші" does: no possessive to take off.
    ("60 балықчы", "Көлде 60 балықчы жұмыс істейді.", "", "2026-05-04", count(60, "балықчы")),
    # Temperature and heat are measured.
    ("18 градусқа", "Сыныптағы температура 18 градусқа жетті.", "", "2026-05-04", quantity(18, "градус")),
    ("25 гигакалория", "Мектеп айына 25 гигакалория жылу тұтынады.", "", "2026-05-04", quantity(25, "гигакалория")),
    # A heating substation is a fixed term, its head in the base form.
    ("екі жылу пункті", "Ауылда екі жылу пункті салынды.", "", "2026-05-04", count(2, "жылу пункт")),
    # One of a measure made an adjective measures ("бір айлық курс", a one-month course).
    ("бір жылдық", "Студенттерге бір жылдық грант беріледі.", "", "2026-05-04", quantity(1, "жыл")),
]


@pytest.mark.parametrize(("selection", "context", "before", "published", "expected"), KAZAKH_CLASSES,
                         ids=[case[0] for case in KAZAKH_CLASSES])
def test_kazakh_classes_the_thirty_first_set_showed(selection: str, context: str, before: str, published: str,
                                                    expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context, before=before).value, expected)


def test_a_kazakh_range_of_money_between_two_figures() -> None:
    same(suggest("10 мен 15 мың теңге аралығында", published="2026-05-04",
                 context="Жәрмеңкеде бағалар 10 мен 15 мың теңге аралығында болды.").value,
         money(None, "KZT", lower=10e3, upper=15e3))


def test_kazakh_look_alikes_are_left_alone() -> None:
    # "мен" without "аралығында" joins two things; a front-vowel word keeps its plural cut; "жылы" is no measure.
    assert suggest("5 мен 7", published="2026-05-04", context="Ол 5 мен 7 санын қосты.").value.lower is None
    same(suggest("30 кәсіпкерлер", published="2026-05-04", context="Форумға 30 кәсіпкерлер келді.").value,
         count(30, "кәсіпкер"))
    assert suggest("2021 жылы", published="2026-05-04", context="Кооператив 2021 жылы құрылған.").value.date == "2021"


def _listed(text: str, words: str, published: str) -> TypedValue:
    start = text.index(words)
    found = [f for f in find_values(text, published) if f.start <= start < f.end]
    assert found, f"nothing listed at {words!r}"
    return found[0].value


def test_the_pane_lists_the_new_ranges_and_counts() -> None:
    text = ("Grants of USD 50 000 to USD 80 000 are offered. The plant emits between 2 and 3 million tonnes a year. "
            "Delegates came from the five countries of Central Asia.")
    same(_listed(text, "USD 50 000", "2026-05-04"), money(None, "USD", lower=50e3, upper=80e3))
    same(_listed(text, "2 and 3", "2026-05-04"), quantity(None, "tonnes", lower=2e6, upper=3e6))
    same(_listed(text, "five", "2026-05-04"), count(5, "countries"))
