"""The classes of misses sets 40 and 41 showed in dates, bounds of time and amount, and durations and fractions in words,
each tested on other sentences than the sets': what Ctrl+N suggests for a highlight read with its sentence (the
sentence before it and the text before those, where they name what it counts from)."""

from __future__ import annotations

import pytest
from test_value_words import date, money, percent, quantity, same, span

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing import suggest

# (highlight, the text before its sentence or "", its sentence, published, the curator's value)
Case = tuple[str, str, str, str, TypedValue]


def _check(case: Case) -> None:
    selection, before, context, published, expected = case
    same(suggest(selection, published=published, context=context, before=before or None,
                 earlier=before or None).value, expected)


def _about(year: str) -> TypedValue:
    return TypedValue(kind=ValueKind.DATE, date=year, approximate=True)


def _ids(cases: list[Case]) -> list[str]:
    return [f"{case[0]}|{case[2][:30]}" for case in cases]


# 2026-10-14 is a Wednesday.
DATES_AHEAD_OF_PUBLICATION = [
    # A verb of saying after "be" announces ("will be announced on 27 November"): it dates nothing reported.
    ("12 November", "", "The winners will be announced on 12 November, and the awards handed out a week later.",
     "2026-10-14", date("2026-11-12")),
    # A date in a clause opened by "before", "until" or "до того как" whose own verb is not past lies ahead, whatever
    # the main clause reports.
    ("December", "", "Two members argued that a cut made before Parliament approves the budget in December might "
     "have to be undone.", "2026-10-14", date("2026-12")),
    # (A plural after "the" is a noun, no verb: "before the talks in March" reports.)
    ("March", "", "Tensions rose before the talks in March.", "2026-10-14", date("2026-03")),
    ("декабре", "", "Два члена комитета возражали, считая, что снижение до того, как парламент утвердит бюджет в "
     "декабре, пришлось бы отменить.", "2026-10-14", date("2026-12")),
    # Payments "due on" a day, and a release "publishes" on a day, lie ahead.
    ("Monday", "", "Exporters were selling dollars ahead of tax payments due on Monday.", "2026-10-14",
     date("2026-10-19")),
    ("Friday", "", "On Friday the statistics office publishes its inflation figures, which stood at 11.2% in "
     "September.", "2026-10-14", date("2026-10-16")),
    ("пятницу", "", "В пятницу Нацбанк опубликует данные о резервах, которые на начало месяца составляли 49,6 млрд "
     "долларов.", "2026-10-14", date("2026-10-16")),
    # A clause with no verb of its own after "а", "but", "ал" takes the tense of the clause it is set against.
    ("воскресенье", "", "Первый матч пройдет в субботу, а второй — в воскресенье.", "2026-10-14", date("2026-10-18")),
    ("жексенбіде", "", "Бірінші ойын сенбіде өтеді, ал екіншісі жексенбіде.", "2026-10-14", date("2026-10-18")),
    # A date after a verb of deciding or agreeing and its infinitive is when the decided thing is to happen.
    ("1 декабря", "", "Совет директоров решил с 1 декабря снизить комиссию для продавцов.", "2026-10-14",
     date("2026-12-01")),
    ("осенью", "", "Стороны договорились обмениваться данными и провести совместный семинар осенью.", "2026-04-09",
     span("2026-09", "2026-11")),
]


@pytest.mark.parametrize("case", DATES_AHEAD_OF_PUBLICATION, ids=_ids(DATES_AHEAD_OF_PUBLICATION))
def test_a_date_is_placed_on_the_side_of_publication_its_clause_says(case: Case) -> None:
    _check(case)


