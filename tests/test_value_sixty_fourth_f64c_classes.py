"""The classes of the Kazakh misses of sets 64 and 65 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, quantity, same

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, publication date, the curator's value)
PART_IN_THOUSANDS = [
    # A part of a whole in thousands or millions with its bound after the scale ("мыңнан астамы", more than N
    # thousand of them; "миллионға жуығы", about N million of them) counts the whole's noun, as "60-тан астамы" does.
    ("5 мыңнан астамы", "Тұрғындардың 5 мыңнан астамы жаңа емханаға тіркелді.", "2026-02-11",
     count(5000, "тұрғын", lower=5000)),
    ("2 миллионға жуығы", "Жолаушылардың 2 миллионға жуығы әуежай арқылы ұшты.", "2026-02-11",
     count(2e6, "жолаушы", approximate=True)),
    ("12 мыңнан астамы", "Студенттердің 12 мыңнан астамы жазғы тәжірибе бағдарламасына қатысты.", "2026-02-11",
     count(12000, "студент", lower=12000)),
    # Guard: a scale with no possessive on its bound counts the noun after it.
    ("3 мыңнан астам", "Көрмеге 3 мыңнан астам келуші келді.", "2026-02-11", count(3000, "келуші", lower=3000)),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), PART_IN_THOUSANDS,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(PART_IN_THOUSANDS)])
def test_a_part_in_thousands_with_its_bound_counts_the_whole(selection: str, context: str, published: str,
                                                               expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


VOICED_AFTER_A_CONSONANT = [
    # No Kazakh word ends in a consonant and "ғ/г/б" ("белг", "сүзг"): the "і/ы" after them is the noun's own, and
    # "-нің", "-ні" its case ("белгінің" -> белгі), not the possessive "-інің" of a stem "белг".
    ("20 белгінің 17-сі", "Жолдағы 20 белгінің 17-сі жаңартылды.", "2026-05-05", count(17, "белгі")),
    ("12 сүзгінің 9-ы", "Зертханада 12 сүзгінің 9-ы ауыстырылды.", "2026-05-05", count(9, "сүзгі")),
    # Guard: a "қ/к/п" voiced after a vowel is still the stem's ("кітабының" -> кітап).
    ("40 кітаптың 25-і", "Кітапханадағы 40 кітаптың 25-і жаңа.", "2026-05-05", count(25, "кітап")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), VOICED_AFTER_A_CONSONANT,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(VOICED_AFTER_A_CONSONANT)])
def test_a_stem_keeps_its_vowel_after_a_voiced_consonant_cluster(selection: str, context: str, published: str,
                                                                  expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


PAST_PARTICIPLE_AFTER_THE_DATE = [
    # Kazakh puts the participle after the date it governs: a past participle in "-ған/-ген" a few words after a date
    # in the locative, ablative or "-дағы" dates it in the past, whatever the tense of the sentence's own verb.
    ("15 желтоқсанда", "15 желтоқсанда ашылған көрме наурызға дейін жұмыс істейді.", "2026-01-20", date("2025-12-15")),
    ("1 мамырдан", "1 мамырдан бастап енгізілген жаңа тариф бойынша жолаушылар аз төлейді.", "2026-07-10",
     date("2026-05-01")),
    ("18 қарашадағы", "Директорлар кеңесінің 18 қарашадағы отырысында қабылданған шешім бойынша келесі жылы жаңа цех "
                      "ашамыз.", "2026-12-20", date("2026-11-18")),
    # Guards: a deadline's participle ("by 1 March, who have not paid"), "арналған" (meant for) leave the date ahead.
    ("1 наурызға", "Жарнаны 1 наурызға дейін төлемеген мүшелер дауыс беру құқығынан айырылады.", "2026-12-07",
     date("2027-03-01")),
    ("7 желтоқсанда", "Палата 7 желтоқсанда экспорттаушыларға арналған семинар өткізеді.", "2026-11-30",
     date("2026-12-07")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), PAST_PARTICIPLE_AFTER_THE_DATE,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(PAST_PARTICIPLE_AFTER_THE_DATE)])
def test_a_past_participle_after_a_kazakh_date_dates_it_in_the_past(selection: str, context: str, published: str,
                                                                     expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


PERSONAL_POSSESSIVE_ON_A_MEASURE = [
    # A measure of time or age with a first or second person possessive ("my", "your"), bare or in a case, is the
    # measure, its owner dropped as the third person's "жасында", "айында" are.
    ("жиырма жасымда", "Мен жиырма жасымда алғаш рет шетелге шықтым.", "2026-04-01", quantity(20, "жас")),
    ("он екі жасыңда", "Сен он екі жасыңда шахматтан чемпион болдың.", "2026-04-01", quantity(12, "жас")),
    ("3 жылыңызды", "Сіз бұл жобаға 3 жылыңызды арнадыңыз.", "2026-04-01", quantity(3, "жыл")),
    ("2 аптаңызда", "Алғашқы 2 аптаңызда тәлімгер көмектеседі.", "2026-04-01", quantity(2, "апта")),
    # Guard: a noun of its own in "-ім" is no measure with a possessive ("өнім", a product).
    ("40 өнім", "Биыл зауыт 40 өнім түрін шығарды.", "2026-04-01", count(40, "өнім")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), PERSONAL_POSSESSIVE_ON_A_MEASURE,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(PERSONAL_POSSESSIVE_ON_A_MEASURE)])
def test_a_measure_with_a_personal_possessive_is_the_measure(selection: str, context: str, published: str,
                                                              expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


MORE_THAN_AFTER_THE_ABLATIVE = [
    # An adjective of more after the ablative compares as "жоғары" does (deeper, higher, longer than), and "асатын",
    # "асқан" made nouns take a plural and a case ("those over"): a figure bounded below.
    ("2 метрден биік", "Ауладағы 2 метрден биік ағаштар кесілмейді.", "2026-05-05", quantity(2, "метр", lower=2)),
    ("3 метрден ұзын", "3 метрден ұзын жүкке қосымша ақы алынады.", "2026-05-05", quantity(3, "метр", lower=3)),
    ("15 тоннадан асатындар", "15 тоннадан асатындар көпірден өте алмайды.", "2026-05-05",
     quantity(15, "тонна", lower=15)),
    ("500 литрден асатындарға", "500 литрден асатындарға жеңілдік беріледі.", "2026-05-05",
     quantity(500, "литр", lower=500)),
    # Guard: a smaller-than stays a ceiling.
    ("3 метрден кіші", "3 метрден кіші қайықтар тіркелмейді.", "2026-05-05", quantity(None, "метр", upper=3)),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), MORE_THAN_AFTER_THE_ABLATIVE,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(MORE_THAN_AFTER_THE_ABLATIVE)])
def test_more_than_after_the_kazakh_ablative_is_a_floor(selection: str, context: str, published: str,
                                                         expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


AT_LEAST_SO_LONG_BEFORE = [
    # "кемінде N ай/жыл/апта бұрын" (at least N months before) is a lead time, a quantity bounded below, never "ago".
    ("кемінде бір жыл бұрын", "Өтінімді конференциядан кемінде бір жыл бұрын жіберу керек.", "2026-05-05",
     quantity(1, "жыл", lower=1)),
    ("кем дегенде екі апта бұрын", "Орынды кем дегенде екі апта бұрын брондаңыз.", "2026-05-05",
     quantity(2, "апта", lower=2)),
    ("кемінде төрт ай бұрын", "Визаға сапардан кемінде төрт ай бұрын өтініш беріңіз.", "2026-05-05",
     quantity(4, "ай", lower=4)),
    # Guard: with no bound it is still "ago".
    ("бір ай бұрын", "Дүкен бір ай бұрын ашылды.", "2026-05-05", date("2026-04")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), AT_LEAST_SO_LONG_BEFORE,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(AT_LEAST_SO_LONG_BEFORE)])
def test_at_least_so_long_before_is_a_lead_time(selection: str, context: str, published: str,
                                                 expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


PASCALS = [
    # Pressure and strength in pascals ("МПа", "кПа", "ГПа") are measured, with their bound, not counted.
    ("250 кПа", "Дөңгелектегі қысым 250 кПа болуы керек.", "2026-05-05", quantity(250, "кПа")),
    ("кемінде 30 МПа", "Бетонның беріктігі кемінде 30 МПа болуы тиіс.", "2026-05-05", quantity(30, "МПа", lower=30)),
    ("2,5 МПа", "Құбырдағы жұмыс қысымы – 2,5 МПа.", "2026-05-05", quantity(2.5, "МПа")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), PASCALS,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(PASCALS)])
def test_pascals_are_a_measure(selection: str, context: str, published: str, expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


COMPOUND_SPELLED_ORDINAL = [
    # A Kazakh compound ordinal in words, its tens a cardinal ("жиырма бірінші", the twenty-first), highlighted alone
    # before a noun of no series counts that noun, as "бірінші" alone does, not its tens as a bare twenty.
    ("жиырма бірінші", "Қаладағы жиырма бірінші жәрмеңке өтті.", "2026-05-05", count(21, "жәрмеңке")),
    ("отыз екінші", "Ауылда отыз екінші кездесу өтті.", "2026-05-05", count(32, "кездесу")),
    ("қырық үшінші", "Мектепте биыл қырық үшінші жиын өтті.", "2026-05-05", count(43, "жиын")),
    # Guard: a tens-and-ordinal of a series noun stays as it was read.
    ("он екінші", "Кезекті он екінші сессиясы өтті.", "2026-05-05", count(12, "сессия")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), COMPOUND_SPELLED_ORDINAL,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(COMPOUND_SPELLED_ORDINAL)])
def test_a_kazakh_compound_ordinal_counts_its_noun(selection: str, context: str, published: str,
                                                    expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)



DAYS_OF_ONE_MONTH = [
    # "3 және 7 наурызда" (on 3 and 7 March): the first number is a day of the month after the last, no figure the
    # sentence's noun counts; with no publication date the days need one.
    ("3 және 7 наурызда", "Сабақтар 3 және 7 наурызда өтеді."),
    ("5, 12 және 19 қазанда", "Дәрістер 5, 12 және 19 қазанда өтеді."),
    ("20 мен 27 маусымда", "Жарыстар 20 мен 27 маусымда өтеді."),
]


@pytest.mark.parametrize(("selection", "context"), DAYS_OF_ONE_MONTH,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(DAYS_OF_ONE_MONTH)])
def test_days_joined_before_one_month_need_a_publication_date(selection: str, context: str) -> None:
    suggestion = suggest(selection, published=None, context=context)
    assert suggestion.value.kind is ValueKind.TEXT and suggestion.note is not None


def test_days_joined_before_one_month_are_dated_with_a_publication_date() -> None:
    # Guard: with a publication date the days are dated as before (the last day of the list).
    same(suggest("3 және 7 наурызда", published="2026-02-01", context="Сабақтар 3 және 7 наурызда өтеді.").value,
         date("2026-03-07"))
