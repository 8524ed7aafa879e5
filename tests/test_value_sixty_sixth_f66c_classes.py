"""The Kazakh classes of misses sets 66 and 67 showed at their first score, each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence."""

from __future__ import annotations

import pytest
from kzeu_desk.core.value_parsing import suggest
from kzeu_desk.core.typed_value import ValueKind
from test_value_words import InContext, count, money, percent, quantity, same_in_context, span

PUBLISHED = "2026-10-14"  # a Wednesday

Case = InContext


def _check(case: Case, published: str = PUBLISHED) -> None:
    same_in_context(case, published)


A_MEASURE_BEFORE_WHAT_IT_MEASURES = [
    # "N градус ыстық/суық": the measure right after the number is what it measures, the "-лық" word after it (heat)
    # what is measured, not a noun the number counts with "градус" its adjective.
    ("38 градус", "", "Жетісуда бейсенбі күні 38 градус ыстық болады.", quantity(38, "градус")),
    ("40–41 градус", "", "Маңғыстауда түсте 40–41 градус ыстық сақталады.", quantity(None, "градус", lower=40, upper=41)),
    # Guard: a bare word in "-лық" after a noun that is no measure is still the counted noun.
    ("1 500", "", "Жағалаудан 1 500 өлі балық табылды.", count(1500, "балық")),
]


@pytest.mark.parametrize("case", A_MEASURE_BEFORE_WHAT_IT_MEASURES, ids=[c[0] for c in A_MEASURE_BEFORE_WHAT_IT_MEASURES])
def test_a_measure_right_after_the_number_is_what_it_measures(case: Case) -> None:
    _check(case)


VACANCIES = [
    # "бос жұмыс орны" (a vacancy) and "бос орын" keep "бос" as a fixed term, the izafet compound in its dictionary form;
    # "бос" before any other noun is an adjective and dropped.
    ("2 300", "", "Жәрмеңкеде кәсіпорындар 2 300 бос жұмыс орнын ұсынды.", count(2300, "бос жұмыс орны")),
    ("900-ден астам", "", "Облыста 900-ден астам бос жұмыс орны бар.", count(900, "бос жұмыс орны", lower=900)),
    ("75", "", "Колледжде грант бойынша 75 бос орын қалды.", count(75, "бос орын")),
    ("12", "", "Қонақ үйде 12 бос бөлме қалды.", count(12, "бөлме")),
]


@pytest.mark.parametrize("case", VACANCIES, ids=[c[0] + c[2][:12] for c in VACANCIES])
def test_a_vacancy_keeps_its_qualifier(case: Case) -> None:
    _check(case)


DEARER_OR_CHEAPER_THAN = [
    # "-дан қымбат" (dearer than) is a floor, "-дан арзан" (cheaper than) a ceiling, as "-дан жоғары" and "-дан аз" are.
    ("80 мың теңгеден қымбат", "", "80 мың теңгеден қымбат смартфонға кепілдік екі жыл.",
     money(80_000, "KZT", lower=80_000)),
    ("500 доллардан қымбат", "", "Кеденде 500 доллардан қымбат сәлемдемеге баж салынады.", money(500, "USD", lower=500)),
    ("3 000 теңгеден арзан", "", "Бұл дүкенде 3 000 теңгеден арзан ойыншық табу қиын.",
     money(None, "KZT", upper=3000)),
]


@pytest.mark.parametrize("case", DEARER_OR_CHEAPER_THAN, ids=[c[0] for c in DEARER_OR_CHEAPER_THAN])
def test_dearer_or_cheaper_than_a_price_bounds_it(case: Case) -> None:
    _check(case)


A_SHARE_UP_TO = [
    # A share in the dative before "дейін" (up to) is a crisp ceiling.
    ("үштен біріне дейін", "", "Кэшбэкпен сатып алу құнының үштен біріне дейін қайтаруға болады.",
     percent(None, upper=100 / 3)),
    ("жартысына дейін", "", "Мемлекет пәтер жалының жартысына дейін өтейді.", percent(None, upper=50)),
    # Guard: "жуық" after the share stays approximate.
    ("жартысына жуығы", "", "Сатушылардың жартысына жуығы жеткізуді тегін жасайды.", percent(50, approximate=True)),
]