DATES_COUNTED_FROM_ANOTHER_DATE = [
    # Days "later" after a day its sentence names are counted from that day.
    ("ten days later", "", "The first shipment will leave on 3 November and the second ten days later.", "2026-10-14",
     date("2026-11-13")),
    ("десять дней спустя", "", "Первая партия уйдет 3 ноября, а вторая — десять дней спустя.", "2026-10-14",
     date("2026-11-13")),
    # "the year before", "годом ранее", "алдыңғы жылы" after a year its sentence names: the year before that one.
    ("the year before", "", "At least 40 firms were fined in 2025, against 28 the year before.", "2026-06-11",
     date("2024")),
    ("годом ранее", "", "В 2025 году поступило 90 жалоб, почти вдвое больше, чем годом ранее.", "2026-04-09",
     date("2024")),
    ("алдыңғы жылы", "", "2025 жылы 90 шағым түсті, ал алдыңғы жылы 48 шағым болған.", "2026-04-09", date("2024")),
    # "the same period last year", "тот же период прошлого года", "өткен жылдың осы кезеңі": the period its sentence (or
    # the one before) names, a year back.
    ("the same period last year", "", "Exports rose by 12% in January-September 2026 compared with the same period "
     "last year.", "2026-10-14", span("2025-01", "2025-09")),
    ("тем же периодом прошлого года", "", "За девять месяцев 2026 года экспорт вырос на 12% по сравнению с тем же "
     "периодом прошлого года.", "2026-10-14", span("2025-01", "2025-09")),
    ("өткен жылдың осы кезеңімен", "2026 жылғы 1 қаңтар мен 20 ақпан аралығында 640 бас мал сойылды.",
     "Бұл өткен жылдың осы кезеңімен салыстырғанда 1,8 есе көп.", "2026-03-05", span("2025-01-01", "2025-02-20")),
    # "this day last year", "в этот же день прошлого года", "былтыр осы күні": the day the text's figures are as of, a
    # year back.
    ("Былтыр осы күні", "Жедел мәлімет (10 қазандағы жағдай бойынша). Облыста 420 мың гектар жиналды.",
     "Былтыр осы күні алқаптың 35%-ы ғана орылған еді.", "2026-10-14", date("2025-10-10")),
    ("this day last year", "Harvest bulletin (as at 10 October). Farms have threshed 420,000 hectares.",
     "On this day last year only 35% had been threshed.", "2026-10-14", date("2025-10-10")),
    ("В этот же день прошлого года", "Оперативная сводка (по состоянию на 10 октября). Обмолочено 420 тыс. гектаров.",
     "В этот же день прошлого года было обмолочено лишь 35%.", "2026-10-14", date("2025-10-10")),
    # "at the start of the month", "в начале месяца", "ай басында": the publication's month.
    ("at the start of the month", "", "Reserves stood at US$49.6 billion at the start of the month.", "2026-10-14",
     date("2026-10")),
    ("в начале месяца", "", "Резервы в начале месяца составляли 49,6 млрд долларов.", "2026-10-14", date("2026-10")),
    ("ай басында", "", "Резервтер ай басында 49,6 млрд долларды құрады.", "2026-10-14", date("2026-10")),
]


@pytest.mark.parametrize("case", DATES_COUNTED_FROM_ANOTHER_DATE, ids=_ids(DATES_COUNTED_FROM_ANOTHER_DATE))
def test_a_date_is_counted_from_the_date_its_text_names(case: Case) -> None:
    _check(case)


CENTURIES_AND_DECADES = [
    ("a century ago", "", "Wolves vanished from the valley a century ago.", "2026-07-02", _about("1926")),
    ("two centuries ago", "", "The fortress was built two centuries ago.", "2026-07-02", _about("1826")),
    ("век назад", "", "Волки исчезли из долины век назад.", "2026-07-02", _about("1926")),
    ("Бір ғасыр бұрын", "", "Бір ғасыр бұрын аңғарда қасқыр көп болған.", "2026-07-02", _about("1926")),
    ("the 1960s to the 1980s", "", "Most were recorded from the 1960s to the 1980s.", "2026-03-18",
     span("1960", "1989")),
    ("с 1960-х по 1980-е годы", "", "Большинство записей сделано с 1960-х по 1980-е годы.", "2026-03-18",
     span("1960", "1989")),
    ("1960-жылдардан 1980-жылдарға дейін", "", "Жазбалардың көбі 1960-жылдардан 1980-жылдарға дейін жасалған.",
     "2026-03-18", span("1960", "1989")),
]


@pytest.mark.parametrize("case", CENTURIES_AND_DECADES, ids=_ids(CENTURIES_AND_DECADES))
def test_centuries_ago_and_ranges_of_decades(case: Case) -> None:
    _check(case)


