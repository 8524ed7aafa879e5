"""The classes of misses the first whole articles (the fifteenth set, tests/data/value_suggestions/)
showed, each tested on other sentences than the set's: what Ctrl+N suggests for a highlight read
with its sentence, and what the Candidates pane lists for a whole sentence."""

from __future__ import annotations

import pytest
from test_value_words import count, date, money, percent, quantity, same, span

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_candidates import find_values
from kzeu_desk.core.value_parsing import suggest

FIFTEENTH_SET_CLASSES = [
    # A part named by "of those", "of the" before its noun counts that noun.
    ("four", "Officials said four of those loans would be disbursed this year.", "2025-11-03", count(4, "loans")),
    ("12", "The bank has financed 12 of the projects on the list.", "2025-11-03", count(12, "projects")),
    ("три", "Банк профинансировал три из этих проектов.", "2025-11-03", count(3, "проектов")),
    # A highlight that leaves out "between" is still the range its sentence states.
    ("2016 and 2019", "Exports of wheat doubled between 2016 and 2019.", "2025-11-03", span("2016", "2019")),
    ("2012 и 2018", "Производство выросло между 2012 и 2018 годами.", "2025-11-03", span("2012", "2018")),
    # Kazakh years "X мен Y жылдар аралығында" (between X and Y); "Y жылдар" there is no decade.
    ("2015 пен 2020 жылдар аралығында", "Экспорт 2015 пен 2020 жылдар аралығында екі есе өсті.", "2025-11-03",
     span("2015", "2020")),
    # A span of years before or after a year of the sentence dates from that year.
    ("three years later", "The plant opened in 2012, and three years later it doubled its output.", "2025-11-03",
     date("2015")),
    ("four years earlier", "Output reached 9,000 tonnes in 2020, 40% more than four years earlier.", "2025-11-03",
     date("2016")),
    ("пять лет спустя", "Завод открылся в 2010 году, а пять лет спустя его мощность удвоили.", "2025-11-03",
     date("2015")),
    # "last <month>" is that month of the year before publication; "next <month>" of the year after.
    ("last March", "The ministers met in Samarkand last March.", "2025-05-20", date("2024-03")),
    ("last October", "The talks opened last October.", "2025-05-20", date("2024-10")),
    ("next February", "The line will open next February.", "2025-05-20", date("2026-02")),
    # Agreeing or deciding to do something says neither tense ("договорились провести … в октябре"): the
    # date nearest the publication decides, as with no verb; "agreed to set up … on 30 July" in an
    # August article dates the agreement.
    ("в октябре", "Стороны договорились провести следующую встречу в октябре.", "2025-07-02", date("2025-10")),
    ("in November", "The two sides agreed to hold the next round in November.", "2025-07-02", date("2025-11")),
    ("в январе", "Правительство решило открыть новый терминал в январе.", "2025-11-03", date("2026-01")),
    ("қазанда", "Тараптар келесі кездесуді қазанда өткізуге келісті.", "2025-07-02", date("2025-10")),
    ("on 2 June", "The ministers agreed to launch the dialogue on 2 June.", "2025-06-10", date("2025-06-02")),
    # A bare month read with the tense of its own clause.
    ("September", "Bids will be opened in September, and the works are to end by 2030.", "2026-05-07",
     date("2026-09")),
    # A verb after a bare number is no noun: the number counts the noun of the clause before.
    ("три", "Компания купила пять самолетов, первые три будут поставлены в мае.", "2025-11-03",
     count(3, "самолетов")),
    ("два", "Город заказал шесть автобусов, два должны прийти весной.", "2025-11-03", count(2, "автобусов")),
    # "наполовину" (by half) is 50 %, crisp under a bound.
    ("наполовину", "Мощности завода загружены наполовину.", "2025-11-03", percent(50, approximate=True)),
    ("менее чем наполовину", "Склады заполнены менее чем наполовину.", "2025-11-03", percent(None, upper=50)),
    # Kazakh: a quarter of a year named with "жылғы".
    ("2025 жылғы үшінші тоқсанда", "2025 жылғы үшінші тоқсанда экспорт өсті.", "2025-11-03",
     span("2025-07", "2025-09")),
    # Kazakh collective numerals after a plural noun in the genitive count that noun, and a second
    # one in the clause counts it too.
    ("Зауыттардың үшеуі", "Облыстағы зауыттардың үшеуі жабылды.", "2025-11-03", count(3, "зауыт")),
    ("екеуі", "Мектептердің төртеуі Алматыда, екеуі Астанада ашылды.", "2025-11-03", count(2, "мектеп")),
    # Kazakh: "the number of X brought to N", "санын N-ге жеткізу".
    ("50-ге", "Облыстағы мектептер санын 50-ге жеткізу жоспарлануда.", "2025-11-03", count(50, "мектеп")),
    # Kazakh: a bound participle with a case ending ("аспайтынын", "жетпейтінін").
    ("20 күннен аспайтынын", "Министр тексеру мерзімі 20 күннен аспайтынын айтты.", "2025-11-03",
     quantity(None, "күн", upper=20)),
    # Kazakh: a lone "жүз" before a noun it counts is a hundred.
    ("жүз оқытушы", "Бағдарламаға жүз оқытушы қатысты.", "2025-11-03", count(100, "оқытушы")),
    # A verbal noun before "туралы" makes the number count its object, not the agreement.
    ("екі жүз грант", "Қор екі жүз грант беру туралы шешім қабылдады.", "2025-11-03", count(200, "грант")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), FIFTEENTH_SET_CLASSES,
                         ids=[c[0] + " / " + c[1] for c in FIFTEENTH_SET_CLASSES])
