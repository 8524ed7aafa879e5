"""The classes of misses sets 38 and 39 left after their first fixes, each tested on other sentences than the sets':
what Ctrl+N suggests for a highlight read with its sentence (and the sentence before it, where that names the noun)."""

from __future__ import annotations

import pytest
from test_value_words import count, date, money, quantity

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

PUBLISHED = "2026-11-20"

# (highlight, the sentence before or "", its sentence, the curator's value)
Case = tuple[str, str, str, TypedValue]


def _check(case: Case) -> None:
    from test_value_words import same
    selection, before, context, expected = case
    same(suggest(selection, published=PUBLISHED, context=context, before=before or None).value, expected)


SCALE_WORDS_AFTER_A_FIGURE = [
    # A scale word written in full after a figure is that figure's scale, whatever its case: under a bound ("свыше 41
    # тысячи": the Russian genitive after 41) and with a Kazakh case ending ("миллионға жуық", "миллионнан астам").
    ("более 12 тысячи", "", "За год банк выдал более 12 тысячи кредитов малому бизнесу.",
     count(12000, "кредитов", lower=12000)),
    ("свыше 3 миллиона", "", "Порт обработал свыше 3 миллиона контейнеров с начала года.",
     count(3e6, "контейнеров", lower=3e6)),
    ("2 миллионға жуық", "", "Былтыр әуежай 2 миллионға жуық жолаушыға қызмет көрсетті.",
     count(2e6, "жолаушы", approximate=True)),
    ("5 миллионнан астам", "", "Зауыт жылына 5 миллионнан астам кірпіш шығарады.", count(5e6, "кірпіш", lower=5e6)),
    ("over 41 thousand", "", "The centre received over 41 thousand applications this year.",
     count(41000, "applications", lower=41000)),
]


@pytest.mark.parametrize("case", SCALE_WORDS_AFTER_A_FIGURE, ids=[case[0] for case in SCALE_WORDS_AFTER_A_FIGURE])
def test_a_scale_word_after_a_figure_scales_it(case: Case) -> None:
    _check(case)


A_SPAN_OF_TIME_BEFORE_A_BARE_FIGURE = [
    # A span of time before a bare figure in its sentence says how long, not what is counted: the figure counts what the
    # sentence before counted, as it would with no span there.
    ("12 мыңға жетті", "Былтыр облысқа 9 мың турист келді.", "Екі жыл бойы өсіп келеді: биыл 12 мыңға жетті.",
     count(12000, "турист")),
    ("более 4 500", "В прошлом году регион принял 3 900 туристов.",
     "Поток растет третий год подряд: в этом году ожидается более 4 500.", count(4500, "туристов", lower=4500)),
    ("over 4,500", "Last year the region received 3,900 tourists.",
     "The flow has grown for three years in a row: this year it reached over 4,500.",
     count(4500, "tourists", lower=4500)),
]


@pytest.mark.parametrize("case", A_SPAN_OF_TIME_BEFORE_A_BARE_FIGURE,
                         ids=[case[0] for case in A_SPAN_OF_TIME_BEFORE_A_BARE_FIGURE])
def test_a_span_of_time_lends_a_bare_figure_no_noun(case: Case) -> None:
    _check(case)


A_KAZAKH_CLASSIFIER_BEFORE_A_NOUN_IN_A_CASE = [
    # "бас" (head) after a figure is the classifier of livestock: what is counted is the noun after it, whatever case
    # the clause puts it in.
    ("1 200 бас жылқыдан", "", "Шаруашылықтың табыны 1 200 бас жылқыдан тұрады.", count(1200, "жылқы")),
    ("450 бас түйеге", "", "Жаңа қора 450 бас түйеге есептелген.", count(450, "түйе")),
    ("20 бас қой", "", "Әр отбасына 20 бас қой берілді.", count(20, "қой")),
]


@pytest.mark.parametrize("case", A_KAZAKH_CLASSIFIER_BEFORE_A_NOUN_IN_A_CASE,
                         ids=[case[0] for case in A_KAZAKH_CLASSIFIER_BEFORE_A_NOUN_IN_A_CASE])
def test_a_kazakh_classifier_counts_the_noun_after_it(case: Case) -> None:
    _check(case)


