"""The classes of misses the nineteenth set (whole articles, tests/data/value_suggestions/) showed on
first sight, each tested on other sentences than the set's: what Ctrl+N suggests for a highlight read
with its sentence and the one before it, and what the Candidates pane lists."""

from __future__ import annotations

import pytest
from test_value_words import count, money, percent, quantity, same, span

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_candidates import find_values
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the sentence before it, publication date, the curator's value)
NINETEENTH_SET_CLASSES = [
    # Kazakh "-дай/-дей/-тай/-тей" on a number, its scale, currency or measure: about.
    ("30 млн теңгедей", "Жөндеуге 30 млн теңгедей жұмсалды.", "", "2026-05-02", money(30e6, "KZT", approximate=True)),
    ("200 мыңдай адам", "Мерекеге 200 мыңдай адам жиналды.", "", "2026-05-02", count(2e5, "адам", approximate=True)),
    ("40-тай", "Байқауға 40-тай мектеп қатысты.", "", "2026-05-02", quantity(40, None, approximate=True)),
    # A possessive before the ablative of "less than": "санның 3%-ынан аз".
    ("3%-ынан аз", "Бұл экспорттың 3%-ынан аз.", "", "2026-05-02", percent(None, upper=3)),
    # "X-ға дейін жетеді" (reaches up to X) is a ceiling, "X-ға дейін жетті" (reached X) is not.
    ("500 мың теңгеге дейін", "Айыппұл 500 мың теңгеге дейін жетеді.", "", "2026-05-02", money(None, "KZT", upper=5e5)),
    # Kazakh "from … to": "1 наурыздан 15 мамырға дейін".
    ("3 ақпаннан 20 наурызға дейін", "Өтінімдер 3 ақпаннан 20 наурызға дейін қабылданады.", "", "2026-01-10",
     span("2026-02-03", "2026-03-20")),
    ("10 қаңтардан бастап 28 ақпанға дейін", "Көрме 10 қаңтардан бастап 28 ақпанға дейін өтті.", "",
     "2026-04-10", span("2026-01-10", "2026-02-28")),
    # A Kazakh part with its bound or scale in the possessive: of the plural genitive before it, of "олардың"/
    # "оның" (of them) the count before, in its sentence or the one before (a percentage there counts nothing).
    ("30-дан астамы", "Дәрігерлердің 30-дан астамы Италияда оқыды.", "", "2026-05-02", count(30, "дәрігер", lower=30)),
    ("500-ге жуығы", "Олардың 500-ге жуығы қазір ауылда тұрады.", "Қорға биыл 3 мың фермер жүгінді.", "2026-05-02",
     count(500, "фермер", approximate=True)),
    ("9-ы", "Олардың 9-ы Алматыда.", "Биыл 40 зертхана ашылды.", "2026-05-02", count(9, "зертхана")),
    ("150 мыңы", "Оның 150 мыңы – шетелдіктер.", "Саябаққа 700 мың келуші келді, бұл 12%-ға көп.", "2026-05-02",
     count(150e3, "келуші")),
    # Figures listed in running prose: the list names its noun once.
    ("6,000", "Most came from Spain with 21,000 visitors, followed by Greece with 14,000, Malta with 9,000 and "
     "Cyprus with 6,000.", "", "2026-05-02", count(6000, "visitors")),
    ("5", "Германия получила 12 грантов, Франция – 7, Италия – 5.", "", "2026-05-02", count(5, "грантов")),
    # "N of them" counts what the sentence before counted, and a list after it goes on counting the same.
    ("40 of them", "The national carrier runs 40 of them, a low-cost airline 12, and foreign airlines the rest.",
     "Airlines operate 80 flights a week, against 60 last year.", "2026-05-02", count(40, "flights")),
    ("12", "The national carrier runs 40 of them, a low-cost airline 12, and foreign airlines the rest.",
     "Airlines operate 80 flights a week, against 60 last year.", "2026-05-02", count(12, "flights")),
    # A bare number compared with a measure is in its unit; yields per hectare are measures.
    ("30", "The crossing takes about 50 days instead of 30.", "", "2026-05-02", quantity(30, "days")),
    ("12,1", "Урожайность составила 10,5 ц/га против 12,1 в прошлом году.", "", "2026-05-02", quantity(12.1, "ц/га")),
    # Russian: a neuter short participle is no noun, and a scaled amount alone in its sentence is in the currency
    # of the sentence before; the end of a change names its unit past a scale; "most" then a dash.
    ("7 млн", "Еще 7 млн направлено на обучение.", "Первый этап стоит 40 млн евро, он рассчитан на 2025-2027 годы.",
     "2026-05-02", money(7e6, "EUR")),
    ("150 тыс.", "Посевы расширят со 150 тыс. до двух миллионов гектаров.", "", "2026-05-02", quantity(150e3, "гектаров")),
    ("52,6 тыс.", "Больше всего посетителей приехало из Польши – 52,6 тыс., затем из Чехии.", "", "2026-05-02",
     count(52.6e3, "посетителей")),
    # A Kazakh verb in the present-future that ends the clause is no counted noun; modal words neither.
    ("22", "Францияға – 30, Италияға – 22 аттанады.", "Германияға 80 студент барады.", "2026-05-02",
     count(22, "студент")),
    ("18-ден аспауы", "Топтағы балалар саны 18-ден аспауы тиіс.", "", "2026-05-02", count(None, "бала", upper=18)),
    # A date right after a verb of saying dates the saying ("said in May that it would build" reports May);
    # a clause after ", а"/", but" has its own tense (none here: the publication's year, four months ahead).
    ("March", "The ministry announced in March that it would open four more offices.", "", "2026-09-10",
     TypedValue(kind=ValueKind.DATE, date="2026-03")),
    ("декабре", "Весной фонд провел три конкурса, а в декабре откроется новый прием заявок.", "", "2026-09-10",
     TypedValue(kind=ValueKind.DATE, date="2026-12")),
    # A span that says when ("over the next three years") is passed over for the noun a ceiling counts; nouns
    # with an adjective's ending ("traffic", "hospital") qualify the noun after them; a Russian genitive plural
    # opening the clause before a dash is counted; a fixed term whose qualifier follows its noun.
    ("fewer than 40", "Hospitals need about 200 new nurses over the next three years, and the college trains fewer "
     "than 40 a year.", "", "2026-05-02", count(None, "nurses", upper=40)),
    ("three hospital beds", "The ward got three hospital beds.", "", "2026-05-02", count(3, "hospital beds")),
    ("four traffic lanes", "The bridge has four traffic lanes.", "", "2026-05-02", count(4, "traffic lanes")),
    ("лишь 9", "В городе 40 гостиниц, но пятизвездочных отелей – лишь 9.", "", "2026-05-02", count(9, "отелей")),
    ("2 300", "В области 2 300 мест размещения.", "", "2026-05-02", count(2300, "мест размещения")),
    # A lone "бір" before a measure in a case is one of it.
    ("бір тәулікке", "Сапар бір тәулікке ұзарды.", "", "2026-05-02", quantity(1, "тәулік")),
]

