"""The classes of misses the thirty-fifth set (twelve whole articles in three languages, written and labelled by
someone who never ran the parser, tests/data/value_suggestions/) showed on first sight, each tested on other sentences
than the set's: what Ctrl+N suggests for a highlight read with its sentence (and the sentence before it)."""

from __future__ import annotations

import pytest
from test_value_words import count, date, money, quantity, same, span, text

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, publication date, the curator's value)
MEASURES = [
    # Office space in square metres, as "square metres" written out is recorded.
    ("4,800 sq m", "The bank leased 4,800 sq m of offices in the new tower.", "2026-12-04",
     quantity(4800, "square metres")),
    ("about 12,000 sq. m", "The mall will add about 12,000 sq. m of retail space next year.", "2026-12-04",
     quantity(12000, "square metres", approximate=True)),
    # Noise in decibels.
    ("55 dB", "Night-time noise must stay at 55 dB or below near homes.", "2026-12-04", quantity(55, "dB")),
    ("40 дБ", "Шум от подстанции составит 40 дБ.", "2026-12-04", quantity(40, "дБ")),
    # Fines and fees in the monthly calculation index are a measure of their own, not a count.
    ("50 MCI", "Late filing is fined 50 MCI under the code.", "2026-12-04", quantity(50, "MCI")),
    ("200 МРП", "Штраф для юридических лиц составит 200 МРП.", "2026-12-04", quantity(200, "МРП")),
    ("30 АЕК", "Құжатсыз жүк үшін айыппұл 30 АЕК мөлшерінде салынады.", "2026-12-04", quantity(30, "АЕК")),
]

BOUNDS = [
    # "не" before "дольше"/"позже" makes a ceiling of what alone is a lower bound.
    ("не дольше 20 минут", "Проверка документов на границе займет не дольше 20 минут.", "2026-12-01",
     quantity(None, "минут", upper=20)),
    ("не позже чем через 10 дней", "Ответ заявителю направят не позже чем через 10 дней.", "2026-12-01",
     quantity(None, "дней", upper=10)),
    # No earlier than N hours before an event is at most N hours before it.
    ("не ранее чем за 48 часов", "Анализы сдаются не ранее чем за 48 часов до вылета.", "2026-12-01",
     quantity(None, "часов", upper=48)),
    ("не ранее, чем за 5 дней", "Заявку можно подать не ранее, чем за 5 дней до начала приема.", "2026-12-01",
     quantity(None, "дней", upper=5)),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), MEASURES + BOUNDS,
                         ids=[case[0] for case in MEASURES + BOUNDS])