A_PRONOUN_AFTER_A_SCALED_FIGURE = [
    # A pronoun after a figure is no noun it counts: "и 1 тыс. его тренеру" is a second sum in the currency of the first.
    ("1 тыс.", "", "Федерация выплачивает 5 тыс. долларов победителю и 1 тыс. его тренеру.", money(1000, "USD")),
    ("2 млн", "", "Фонд выделил 10 млн евро фермерам и 2 млн их кооперативам.", money(2e6, "EUR")),
    ("3 тыс.", "", "Каждому участнику выплатят по 8 тыс. тенге, а 3 тыс. ему вернут позже.", money(3000, "KZT")),
]


@pytest.mark.parametrize("case", A_PRONOUN_AFTER_A_SCALED_FIGURE, ids=[case[0] for case in A_PRONOUN_AFTER_A_SCALED_FIGURE])
def test_a_pronoun_is_no_counted_noun(case: Case) -> None:
    _check(case)


A_PART_NAMED_BEFORE_ITS_NUMBER = [
    # "Из них девять дошли …", "Of them, nine …": the part of the whole the sentence before counted, named before the
    # number as "девять из них" names it after (a past verb of going, "дошли", "вышли", is no noun). Kazakh says it with
    # "олардың", read so already.
    ("шесть", "В программе участвовали 20 студентов из трех вузов.", "Из них шесть вышли в финал конкурса.",
     count(6, "студентов")),
    ("nine", "The federation sent 14 athletes to Zagreb, eight men and six women.",
     "Of them, nine reached at least the quarter-finals.", count(9, "athletes")),
    ("алтауы", "Байқауға 20 студент қатысты.", "Олардың алтауы финалға шықты.", count(6, "студент")),
]


@pytest.mark.parametrize("case", A_PART_NAMED_BEFORE_ITS_NUMBER, ids=[case[0] for case in A_PART_NAMED_BEFORE_ITS_NUMBER])
def test_a_part_named_before_its_number_counts_the_whole_before(case: Case) -> None:
    _check(case)


A_MONTH_DATED_BY_A_VERB_OF_PRICES = [
    # A month with no year in a November article is the coming one when nothing says otherwise; the past of a verb of
    # prices or rates ("подорожал", "подешевел", "упал") dates it to the January before, as "rose" and "қымбаттады" do.
    ("января", "", "С января евро подорожал с 520 до 590 тенге.", date("2026-01")),
    ("февраля", "", "С февраля доллар подешевел почти на 5%.", date("2026-02")),
    ("января", "", "С января курс упал до 480 тенге за доллар.", date("2026-01")),
    ("January", "", "Since January the euro rose from 520 to 590 tenge.", date("2026-01")),
    ("қаңтардан", "", "Қаңтардан бері еуро 520 теңгеден 590 теңгеге дейін қымбаттады.", date("2026-01")),
]


@pytest.mark.parametrize("case", A_MONTH_DATED_BY_A_VERB_OF_PRICES, ids=[case[2][:30] for case in A_MONTH_DATED_BY_A_VERB_OF_PRICES])
def test_a_month_is_dated_by_the_tense_of_its_verb(case: Case) -> None:
    _check(case)


A_LIMIT_WITH_AN_ASIDE_BEFORE_ITS_EVENT = [
    # A limit counted from an event is a ceiling also when an aside stands between the limit and the event (Kazakh
    # names the event before the limit, "күннен бастап 30 күн ішінде", so has no such aside).
    ("within 30 days", "", "The authority shall decide within 30 days (45 days in complex cases) of receipt of the "
     "application.", quantity(None, "days", upper=30)),
    ("within six months", "", "The review shall be completed within six months, or nine months where a hearing is "
     "held, of the date of the request.", quantity(None, "months", upper=6)),
    ("в течение 30 дней", "", "Решение принимается в течение 30 дней, а в сложных случаях 45 дней, со дня подачи "
     "заявления.", quantity(None, "дней", upper=30)),
    # With no event after the aside, the span itself.
    ("within 30 days", "", "The authority shall decide within 30 days, and the board shall meet twice a year.",
     quantity(30, "days")),
]


@pytest.mark.parametrize("case", A_LIMIT_WITH_AN_ASIDE_BEFORE_ITS_EVENT,
                         ids=[case[2][:30] for case in A_LIMIT_WITH_AN_ASIDE_BEFORE_ITS_EVENT])