@pytest.mark.parametrize("case", A_SHARE_UP_TO, ids=[c[0] for c in A_SHARE_UP_TO])
def test_a_share_up_to_is_its_ceiling(case: Case) -> None:
    _check(case)


ONE_OF_A_LARGER_WHOLE = [
    # "жиырмадан бірі" (one of twenty), "елуден бірі", "алтыдан бірі": a share of any whole written as a word, with
    # "-дан" after a vowel.
    ("елуден бірі", "", "Тексерілген көліктердің елуден бірі ғана ақаулы болып шықты.", percent(2, approximate=True)),
    ("отыздан біреуі", "", "Сауалнамаға жауап бергендердің отыздан біреуі ғана наразы.",
     percent(100 / 30, approximate=True)),
    ("алтыдан бірі", "", "Елдегі фермерлердің алтыдан бірі несие алған.", percent(100 / 6, approximate=True)),
]


@pytest.mark.parametrize("case", ONE_OF_A_LARGER_WHOLE, ids=[c[0] for c in ONE_OF_A_LARGER_WHOLE])
def test_one_of_a_larger_whole_is_a_share(case: Case) -> None:
    _check(case)


A_WEEK_NAMED_FROM_PUBLICATION = [
    # "келесі аптада", "өткен аптада", "осы аптада": the week (Monday to Sunday) after, before or of the publication's,
    # as "на следующей неделе" and "next week" are.
    ("келесі аптада", "", "Келесі аптада елордада қар жауады.", span("2026-10-19", "2026-10-25")),
    ("өткен аптада", "", "Өткен аптада қалада 14 жол апаты тіркелді.", span("2026-10-05", "2026-10-11")),
    ("осы аптада", "", "Осы аптада жылу беру маусымы басталады.", span("2026-10-12", "2026-10-18")),
]


@pytest.mark.parametrize("case", A_WEEK_NAMED_FROM_PUBLICATION, ids=[c[0] for c in A_WEEK_NAMED_FROM_PUBLICATION])
def test_a_kazakh_week_named_from_publication_is_that_week(case: Case) -> None:
    _check(case)


def test_from_next_week_on_is_no_week_range() -> None:
    # The ablative starts a change ("from next week on"): no span of that week is suggested.
    assert suggest("келесі аптадан бастап", published=PUBLISHED,
                   context="Келесі аптадан бастап тарифтер өседі.").value.kind is ValueKind.TEXT


A_HALF_OF_A_MONTH = [
    # "қарашаның бірінші жартысында" (in the first half of November): the 1st to the 15th; the second half the 16th to
    # the month's last day; with no year the month is anchored as one named alone is, a written year wins.
    ("қарашаның бірінші жартысында", "", "Қарашаның бірінші жартысында жаңбыр аз болады.",
     span("2026-11-01", "2026-11-15")),
    ("ақпанның екінші жартысында", "", "Ақпанның екінші жартысында аяз күшейеді.", span("2027-02-16", "2027-02-28")),
    ("2027 жылғы наурыздың екінші жартысында", "", "Көпір 2027 жылғы наурыздың екінші жартысында ашылады.",
     span("2027-03-16", "2027-03-31")),
    ("қыркүйектің екінші жартысында", "", "Қыркүйектің екінші жартысында егін жиналды.",
     span("2026-09-16", "2026-09-30")),
]


@pytest.mark.parametrize("case", A_HALF_OF_A_MONTH, ids=[c[0] for c in A_HALF_OF_A_MONTH])
def test_a_half_of_a_kazakh_month_is_its_days(case: Case) -> None:
    _check(case)


SERVICEMEN = [
    # "әскери қызметші" (a serviceman) keeps "әскери" as "мемлекеттік қызметші" (a civil servant) keeps its qualifier.
    ("300", "", "Жиынға 300 әскери қызметші қатысты.", count(300, "әскери қызметші")),
    ("2 мыңнан астам", "", "Бейбітшілік миссиясында 2 мыңнан астам әскери қызметші болды.",
     count(2000, "әскери қызметші", lower=2000)),
]


@pytest.mark.parametrize("case", SERVICEMEN, ids=[c[0] for c in SERVICEMEN])
def test_a_serviceman_keeps_his_qualifier(case: Case) -> None:
    _check(case)