def test_measures_and_bounds_the_thirty_fifth_set_showed(selection: str, context: str, published: str,
                                                         expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # "дольше" alone stays a lower bound, and "не ранее" with no "за" a date's lower bound (the year itself).
    ("дольше 12 дней", "Посылки в Бразилию идут дольше 12 дней.", quantity(12, "дней", lower=12)),
    ("не ранее 2028 года", "Второй терминал откроют не ранее 2028 года.", date("2028")),
], ids=["дольше", "не ранее a year"])
def test_bound_look_alikes_are_left_alone(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-01", context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "published", "expected"), [
    # A Kazakh range of days whose month is named with "айының" (of the month of), as with the genitive.
    ("Наурыз айының 10-ы мен 14-і аралығында", "Наурыз айының 10-ы мен 14-і аралығында көрме өтті.", "2026-05-20",
     span("2026-03-10", "2026-03-14")),
    ("шілде айының 3-інен 5-іне дейін", "Фестиваль шілде айының 3-інен 5-іне дейін өтеді.", "2026-05-20",
     span("2026-07-03", "2026-07-05")),
    # A Kazakh month in the ablative ("from March on") is that month, dated by the tense; from one month to another
    # is a range of months.
    ("қыркүйектен", "Жаңа тариф қыркүйектен бастап қолданылады.", "2026-05-20", date("2026-09")),
    ("ақпаннан", "Рейстер ақпаннан бастап тоқтатылды.", "2026-05-20", date("2026-02")),
    ("қаңтардан сәуірге дейін", "Экспорт қаңтардан сәуірге дейін 12% өсті.", "2026-05-20",
     span("2026-01", "2026-04")),
    # A day of the month named from publication.
    ("осы айдың 21-інде", "Келісімге осы айдың 21-інде қол қойылады.", "2026-05-04", date("2026-05-21")),
    ("келесі айдың 2-сі күні", "Көрме келесі айдың 2-сі күні ашылады.", "2026-05-04", date("2026-06-02")),
    ("the 21st of this month", "The agreement will be signed on the 21st of this month.", "2026-05-04",
     date("2026-05-21")),
    ("21-го числа этого месяца", "Соглашение подпишут 21-го числа этого месяца.", "2026-05-04", date("2026-05-21")),
    # The months of a Kazakh report's results, as "по итогам девяти месяцев" is read.
    ("сегіз айдың қорытындысы бойынша", "Сегіз айдың қорытындысы бойынша экспорт 7% өсті.", "2026-10-12",
     span("2026-01", "2026-08")),
    ("алты айдың нәтижесінде", "Банк алты айдың нәтижесінде 30 млрд теңге пайда көрді.", "2026-10-12",
     span("2026-01", "2026-06")),
    # The start of the year is the publication's year, as its end and "с начала года" are.
    ("жыл басынан бері", "Жыл басынан бері теңге 5% әлсіреді.", "2026-10-12", date("2026")),
    ("жылдың басында", "Жылдың басында үлес 3,1% болған.", "2026-10-12", date("2026")),
    # Years after publication, when nothing else is counted from and the sentence does not report.
    ("үш жылдан кейін", "Зауыт үш жылдан кейін іске қосылады.", "2026-10-12", date("2029")),
    ("через два года", "Следующий аудит пройдет через два года.", "2026-10-12", date("2028")),
    # A Russian weekday after "на" ("в ночь на воскресенье"), dated as "в воскресенье" is.
    ("субботу", "Очередь в ночь на субботу растянулась на два часа.", "2026-08-10", date("2026-08-08")),
], ids=["a range with айының", "from-to with айының", "the ablative, ahead", "the ablative, reported",
        "from one month to another", "a day of this month", "a day of next month", "the 21st of this month",
        "21-го числа этого месяца", "eight months' results", "six months' results", "since the start of the year",
        "at the start of the year", "in three years", "через два года", "в ночь на субботу"])