def test_a_limit_with_an_aside_before_its_event_is_a_ceiling(case: Case) -> None:
    _check(case)


A_FIGURE_SET_AGAINST_THE_ONE_BEFORE = [
    # "…, а не за три", "rather than three": a figure set against the one before it, closing its clause, is in that
    # one's unit. (Kazakh repeats the noun, "үш ай емес, алты ай", so has no bare figure to read.)
    ("пять", "", "Поездка по новому графику займет семь дней, а не пять.", quantity(5, "дней")),
    ("три", "", "Запись будет открываться за шесть месяцев до поездки, а не за три, как сейчас.",
     quantity(3, "месяцев")),
    ("three", "", "Bookings will open six months before the trip rather than three, as now.", quantity(3, "months")),
    ("40", "", "The fee is now 60 euros instead of 40.", money(40, "EUR")),
]


@pytest.mark.parametrize("case", A_FIGURE_SET_AGAINST_THE_ONE_BEFORE,
                         ids=[case[2][:30] for case in A_FIGURE_SET_AGAINST_THE_ONE_BEFORE])
def test_a_figure_set_against_the_one_before_takes_its_unit(case: Case) -> None:
    _check(case)


THE_NUMBER_WITH_A_QUALIFIER_BEFORE_ITS_NOUN = [
    # After "the", an English number word counts its noun when a qualifier between them says which things they are
    # (Russian and Kazakh write no article, so count the noun after a number word already). "the two sides agreed"
    # still names things already named.
    ("three", "Two plants closed last year, with the loss of 450 jobs.",
     "According to the complaint, the three Kazakh producers ship most of their output to the Union.",
     count(3, "producers")),
    ("four", "", "The four new members joined the council in May.", count(4, "members")),
    ("five", "The ministry received 40 bids.", "Only the five Italian bidders met every condition.", count(5, "bidders")),
]


@pytest.mark.parametrize("case", THE_NUMBER_WITH_A_QUALIFIER_BEFORE_ITS_NOUN,
                         ids=[case[2][:30] for case in THE_NUMBER_WITH_A_QUALIFIER_BEFORE_ITS_NOUN])
def test_the_number_with_a_qualifier_counts_its_noun(case: Case) -> None:
    _check(case)


A_MEASURE_NAMED_BY_THE_HEADING_OF_ITS_LINE = [
    # A figure after a heading and a colon is in the measure the heading names: its first word, or a caption's unit
    # after a comma, or a Kazakh noun ending the heading. A heading that names no measure leaves the figure bare.
    ("18.5", "", "Tonnes collected this week: 18.5; since January: 402.7", quantity(18.5, "tonnes")),
    ("402.7", "", "Tonnes collected this week: 18.5; since January: 402.7", quantity(402.7, "tonnes")),
    ("1 240,5", "", "Площадь посевов, га: 1 240,5", quantity(1240.5, "га")),
    ("36,5", "", "Жұмсалған уақыт, сағат: 36,5", quantity(36.5, "сағат")),
    ("45", "", "In the past year: 45", quantity(45, None)),
]


@pytest.mark.parametrize("case", A_MEASURE_NAMED_BY_THE_HEADING_OF_ITS_LINE,
                         ids=[case[0] for case in A_MEASURE_NAMED_BY_THE_HEADING_OF_ITS_LINE])
def test_a_figure_takes_the_measure_its_heading_names(case: Case) -> None:
    _check(case)


A_KIND_OF_HOUR = [
    # An academic hour (45 minutes) is another unit than an hour: its qualifier stays, as "working days" keeps its.
    ("48 академических часов", "", "Программа рассчитана на 48 академических часов.", quantity(48, "академических часов")),
    ("36 academic hours", "", "The language course lasts 36 academic hours over two months.",
     quantity(36, "academic hours")),
    ("72 академиялық сағат", "", "Курс 72 академиялық сағатқа есептелген.", quantity(72, "академиялық сағат")),
    ("12 часов", "", "Рейс длится 12 часов.", quantity(12, "часов")),
]


@pytest.mark.parametrize("case", A_KIND_OF_HOUR, ids=[case[0] for case in A_KIND_OF_HOUR])
def test_a_kind_of_hour_keeps_its_qualifier(case: Case) -> None:
    _check(case)