BOUNDS_BY_A_PREPOSITION_OR_VERB = [
    # A time limit counted from an event is a ceiling, in hours and banking days too.
    ("в течение 48 часов", "", "Перевозчик возвращает багаж в течение 48 часов с момента подачи заявления.",
     "2026-10-14", quantity(None, "часов", upper=48)),
    ("within 48 hours", "", "The carrier returns the luggage within 48 hours of the claim.", "2026-10-14",
     quantity(None, "hours", upper=48)),
    ("48 сағат ішінде", "", "Тасымалдаушы өтініш түскеннен кейін 48 сағат ішінде жүкті қайтарады.", "2026-10-14",
     quantity(None, "сағат", upper=48)),
    ("в течение 5 банковских дней", "", "Банк зачисляет средства в течение 5 банковских дней с даты поступления "
     "заявки.", "2026-10-14", quantity(None, "банковских дней", upper=5)),
    ("үш жұмыс күні ішінде", "", "Шешім құжаттар түскен соң үш жұмыс күні ішінде қабылданады.", "2026-10-14",
     quantity(None, "жұмыс күні", upper=3)),  # the izafet compound's dictionary form (issue #17)
    # Notice given "не менее чем за" a span before an event is at least that span.
    ("не менее чем за 5 рабочих дней", "", "Арендатор уведомляет арендодателя не менее чем за 5 рабочих дней.",
     "2026-10-14", quantity(5, "рабочих дней", lower=5)),
    # The future of "превысить" is a floor, as its past is.
    ("превысит 60 дней", "", "Если задержка превысит 60 дней, заказчик вправе расторгнуть договор.", "2026-10-14",
     quantity(60, "дней", lower=60)),
    # A price "from" a figure, in the Kazakh ablative with "бастап", is a floor, as "от 39 евро" is.
    ("45 000 еуродан бастап", "", "Бағасы — 45 000 еуродан бастап.", "2026-10-14", money(45000, "EUR", lower=45000)),
    ("27 млн теңгеден бастап", "", "Жаңа көліктің бағасы 27 млн теңгеден бастап.", "2026-10-14",
     money(27e6, "KZT", lower=27e6)),
    # Close below one of a measure, its number unwritten: "почти месяц", "almost a month".
    ("почти месяц", "", "Ремонт моста занял почти месяц.", "2026-10-14", quantity(1, "месяц", upper=1)),
    ("almost a month", "", "Repairs to the bridge took almost a month.", "2026-10-14", quantity(1, "month", upper=1)),
]


@pytest.mark.parametrize("case", BOUNDS_BY_A_PREPOSITION_OR_VERB, ids=_ids(BOUNDS_BY_A_PREPOSITION_OR_VERB))
def test_a_bound_said_by_a_preposition_or_verb(case: Case) -> None:
    _check(case)


DURATIONS_AND_FRACTIONS_IN_WORDS = [
    ("полчаса", "", "Эфир начнется за полчаса до старта.", "2026-10-14", quantity(0.5, "часа")),
    ("полгода", "", "Проверка длилась полгода.", "2026-10-14", quantity(0.5, "года")),
    ("half an hour", "", "The broadcast starts half an hour before the round.", "2026-10-14", quantity(0.5, "hour")),
    ("a semester", "", "About 900 students went to Europe for a semester or more.", "2026-10-14",
     quantity(1, "semester")),
    ("трехнедельные", "", "Федерация оплатила трехнедельные сборы в Праге.", "2026-10-14", quantity(3, "недели")),
    ("пятидневный", "", "Для учителей организован пятидневный семинар.", "2026-10-14", quantity(5, "дней")),
    ("plus or minus half a percentage point", "", "The corridor stays at plus or minus half a percentage point.",
     "2026-10-14", quantity(0.5, "pp")),
    ("one percentage point", "", "The corridor was widened by one percentage point.", "2026-10-14",
     quantity(1, "pp")),
    ("seven-tenths", "", "Exports reached €2.9 billion, seven-tenths of it steel.", "2026-10-14",
     percent(70, approximate=True)),
    ("семь десятых", "", "Экспорт составил 2,9 млрд евро, семь десятых из них пришлось на сталь.", "2026-10-14",
     percent(70, approximate=True)),
    ("оннан жетісі", "", "Экспорт 2,9 млрд еуро болды, оның оннан жетісі болатқа тиесілі.", "2026-10-14",
     percent(70, approximate=True)),
    ("не менее двух третей", "", "Решение принимается большинством не менее двух третей голосов.", "2026-10-14",
     percent(200 / 3, lower=200 / 3)),
    ("более трех четвертей", "", "За решение проголосовали более трех четвертей акционеров.", "2026-10-14",
     percent(75, lower=75)),
]


@pytest.mark.parametrize("case", DURATIONS_AND_FRACTIONS_IN_WORDS, ids=_ids(DURATIONS_AND_FRACTIONS_IN_WORDS))
def test_durations_and_fractions_in_words(case: Case) -> None:
    _check(case)