def test_dates_the_thirty_fifth_set_showed(selection: str, context: str, published: str,
                                           expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # After a year written before it, "N жылдан кейін" is the span the earlier sets record (a step from that year is
    # read for "later"/"спустя"), and so it is after an event in the ablative or in a sentence that reports.
    ("бес жылдан кейін", "Келісімге 2001 жылы қол қойылып, бес жылдан кейін күшіне енді.", quantity(5, "жыл")),
    ("екі жылдан кейін", "Ол оқуын бітіргеннен екі жылдан кейін елге оралады.", quantity(2, "жыл")),
    ("үш жылдан кейін", "Зауыт үш жылдан кейін іске қосылды.", quantity(3, "жыл")),
    ("через четыре года", "Договор подписан в 1995 году и вступил в силу через четыре года.", quantity(4, "года")),
], ids=["after a year", "after an event", "reported", "через after a year"])
def test_years_after_that_count_from_something_else_stay_spans(selection: str, context: str,
                                                               expected: TypedValue) -> None:
    same(suggest(selection, published="2026-10-12", context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # A bare figure set against money ("instead of the current", "вместо нынешних", "против прежних") is in its
    # currency.
    ("45", "The transfer now costs €60 instead of the current 45.", money(45, "EUR")),
    ("1 200", "Пошлина составит 1 500 тенге вместо нынешних 1 200.", money(1200, "KZT")),
    ("38", "Билет подорожал до 45 евро против прежних 38.", money(38, "EUR")),
    # The next item of a list after a dash may repeat the first one's preposition: "в 14 200 тенге, … – в 15 800".
    ("9 900", "Доставка в Астану обойдется в 7 500 тенге, в Атырау – в 9 900.", money(9900, "KZT")),
], ids=["instead of the current", "вместо нынешних", "против прежних", "– в after a dash"])
def test_bare_figures_beside_money_the_thirty_fifth_set_showed(selection: str, context: str,
                                                               expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-01", context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # "по счету" (counted in order) between an ordinal and its series noun.
    ("Пятый", "Пятый по счету форум прошел в Туркестане.", count(5, "форум")),
    # A Kazakh series noun whose last consonant is voiced before an ending: "лек" (a cohort) is "легі".
    ("екінші", "Акселератордың екінші легі қыркүйекте басталады.", count(2, "лек")),
], ids=["по счету", "легі"])
def test_ordinals_the_thirty_fifth_set_showed(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-11-16", context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # One, or none, highlighted without the noun after it in its sentence.
    ("одна", "В селе работает одна школа и два детских сада.", count(1, "школа")),
    ("ни одной", "За год в районе не закрыли ни одной школы.", count(0, "школы")),
    ("бірде-бір", "Биыл бірде-бір жоба мақұлданбады.", count(0, "жоба")),
    ("none", "Four projects were approved in 2025 and none this year.", count(0, "projects")),
], ids=["одна", "ни одной", "бірде-бір", "none"])
def test_one_or_none_alone_the_thirty_fifth_set_showed(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-10-21", context=context).value, expected)


@pytest.mark.parametrize(("selection", "context"), [
    # "один из" is one of several, and "один" with no noun after it a pronoun: both stay text.
    ("один", "Один из заводов закрыт на ремонт."),
    ("один", "Он был один в кабинете."),
], ids=["один из", "a pronoun"])
def test_one_that_counts_nothing_stays_text(selection: str, context: str) -> None:
    same(suggest(selection, published="2026-10-21", context=context).value, text(selection))


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # "no earlier than N hours before" an event is at most N hours before it, as "не ранее чем за" is.
    ("no earlier than 48 hours", "Samples must be taken no earlier than 48 hours before shipment.",
     quantity(None, "hours", upper=48)),
    ("not earlier than 10 days", "Applications are accepted not earlier than 10 days prior to departure.",
     quantity(None, "days", upper=10)),
    # A time limit whose sentence opens with the event it is counted from ("после", "after", "-ғаннан кейін").
    ("в течение трех лет", "После завершения добычи компания должна рекультивировать участок в течение трех лет.",
     quantity(None, "лет", upper=3)),
    ("within two years", "After the lease ends, the tenant must restore the site within two years.",
     quantity(None, "years", upper=2)),
    ("екі жыл ішінде", "Келісім аяқталғаннан кейін компания жерді екі жыл ішінде қайтаруы тиіс.",
     quantity(None, "жыл", upper=2)),
], ids=["no earlier than … before", "not earlier than … prior to", "после … в течение", "after … within",
        "-ғаннан кейін … ішінде"])
def test_time_limits_the_thirty_fifth_set_showed(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-11-10", context=context).value, expected)


@pytest.mark.parametrize(("selection", "context", "expected"), [
    # With no event, "within two years" stays the span, as the earlier sets record it; "no earlier than" with no
    # event after the figure stays a lower bound.
    ("within two years", "The company plans to double output within two years.", quantity(2, "years")),
    ("екі жыл ішінде", "Компания өндірісті екі жыл ішінде екі есе арттырады.", quantity(2, "жыл")),
    ("no earlier than 6 months", "A new application may be filed no earlier than 6 months after a refusal.",
     quantity(6, "months", lower=6)),
], ids=["within, no event", "ішінде, no event", "no earlier than … after"])
def test_time_limit_look_alikes_are_left_alone(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-11-10", context=context).value, expected)
