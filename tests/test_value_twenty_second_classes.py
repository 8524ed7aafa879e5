"""The classes of misses the twenty-second set (whole Kazakh articles, tests/data/value_suggestions/)
showed on first sight, each tested on other sentences than the set's: what Ctrl+N suggests for a
highlight read with its sentence and the one before it, and what the Candidates pane lists."""

from __future__ import annotations

import pytest
from test_value_words import count, date, money, percent, quantity, same, span

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_candidates import find_values
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the sentence before it, publication date, the curator's value)
TWENTY_SECOND_SET_CLASSES = [
    # The past perfect ("-ған болатын", "-ған еді") reports: a month in it is the one before publication.
    ("қыркүйекте", "Бұған дейін комиссия қыркүйекте жаңа ережелерді бекіткен болатын.", "", "2026-11-20",
     date("2026-09")),
    ("ақпанда", "Министрлік ақпанда екі келісімге қол қойған еді.", "", "2026-11-20", date("2026-02")),
    # A relative year as an adjective before a month ("келесі жылғы", "келер жылғы"); "-ғы" with a case ending.
    ("келесі жылғы наурызда", "Жаңа терминал келесі жылғы наурызда ашылады.", "", "2026-10-05", date("2027-03")),
    ("былтырғыдан", "Бұл көрсеткіш былтырғыдан екі есе жоғары.", "", "2026-10-05", date("2025")),
    ("биылғыға", "Келесі жылғы бюджет биылғыға қарағанда азырақ.", "", "2026-10-05", date("2026")),
    # "N айдағы" (the N months' …) names the period; "N айда" right before the figure it dates is a report's period;
    # counted back ("соңғы") it stays a span.
    ("Сегіз айдағы", "Сегіз айдағы экспорт 4,2 млрд долларды құрады.", "", "2026-10-05", span("2026-01", "2026-08")),
    ("7 айда", "Әуежай жолаушылары 7 айда 1,3 млн адамға жетті.", "", "2026-10-05", span("2026-01", "2026-07")),
    ("соңғы 6 айдағы", "Соңғы 6 айдағы өсім 4 пайыз болды.", "", "2026-10-05", quantity(6, "ай")),
    # A collective numeral is a part of a whole already named: the count before, in its sentence or the one before.
    ("үшеуі", "Алғашқы үшеуі келесі жылы іске қосылады.", "Компания бес станция салып жатыр.",
     "2026-10-05", count(3, "станция")),
    ("алтауын", "Қалған алтауын серіктестер жөндейді.", "Портта 14 кран бар.", "2026-10-05", count(6, "кран")),
    # A lone "бір" before "ай", "жыл", "күн" in a case is one of the measure (bare, "бір күні" stays "once").
    ("бір жылға", "Келісім бір жылға ұзартылды.", "", "2026-10-05", quantity(1, "жыл")),
    ("бір күнде", "Жүк бір күнде жеткізіледі.", "", "2026-10-05", quantity(1, "күн")),
    # "шамасы(нда/на)" after a figure is about; "-дан жоғары" above, "-дан төмен" below.
    ("40 минут шамасына", "Жол уақыты 40 минут шамасына қысқарады.", "", "2026-10-05",
     quantity(40, "минут", approximate=True)),
    ("2 мың доллардан жоғары", "Тасымал құны 2 мың доллардан жоғары болды.", "", "2026-10-05",
     money(2000, "USD", lower=2000)),
    ("3 пайыздан төмен", "Жұмыссыздық 3 пайыздан төмен түсті.", "", "2026-10-05", percent(None, upper=3)),
    # An ordinal in the possessive after a plural genitive is the N-th of those ("the third of the agreements").
    ("екіншісі", "Жобалардың екіншісі Атырауда салынады.", "", "2026-10-05", count(2, "жоба")),
    # A list in brackets after the sentence that named its noun ("… – 24,6 мың адам. Одан кейін Польша (9,8 мың)").
    ("3,2 мың", "Одан кейін Түркия (5,1 мың) және Қытай (3,2 мың) тұр.", "Ең көбі Ресейден – 12,4 мың студент.",
     "2026-10-05", count(3200, "студент")),
    # A scale in the possessive after "оның" is a part of the amount before: in its currency, in its sentence or
    # the one before; the noun after it is not counted.
    ("25 миллионын", "Оның 25 миллионын Азия даму банкі береді.", "Жолдың құны – 70 млн доллар.", "2026-10-05",
     money(25e6, "USD")),
    ("8 миллиардын", "Жобаның құны 20 млрд теңге, оның 8 миллиардын облыс бюджеті төлейді.", "", "2026-10-05",
     money(8e9, "KZT")),
    # "бірлік" (units) is a classifier: the noun of "саны" is counted.
    ("1 250 бірлікке", "Облыстағы шағын кәсіпорындар саны 1 250 бірлікке жетті.", "", "2026-10-05",
     count(1250, "кәсіпорын")),
    # "жарты" before a measure is half of it; the unit written with both figures of "-дан … -ға дейін" is a range.
    ("жарты сағатқа", "Жол уақыты жарты сағатқа қысқарады.", "", "2026-10-05", quantity(0.5, "сағат")),
    ("5 тоннадан 8 тоннаға дейін", "Әр вагонға 5 тоннадан 8 тоннаға дейін жүк тиеледі.", "", "2026-10-05",
     quantity(None, "тонна", lower=5, upper=8)),
    # A measure of time with no number before "жуық" is about one of it.
    ("жылға жуық", "Құрылыс жылға жуық созылды.", "", "2026-10-05", quantity(1, "жыл", approximate=True)),
    ("аптаға жуық", "Жүк шекарада аптаға жуық тұрды.", "", "2026-10-05", quantity(1, "апта", approximate=True)),
    # A list in brackets that named its noun counts it, even after "ең көп" named another.
    ("7", "Ең көп оқытушы Германияға (12 адам), одан кейін Францияға (7) барады.", "", "2026-10-05", count(7, "адам")),
]