def test_classes_the_fifteenth_set_showed(selection: str, context: str, published: str,
                                          expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


def _listed(sentence: str, words: str, published: str = "2025-11-03") -> TypedValue:
    start = sentence.index(words)
    found = [f for f in find_values(sentence, published) if f.start <= start < f.end]
    assert found, f"nothing listed at {words!r}"
    return found[0].value


# The Candidates pane reads whole sentences: a year after "by", or a year before a noun it dates, is
# when, not a count of the clause's noun.
PANE_CLASSES = [
    ("The road will be rebuilt in three regions by 2028.", "2028", date("2028")),
    ("The country has set its 2035 targets for wind power.", "2035", date("2035")),
    ("Эти 12 компаний выполнят план к 2030 году.", "2030", date("2030")),
    # A scale abbreviated with a full stop before a unit in capitals does not end the sentence.
    ("Мощность терминала составит 180 тыс. ДФЭ в год.", "180", quantity(180e3, "ДФЭ")),
]


@pytest.mark.parametrize(("sentence", "words", "expected"), PANE_CLASSES, ids=[c[0] for c in PANE_CLASSES])
def test_the_pane_reads_these_classes_in_a_whole_sentence(sentence: str, words: str, expected: TypedValue) -> None:
    same(_listed(sentence, words), expected)


def test_a_year_that_counts_is_still_a_count() -> None:
    # The rules above must leave real counts of about two thousand alone.
    same(suggest("2000 tonnes", published="2025-11-03").value, quantity(2000, "tonnes"))
    same(_listed("The company's 2000 employees went on strike.", "2000"), count(2000, "employees"))
    same(suggest("Орта жүз", published="2025-11-03", context="Орта жүз рулары туралы кітап шықты.").value,
         TypedValue(kind=ValueKind.TEXT, text="Орта жүз"))
    # A verb of change before "to" still reports: "increased to record levels in March" is past.
    same(suggest("in March", published="2025-02-02", context="Prices increased to record levels in March.").value,
         date("2024-03"))
    same(suggest("by 1,500 jobs", published="2025-11-03", context="Employment rose by 1,500 jobs.").value,
         count(1500, "jobs"))


# The classes the sixteenth set (whole articles, scored once after the fifteenth set's fixes) showed.
SIXTEENTH_SET_CLASSES = [
    # An exchange rate: the currency named before, priced per dollar or euro after the number.
    ("487 per dollar", "The tenge weakened to 487 per dollar on Monday.", "2025-11-03", money(487, "KZT")),
    ("498", "Курс тенге укрепился до 498 за доллар.", "2025-11-03", money(498, "KZT")),
    # How often is an adjective: "about 60 weekly flights" counts flights.
    ("12 daily trains", "The line carries 12 daily trains.", "2025-11-03", count(12, "trains")),
    # Two figures joined by "or" are a range.
    ("two or three weeks", "Customs clearance takes two or three weeks.", "2025-11-03",
     quantity(None, "weeks", lower=2, upper=3)),
    ("5 или 6 дней", "Досмотр занимает 5 или 6 дней.", "2025-11-03", quantity(None, "дней", lower=5, upper=6)),
    # "рейсов было 58": the genitive noun before "было/стало" is what the number counts.
    ("120", "В 2020 году школ стало 120.", "2025-11-03", count(120, "школ")),
    # A figure in brackets after a place counts what "most" named.
    ("6,400", "Most visitors came from Germany (11,200) and France (6,400).", "2025-11-03", count(6400, "visitors")),
    ("3,2 мың", "Ең көп студент Германияға (3,2 мың) және Францияға (1,1 мың) барды.", "2025-11-03",
     count(3200, "студент")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), SIXTEENTH_SET_CLASSES,
                         ids=[c[0] + " / " + c[1] for c in SIXTEENTH_SET_CLASSES])
def test_classes_the_sixteenth_set_showed(selection: str, context: str, published: str,
                                          expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


def test_the_pane_reads_a_release_date_and_a_share_of_change() -> None:
    # A release's date line "02-12-2026" is a date (it ranked eighth as a quantity before), and "by
    # about a third after 2022" a share the pane lists.
    same(_listed("Plenary session | Press release | 02-12-2026", "02-12-2026"), date("2026-12-02"))
    same(_listed("Freight fell by about a third after 2022, as shippers avoided the route.", "about a third"),
         percent(100 / 3, approximate=True))
    # "5 or 3" is two figures, not a range.
    descending = suggest("5 or 3 companies", published="2025-11-03").value
    assert (descending.kind, descending.lower, descending.upper) == (ValueKind.COUNT, None, None)