A_HEAD_WITH_THE_NOUNS_THAT_SAY_ITS_KIND = [
    # Russian "пункт", "объект" with a genitive noun after them that says what kind of thing they are, and an English
    # compound with a word in "-ing" inside it, are counted whole; "пункты" alone of an index stay a measure.
    ("12", "", "На границе построят 12 новых пунктов досмотра грузовиков.", count(12, "пунктов досмотра")),
    ("40", "", "Фонд профинансирует 40 объектов инфраструктуры в регионах.", count(40, "объектов инфраструктуры")),
    ("5 пунктов", "", "Индекс деловой активности вырос на 5 пунктов за месяц.", quantity(5, "пунктов")),
    ("seven", "", "The loan pays for seven water pumping stations along the canal.",
     count(7, "water pumping stations")),
    ("18", "", "The programme will upgrade 18 border crossing points on the Chinese border.",
     count(18, "border crossing points")),
]


@pytest.mark.parametrize("case", A_HEAD_WITH_THE_NOUNS_THAT_SAY_ITS_KIND,
                         ids=[case[2][:30] for case in A_HEAD_WITH_THE_NOUNS_THAT_SAY_ITS_KIND])
def test_a_head_is_counted_with_the_nouns_that_say_its_kind(case: Case) -> None:
    _check(case)


A_RUSSIAN_GENITIVE_SUBJECT_BEFORE_ITS_FIGURE = [
    # A Russian sentence that opens on the things counted in the genitive plural and closes on "было" and the figure
    # counts them, not the sentence before's noun. (English and Kazakh name such a number with "number of", "саны",
    # read so already.)
    ("около 120", "Годом ранее поступило 90 обращений.", "Заявок на гранты в этом году поступило около 120.",
     count(120, "заявок", approximate=True)),
    ("14", "Рассмотрены 60 жалоб, девять из них удовлетворены.", "Проверок на месте было 14.", count(14, "проверок")),
    ("37", "Four requests were rejected.", "The number of deals with EU investors was 37.", count(37, "deals")),
]


@pytest.mark.parametrize("case", A_RUSSIAN_GENITIVE_SUBJECT_BEFORE_ITS_FIGURE,
                         ids=[case[2][:30] for case in A_RUSSIAN_GENITIVE_SUBJECT_BEFORE_ITS_FIGURE])
def test_a_genitive_subject_names_what_its_figure_counts(case: Case) -> None:
    _check(case)


def _check_after(selection: str, context: str, before: str, earlier: str, expected: TypedValue) -> None:
    from test_value_words import same
    same(suggest(selection, published=PUBLISHED, context=context, before=before, earlier=earlier).value, expected)


A_TOTAL_OF_THE_PEOPLE_NAMED_BEFORE = [
    # An English figure that answers or totals ("Twenty-two replied.", ", 12 in all,", "Only three said") counts those
    # the nearest of the sentences before it says were asked (surveyed, polled, written to), named but uncounted. (Russian and Kazakh say "из них", "олардың" or
    # repeat the noun, read so already.)
    ("Twenty-two", "Twenty-two replied.", "The ministry wrote to all the exporters on its list in March.",
     "The rules changed in January.", count(22, "exporters")),
    ("12", "Most were positive, and a third, 12 in all, asked for a second round.", "Forty answered.",
     "The fund polled the farmers it had lent to last year.", count(12, "farmers")),
    ("Only three", "Only three said they would not apply again.", "Most were happy with the terms.",
     "The bank asked its borrowers about the loans. Thirty replied.", count(3, "borrowers")),
    # With no one said to be asked, the nearest plural ("the terms") is no one who answers: the figure stays bare.
    ("Only four", "Only four said they would not apply again.", "Most were happy with the terms.", "",
     quantity(4, None)),
]


@pytest.mark.parametrize(("selection", "context", "before", "earlier", "expected"), A_TOTAL_OF_THE_PEOPLE_NAMED_BEFORE,
                         ids=[case[0] for case in A_TOTAL_OF_THE_PEOPLE_NAMED_BEFORE])
def test_a_total_counts_the_plural_named_before(selection: str, context: str, before: str, earlier: str,
                                                expected: TypedValue) -> None:
    _check_after(selection, context, before, earlier, expected)