# The classes set 24 (scored once after set 22's fixes) showed.
TWENTY_FOURTH_SET_CLASSES = [
    # A list in brackets, large numbers too, after a sentence with no count: the plural whole it took a share of.
    ("150 мың", "Одан кейін Қытай (150 мың) және Түркия (90 мың) тұр.",
     "Шетелдік туристердің үштен бірі Ресейден келген.", "2026-10-05", count(150e3, "турист")),
    # "-дан кем болмауы" (must not be less than) is a lower bound.
    ("5 мың теңгеден кем болмауы", "Айыппұл 5 мың теңгеден кем болмауы тиіс.", "", "2026-10-05",
     money(5000, "KZT", lower=5000)),
    # "-дай" on "еуро" keeps the currency; "деп" (reported speech) is no noun.
    ("300 еуродай", "Сапар 300 еуродай тұрады.", "", "2026-10-05", money(300, "EUR", approximate=True)),
    ("5 мыңнан асады", "Былтыр 4 200 студент келді, биыл олардың саны 5 мыңнан асады деп күтілуде.", "",
     "2026-10-05", count(5000, "студент", lower=5000)),
    # A range with a scale and its currency or measure written with both figures.
    ("300 мың тоннадан 1 млн тоннаға дейін", "Зауыттың қуаты 300 мың тоннадан 1 млн тоннаға дейін болады.", "",
     "2026-10-05", quantity(None, "тонна", lower=3e5, upper=1e6)),
    # A month's "-дағы" adjective with a case ending ("тамыздағыдан көп", more than August's).
    ("қыркүйектегіден", "Қазан айында 12 мың тонна жүк тасылды, бұл қыркүйектегіден 8 пайызға көп.", "", "2026-11-20",
     date("2026-09")),
    # A score is measured: "кемінде 60 балл" is a quantity.
    ("кемінде 70 балл", "Үміткер кемінде 70 балл жинауы керек.", "", "2026-10-05", quantity(70, "балл", lower=70)),
]
ALL_CLASSES = TWENTY_SECOND_SET_CLASSES + TWENTY_FOURTH_SET_CLASSES


@pytest.mark.parametrize(("selection", "context", "before", "published", "expected"), ALL_CLASSES,
                         ids=[c[0] + " / " + c[1] for c in ALL_CLASSES])
def test_classes_the_twenty_second_set_showed(selection: str, context: str, before: str, published: str,
                                              expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context, before=before).value, expected)


def test_words_like_the_new_forms_are_left_alone() -> None:
    # "бір күні" (one day, once) keeps its "бір"; "алты айда салынады" (built in six months) is a span.
    assert suggest("бір күні", published="2026-05-02", context="Бір күні ол келді.").value.kind.value == "text"
    same(suggest("алты айда", published="2026-05-02", context="Көпір алты айда 2 мың тонна болаттан салынады.").value,
         quantity(6, "ай"))
    # "3 айға жуық" keeps its number; brackets with no noun after "ең көп" count what it named.
    same(suggest("3 айға жуық", published="2026-05-02", context="Құрылыс 3 айға жуық созылды.").value,
         quantity(3, "ай", approximate=True))
    same(suggest("6,4 мың", published="2026-05-02",
                 context="Ең көп турист Германиядан (11,2 мың), Франциядан (6,4 мың) келді.").value, count(6400, "турист"))


def _listed(text: str, words: str, published: str) -> TypedValue:
    start = text.index(words)
    found = [f for f in find_values(text, published) if f.start <= start < f.end]
    assert found, f"nothing listed at {words!r}"
    return found[0].value


def test_the_pane_keeps_a_date_s_bound_and_the_pronoun_apart() -> None:
    # "дейін" after a year bounds the date, not the count before it; "оны" (it) is no ten before a month.
    text = "Компания 5 кемені 2028 жылға дейін жөндейді. Кеңес оны қараша айының соңына дейін қарайды."
    same(_listed(text, "5 кемені", "2026-01-10"), count(5, "кеме"))
    same(_listed(text, "2028", "2026-01-10"), date("2028"))
    same(_listed(text, "қараша", "2026-01-10"), date("2026-11"))
    assert not [f for f in find_values(text, "2026-01-10") if text[f.start:f.end].startswith("оны")]


def test_the_pane_reads_the_twenty_second_set_classes() -> None:
    same(_listed("Министрлік ақпанда екі келісімге қол қойған еді.", "ақпанда", "2026-11-20"), date("2026-02"))
    same(_listed("Сегіз айдағы экспорт 4,2 млрд долларды құрады.", "Сегіз", "2026-10-05"), span("2026-01", "2026-08"))