# The classes the twentieth set (scored once after the nineteenth set's fixes) showed.
TWENTIETH_SET_CLASSES = [
    # Kazakh stems: a short stem is cut off a syllable-like case ending only when known ("шахта", "жүлде" are
    # nouns; "жерде" is "жер" + "де"); a loanword keeps its soft sign; "-дай/-дей" comes off a measure too.
    ("3 жаңа шахта", "Кен орнында 3 жаңа шахта салынады.", "", "2026-05-02", count(3, "шахта")),
    ("төрт жүлде", "Фильм төрт жүлде алды.", "", "2026-05-02", count(4, "жүлде")),
    ("20 жерде", "Облыстың 20 жерде су жоқ.", "", "2026-05-02", count(20, "жер")),
    ("алты кинофестивалінде", "Фильм Еуропаның алты кинофестивалінде көрсетілді.", "", "2026-05-02",
     count(6, "кинофестиваль")),
    ("5 мыңнан астам", "Фестивальді 5 мыңнан астам көрермен тамашалады.", "", "2026-05-02",
     count(5000, "көрермен", lower=5000)),
    ("30 күндей", "Сапар 30 күндей созылады.", "", "2026-05-02", quantity(30, "күн", approximate=True)),
    # A Russian perfective future with a prefix ("вложит", "выделит") is no noun: the amount takes the currency
    # of the figure before it.
    ("20 млн", "Стоимость проекта 90 млн евро, из них 20 млн вложит банк.", "", "2026-05-02", money(20e6, "EUR")),
    ("3 млн", "Еще 3 млн выделит бюджет.", "Проект стоит 30 млн евро.", "2026-05-02", money(3e6, "EUR")),
    # A Russian genitive plural then an adverb of how many; "в том числе"/"including" counts the figure before.
    ("12", "Таких соглашений уже 12.", "", "2026-05-02", count(12, "соглашений")),
    ("девять", "Таких договоров уже 37, в том числе девять с иностранными компаниями.", "", "2026-05-02",
     count(9, "договоров")),
    ("four", "The ministry drafted nine laws, including four on courts.", "", "2026-05-02", count(4, "laws")),
    # A list in brackets names its noun once; a clause after a semicolon counts the clause before; the end of
    # a change is in the unit of its start; "олардың саны N-ге" counts what the sentence before counted.
    ("95", "Крупнейшие – завод (310 студентов), комбинат (180) и электростанция (95).", "", "2026-05-02",
     count(95, "студентов")),
    ("four", "The project drafted seven laws and by-laws; four were adopted.", "", "2026-05-02", count(4, "laws")),
    ("64", "The average time fell from 97 days to 64.", "", "2026-05-02", quantity(64, "days")),
    ("18-ге", "Былтыр олардың саны 18-ге жетті.", "Бұрын жылына 2-3 қазақ фильмі ғана іріктелетін.", "2026-05-02",
     count(18, "фильм")),
    # A round ordinal in digits numbers the thing after it, highlighted with it or alone; "ones" stands for the
    # plural named before it.
    ("500th", "The factory delivered its 500th bus on Monday.", "", "2026-05-02", count(500, "bus")),
    ("the 2,000th tractor", "The plant built the 2,000th tractor in May.", "", "2026-07-02", count(2000, "tractor")),
    ("400", "About a third of its buses are older than 20 years, and the city wants 400 new ones by 2030.", "",
     "2026-05-02", count(400, "buses")),
]
ALL_CLASSES = NINETEENTH_SET_CLASSES + TWENTIETH_SET_CLASSES


