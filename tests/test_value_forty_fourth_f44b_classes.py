"""The classes of the Kazakh misses of sets 44 and 45 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, money, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
KAZAKH_BOUNDS_BY_VERB = [
    # The verbal noun and the conditional of "ас-" (exceed) are floors, as "асқан" and "асатын" are.
    ("2 млн теңгеден асуы", "Басты тәуекел – бір пәтердің жөндеу құнының 2 млн теңгеден асуы.",
     money(2e6, "KZT", lower=2e6)),
    ("40 тоннадан асса", "Жүктің салмағы 40 тоннадан асса, қосымша рұқсат керек.", quantity(40, "тонна", lower=40)),
    # The bound follows the amount's "equivalent" ("баламасы").
    ("10 мың еуро баламасынан асатын", "Құны 10 мың еуро баламасынан асатын тауарлар декларацияланады.",
     money(10e3, "EUR", lower=10e3)),
    # "Not lower than", "not smaller than": floors.
    ("4,0-ден төмен емес", "Түлектің орташа балы 4,0-ден төмен емес.", quantity(4.0, None, lower=4.0)),
    ("20 литрден кем емес", "Әр цистернаның сыйымдылығы 20 литрден кем емес.", quantity(20, "литр", lower=20)),
    # "Smaller than" is a ceiling, as "less than" ("-дан аз") is.
    ("5 миллиметрден кіші", "Диаметрі 5 миллиметрден кіші түйіршіктер сүзгіден өтеді.",
     quantity(None, "миллиметр", upper=5)),
    # "Not later than" ("кешіктірмей", passive "кешіктірілмей"): a time limit, a ceiling.
    ("30 күннен кешіктірмей", "Сатушы тауарды төлем түскен соң 30 күннен кешіктірмей жеткізеді.",
     quantity(None, "күн", upper=30)),
    ("екі аптадан кешіктірілмей", "Шешім өтініш тіркелгеннен кейін екі аптадан кешіктірілмей қабылданады.",
     quantity(None, "апта", upper=2)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_BOUNDS_BY_VERB,
                         ids=[case[0] for case in KAZAKH_BOUNDS_BY_VERB])
def test_kazakh_bounds_said_by_a_verb_or_a_comparative(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-04-14", context=context).value, expected)


def test_the_equivalent_alone_bounds_nothing() -> None:
    same(suggest("8 мың еуро баламасында", published="2026-04-14",
                 context="Жәрдемақы 8 мың еуро баламасында төленеді.").value, money(8e3, "EUR"))


KAZAKH_SPELLED_RANGES_FROM_ONE = [
    # "бір-екі" (one or two) is a range's first end, as "екі-үш" is, not the article "бір".
    ("бір-екі аптада", "Жөндеу бір-екі аптада аяқталады.", quantity(None, "апта", lower=1, upper=2)),
    ("бір–екі сағат", "Кезек әдетте бір–екі сағат ішінде азаяды.", quantity(None, "сағат", lower=1, upper=2)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_SPELLED_RANGES_FROM_ONE,
                         ids=[case[0] for case in KAZAKH_SPELLED_RANGES_FROM_ONE])
def test_a_kazakh_range_of_one_or_two(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-04-14", context=context).value, expected)


def test_a_lone_one_before_another_word_stays_the_article() -> None:
    assert suggest("бір екі", published="2026-04-14", context="бір екі").value.amount != 1


RATES_WRITTEN_WITH_A_SLASH = [
    # A network's speed in bits a second and a cable's loss in decibels a kilometre are units of their own.
    ("20 Мбит/с", "Мектептерде жылдамдық 20 Мбит/с болды.", quantity(20, "Мбит/с")),
    ("2 Гбит/с-қа дейінгі", "Жаңа тариф 2 Гбит/с-қа дейінгі жылдамдықты қамтиды.", quantity(None, "Гбит/с", upper=2)),
    ("0,35 дБ/км", "Кабельдегі шығын 0,35 дБ/км деп өлшенді.", quantity(0.35, "дБ/км")),
    ("50 Мбит/с-тан кем емес", "Ауылдағы жылдамдық 50 Мбит/с-тан кем емес.", quantity(50, "Мбит/с", lower=50)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), RATES_WRITTEN_WITH_A_SLASH,
                         ids=[case[0] for case in RATES_WRITTEN_WITH_A_SLASH])
def test_rates_written_with_a_slash(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-04-14", context=context).value, expected)


YIELDS_PER_HECTARE = [
    # Highlighted with its "per hectare", a Kazakh yield is in centners (or tonnes) a hectare.
    ("гектарынан 31 центнер", "Суармалы жерде бидай гектарынан 31 центнер берді.", quantity(31, "ц/га")),
    ("гектарына 2,4 тоннадан", "Жүгері гектарына 2,4 тоннадан жиналды.", quantity(2.4, "т/га")),
    # Highlighted without it, the figure stays in centners, as the earlier sets record it.
    ("31 центнер", "Суармалы жерде бидай гектарынан 31 центнер берді.", quantity(31, "центнер")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), YIELDS_PER_HECTARE,
                         ids=[case[0] for case in YIELDS_PER_HECTARE])
def test_a_kazakh_yield_highlighted_with_its_hectare(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-04-14", context=context).value, expected)


KAZAKH_AGES_COORDINATED = [
    # Two ages joined by "және/мен/немесе" share the bound word after the second: each is an age, in years of life.
    ("2 жасқа", "Екпе 2 жасқа және 12 жасқа толғанда салынады.", quantity(2, "жас")),
    ("12 жасқа", "Екпе 2 жасқа және 12 жасқа толғанда салынады.", quantity(12, "жас")),
    ("7 жастан", "Жарысқа 7 жастан немесе 10 жастан асқан балалар қатысады.", quantity(7, "жас")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_AGES_COORDINATED,
                         ids=[case[0] + case[1][:12] for case in KAZAKH_AGES_COORDINATED])
def test_kazakh_ages_coordinated_share_the_bound_word_after_them(selection: str, context: str,
                                                                  expected: TypedValue) -> None:
    same(suggest(selection, published="2026-04-14", context=context).value, expected)


KAZAKH_COUNTED_NOUNS = [
    # Loanwords whose last syllable reads as a locative are whole nouns; "округ" takes its locative off.
    ("12 бригада", "Құрылысқа 12 бригада жіберілді.", count(12, "бригада")),
    ("3 олимпиада", "Мектеп биыл 3 олимпиада өткізді.", count(3, "олимпиада")),
    ("8 округте", "Жоба 8 округте іске асады.", count(8, "округ")),
    # Fixed terms keep their qualifier: a base station is a mast, a rural district a unit of local government.
    ("9 базалық станция", "Ауданда 9 базалық станция орнатылды.", count(9, "базалық станция")),
    ("17 ауылдық округтің", "Ауданның 17 ауылдық округтің әкімдері жиналды.", count(17, "ауылдық округ")),
    # Nouns in "-дік" that name living things are nouns, not adjectives; "пен/бен" join nouns as "мен" does.
    ("22", "Коллекцияға 22 сирек өсімдік пен бес саңырауқұлақ енді.", count(22, "өсімдік")),
    ("40-тан астам", "40-тан астам жәндік және 12 құс тіркелді.", count(40, "жәндік", lower=40)),
    ("9", "Көлде 9 үйрек бен төрт аққу жүр.", count(9, "үйрек")),
    # The verbal noun of "to be" closing a requirement counts nothing.
    ("кемінде 75", "Сынақ нәтижесі кемінде 75 болуы тиіс.", quantity(75, None, lower=75)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_COUNTED_NOUNS,
                         ids=[case[0] + case[1][:12] for case in KAZAKH_COUNTED_NOUNS])
def test_kazakh_counted_nouns(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-04-14", context=context).value, expected)
