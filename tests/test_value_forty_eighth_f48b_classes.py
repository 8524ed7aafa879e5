"""The classes of the Kazakh misses of sets 48 and 49 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, percent, same, span

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
VOICED_STEMS_OF_SHORT_NOUNS = [
    # A short known noun's last "п" is voiced before a vowel, as longer nouns' are ("кітабы" -> кітап): groups.
    ("кемінде төрт", "Оқушылар кемінде төрт тобына бөлінеді.", count(4, "топ", lower=4)),
    ("алты тобы", "Мектептің алты тобы жарысқа қатысты.", count(6, "топ")),
    ("12 тобының", "Университеттің 12 тобының кестесі өзгерді.", count(12, "топ")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), VOICED_STEMS_OF_SHORT_NOUNS,
                         ids=[case[0] for case in VOICED_STEMS_OF_SHORT_NOUNS])
def test_a_short_nouns_voiced_stem_is_its_base(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


UP_TO_MADE_A_NOUN = [
    # "дейін" (up to) with a possessive, the share it bounds made a noun ("up to a fifth of it"), as "жуығы" is.
    ("15 пайызға дейіні", "Жинаған астықтың 15 пайызға дейіні қоймада бүлінуі мүмкін.", percent(None, upper=15)),
    ("40 пайызға дейінін", "Кәсіпорын пайданың 40 пайызға дейінін жабдыққа жұмсайды.", percent(None, upper=40)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), UP_TO_MADE_A_NOUN,
                         ids=[case[0] for case in UP_TO_MADE_A_NOUN])
def test_up_to_with_a_possessive_is_a_ceiling(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


OLD_RANGES_OF_YEARS = [
    # A range of years named as years ("жылдары", "годах", "years") may lie centuries back: a monument's building.
    ("1422–1437 жылдары", "Мешіт 1422–1437 жылдары тұрғызылған.", span("1422", "1437")),
    ("1598–1610 жылдары", "Қала 1598–1610 жылдары қайта салынды.", span("1598", "1610")),
    ("1512–1530 годах", "Крепость перестроили в 1512–1530 годах.", span("1512", "1530")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), OLD_RANGES_OF_YEARS,
                         ids=[case[0] for case in OLD_RANGES_OF_YEARS])
def test_an_old_range_of_years(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


def test_old_figures_with_no_year_word_stay_figures() -> None:
    # Without a year word two figures under 1800 are no years ("1200–1500 tonnes" would be a quantity).
    value = suggest("1200–1500", published="2026-05-14", context="Қойма 1200–1500 тонна астық сыяды.").value
    assert value.kind.value != "date_range"


NOUNS_OF_INCIDENTS = [
    # "оқиға" (an event, incident) and "жағдай" (a case) are nouns a report counts, so a qualifying word before them
    # in apposition is kept with them, as before other known nouns: an accident, an emergency.
    ("4", "Өткен аптада кеніште 4 төтенше оқиға тіркелді.", count(4, "төтенше оқиға")),
    ("9", "Жылына 9 жазатайым жағдай болады.", count(9, "жазатайым жағдай")),
    # An adjective before them is still dropped ("тарихи", historic), a possessed compound kept ("өрт оқиғасы").
    ("6", "Кітапта 6 тарихи оқиға сипатталған.", count(6, "оқиға")),
    ("3", "Түнде 3 өрт оқиғасы тіркелді.", count(3, "өрт оқиға")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), NOUNS_OF_INCIDENTS,
                         ids=[case[1] for case in NOUNS_OF_INCIDENTS])
def test_nouns_of_incidents_keep_the_word_in_apposition(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


PRESENT_OF_ONE_SYLLABLE_ROOTS_IN_L = [
    # "алады" (takes), "келеді" (comes), "бөледі" (divides), "демалады" (rests, "дем ал-"): a root of one syllable in
    # "-л" takes "-ады/-еді" in the present-future, its past is "алды", "келді": a season ahead of publication.
    ("Күзде", "Күзде компания 15 жаңа трактор сатып алады.", "2026-02-10", span("2026-09", "2026-11")),
    ("Күзде", "Күзде көлге 5 мың турист келеді.", "2026-02-10", span("2026-09", "2026-11")),
    ("Жазда", "Жазда қор 30 грант бөледі.", "2026-02-10", span("2026-06", "2026-08")),
    # A "-ла" stem's past looks the same and stays past: "бағалады" (evaluated).
    ("Жазда", "Жазда комиссия 40 жобаны бағалады.", "2026-02-10", span("2025-06", "2025-08")),
]


@pytest.mark.parametrize(("selection", "context", "published", "expected"), PRESENT_OF_ONE_SYLLABLE_ROOTS_IN_L,
                         ids=[case[1] for case in PRESENT_OF_ONE_SYLLABLE_ROOTS_IN_L])
def test_the_present_of_a_root_in_l_points_ahead(selection: str, context: str, published: str,
                                                expected: TypedValue) -> None:
    same(suggest(selection, published=published, context=context).value, expected)


PARTICIPLES_BEFORE_A_NOUN_IN_A_CASE = [
    # A participle qualifies the noun after it, in whatever case the clause puts it ("тозған техниканы жөндеді",
    # repaired worn machinery), so the noun is counted, as after an adjective.
    ("40", "Шеберлер 40 тозған техниканы жөндеді.", count(40, "техника")),
    ("500-ден астам", "Зауыт 500-ден астам жөнделген вагонды жіберді.", count(500, "вагон", lower=500)),
    # One before a possessed noun is still what is counted ("сотталған жазасын өтеуде", convicts serve their term).
    ("60", "Колонияда 60 сотталған жазасын өтеуде.", count(60, "сотталған")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), PARTICIPLES_BEFORE_A_NOUN_IN_A_CASE,
                         ids=[case[1] for case in PARTICIPLES_BEFORE_A_NOUN_IN_A_CASE])
def test_a_participle_qualifies_the_noun_after_it(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


def test_a_set_is_counted_as_pieces_and_pairs_are() -> None:
    # "жиынтық" (a set, a kit) is a classifier noun counted as "дана" (pieces) and "жұп" (pairs) are, not an adjective
    # in "-тық": "үш жиынтық оқулық" is three sets of textbooks.
    same(suggest("үш жиынтық", published="2026-05-14", context="Әр оқушыға үш жиынтық оқулық беріледі.").value,
         count(3, "жиынтық"))
    same(suggest("екі жиынтық", published="2026-05-14",
                 context="Ауруханаға екі жиынтық зертханалық жабдық жеткізілді.").value, count(2, "жиынтық"))


A_COMPOUND_QUALIFYING_THE_NEXT_NOUN = [
    # Two bare nouns, a possessed one, then another possessed noun: "ана денсаулығы бағдарламасына" (to the maternal
    # health programme) is a chain of compounds, a phrase of its own; the first bare noun is what the number counts.
    ("120", "Биыл 120 дәрігер ана денсаулығы бағдарламасына қатысты.", count(120, "дәрігер")),
    ("45", "Өткен айда 45 инженер өрт қауіпсіздігі тренингінен өтті.", count(45, "инженер")),
    # A verbal noun takes the noun before it as its object: the three words are one compound ("сүт өңдеу зауыты").
    ("30-ға жуық", "Облыстағы 30-ға жуық сүт өңдеу зауытының жартысы жаңартылды.", count(30, "сүт өңдеу зауыт",
                                                                                     approximate=True)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), A_COMPOUND_QUALIFYING_THE_NEXT_NOUN,
                         ids=[case[1] for case in A_COMPOUND_QUALIFYING_THE_NEXT_NOUN])
def test_a_chain_of_compounds_after_the_counted_noun(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


A_PLACE_BEFORE_A_PLURAL = [
    # A number never counts a plural, so before one it counts the noun made an adjective of place with "-дағы/-дегі"
    # ("40 ауылдық мектептегі оқушылармен", with pupils of 40 rural schools), known noun or not.
    ("40", "Зерттеу 40 ауылдық мектептегі оқушылармен жүргізілді.", count(40, "мектеп")),
    ("25", "Сарапшылар 25 шағын кеніштегі жұмысшылармен сұхбат жүргізді.", count(25, "кеніш")),
    ("900", "Сауалнамаға 900 қалалық емханадағы дәрігерлер қатысты.", count(900, "емхана")),
    # A verbal noun's plural ("бақылаулар", observations) is a plural too.
    ("60", "Модель 60 метеорологиялық бекеттегі бақылаулармен тексерілді.", count(60, "бекет")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), A_PLACE_BEFORE_A_PLURAL,
                         ids=[case[1] for case in A_PLACE_BEFORE_A_PLURAL])
def test_a_place_before_a_plural_is_counted(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


PROFESSIONAL_PARTICIPANTS_OF_A_MARKET = [
    # A professional participant of the securities market is a licensed broker, dealer or registrar, not any
    # participant: a fixed term, which keeps its qualifier, as "мемлекеттік қызметші" does.
    ("35", "Биржада 35 кәсіби қатысушы тіркелген.", count(35, "кәсіби қатысушы")),
    ("12 кәсіби қатысушысы", "Нарықтың 12 кәсіби қатысушысы лицензиядан айырылды.", count(12, "кәсіби қатысушы")),
    # "кәсіби" before another noun is an adjective still ("40 кәсіби маман": specialists).
    ("40", "Облысқа 40 кәсіби маман келді.", count(40, "маман")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), PROFESSIONAL_PARTICIPANTS_OF_A_MARKET,
                         ids=[case[1] for case in PROFESSIONAL_PARTICIPANTS_OF_A_MARKET])
def test_professional_participants_keep_their_qualifier(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)