@pytest.mark.parametrize(("selection", "context", "before", "published", "expected"), ALL_CLASSES,
                         ids=[c[0] + " / " + c[1] for c in ALL_CLASSES])
def test_classes_the_nineteenth_set_showed(selection: str, context: str, before: str, published: str,
                                           expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context, before=before).value, expected)


def test_kazakh_words_like_the_suffixes_are_left_alone() -> None:
    # "бір күні" (one day, once) keeps its "бір"; "осындай" (such) makes nothing approximate.
    assert suggest("бір күні", published="2026-05-02", context="Бір күні ол келді.").value.kind.value == "text"
    assert not suggest("5 осындай", published="2026-05-02", context="Облыста 5 осындай жоба бар.").value.approximate


def _listed(text: str, words: str, published: str) -> TypedValue:
    start = text.index(words)
    found = [f for f in find_values(text, published) if f.start <= start < f.end]
    assert found, f"nothing listed at {words!r}"
    return found[0].value


def test_the_pane_reads_the_nineteenth_set_classes() -> None:
    same(_listed("Жөндеуге 30 млн теңгедей жұмсалды.", "30 млн", "2026-05-02"), money(30e6, "KZT", approximate=True))
    same(_listed("Өтінімдер 3 ақпаннан 20 наурызға дейін қабылданады.", "3 ақпаннан", "2026-01-10"),
         span("2026-02-03", "2026-03-20"))


def test_the_pane_dates_a_month_by_its_own_clause() -> None:
    # As Ctrl+N does: after a verb of saying the saying's tense; after ", а" the clause's own.
    same(_listed("The ministry announced in March that it would open four more offices.", "March", "2026-09-10"),
         TypedValue(kind=ValueKind.DATE, date="2026-03"))
    same(_listed("Весной фонд провел три конкурса, а в декабре откроется новый прием заявок.", "декабре",
                 "2026-09-10"), TypedValue(kind=ValueKind.DATE, date="2026-12"))
