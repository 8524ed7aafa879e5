"""The classes of count, unit, money and ordinal misses of sets 40 and 41 (their first score), each tested on other
sentences than the sets': what Ctrl+N suggests for a highlight read with its sentence (and the sentence before it).
Kazakh writes possession and "having" as endings, which English and Russian write as words, so those classes are
Kazakh only."""

from __future__ import annotations

import pytest
from test_value_words import count, money, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

PUBLISHED = "2026-12-04"

# (highlight, its sentence, the curator's value)
KAZAKH_NOUN_FORMS = [
    # "-мыз/-міз" (our) after a vowel is a possessive, as "-ымыз/-іміз" after a consonant is.
    ("12", "Биыл 12 оқушымыз Польшада тағылымдамадан өтті.", count(12, "оқушы")),
    ("7", "Өткен айда 7 сарапшымызбен кездесу өтті.", count(7, "сарапшы")),
    # ... and takes the place of the compound's "-ы/-і" after a noun that qualifies it.
    ("3", "Қаладағы 3 сервис орталығымыз тәулік бойы жұмыс істейді.", count(3, "сервис орталық")),
    ("2", "Облыстағы 2 зерттеу орталығымыз жаңа жобаны бастады.", count(2, "зерттеу орталық")),
    # A stem in "-й" takes the possessive "-ы/-і" too.
    ("екінші құрылтайы", "Қауымдастықтың екінші құрылтайы Берлинде өтті.", count(2, "құрылтай")),
    ("бесінші музейі", "Қордың бесінші музейі Түркістанда ашылды.", count(5, "музей")),
    # "-лы/-лі" after a vowel before a noun in a case is "having", an adjective.
    ("6", "Ауданда 6 жылжымалы қазандықты жөндеуден өткіздік.", count(6, "қазандық")),
    ("9", "Компания 9 тәжірибелі маманды жұмысқа алды.", count(9, "маман")),
    # A loanword's soft sign before "-ді" makes an adjective before a bare noun.
    ("4", "Жағалауды 4 мобильді топ күн сайын аралайды.", count(4, "топ")),
    # A word in "-лық" right before the verb closing the clause (or "бар") is the noun, the bare word before it
    # its adjective.
    ("40", "Жағалаудан 40 өлі итбалық табылды.", count(40, "итбалық")),
    ("2 500", "Көлде шамамен 2 500 итбалық бар.", count(2500, "итбалық")),
    ("15", "Былтыр ауданда 15 жаңа қазандық орнатылды.", count(15, "қазандық")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_NOUN_FORMS,
                         ids=[case[1][:30] for case in KAZAKH_NOUN_FORMS])
def test_kazakh_possessives_and_adjectives_before_the_counted_noun(selection: str, context: str,
                                                                  expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_a_stem_in_l_with_its_possessive_stays_the_noun() -> None:
    # "филиалы" is "филиал" + "-ы", a bare noun after it: no adjective.
    same(suggest("33", published=PUBLISHED, context="Банктің елде 33 филиалы жұмыс істейді.").value,
         count(33, "филиал"))


UNITS = [
    # An abbreviation of power is a unit, not a counted noun.
    ("300 кВт", "Мощность двигателя — 300 кВт, расход топлива — 25 литров.", quantity(300, "кВт")),
    ("120 кВт", "Қозғалтқыш қуаты — 120 кВт, жүк көтергіштігі — 5 тонна.", quantity(120, "кВт")),
    # Hours run by a machine are a measure, whatever word before "hours" says whose.
    ("1 500 моточасов", "Гарантия действует 12 месяцев или 1 500 моточасов.", quantity(1500, "моточасов")),
    ("800 человеко-часов", "На ремонт ушло 800 человеко-часов.", quantity(800, "человеко-часов")),
    ("2,000 engine hours", "The warranty covers two years or 2,000 engine hours.", quantity(2000, "engine hours")),
    ("1 500 мотосағат", "Кепілдік 1 500 мотосағатқа беріледі.", quantity(1500, "мотосағат")),
    # A part of the figure before ("из них", "of which") and where a change by it ends ("на … до", "by … to") are in
    # its unit.
    ("30", "Курс длится 120 академических часов, из них 30 — на практике.", quantity(30, "академических часов")),
    ("25", "The course takes 90 academic hours, of which 25 at the plant.", quantity(25, "academic hours")),
    ("40-ы", "Оқу 160 академиялық сағатқа созылады, оның 40-ы зауытта өтеді.", quantity(40, "академиялық сағат")),
    ("1 815", "Индекс вырос на 12 пунктов, до 1 815.", quantity(1815, "пунктов")),
    ("2,704", "Her rating rose by 21 points to 2,704.", quantity(2704, "points")),
    # Kazakh says "between" after the two figures: the highlight without "аралығында" is the range.
    ("16 мен 25 жас", "Байқауға 16 мен 25 жас аралығындағы жастар қатысады.", quantity(None, "жас", lower=16, upper=25)),
    ("200 бен 300 тонна", "Күнделікті өнім 200 бен 300 тонна аралығында болады.",
     quantity(None, "тонна", lower=200, upper=300)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), UNITS, ids=[case[1][:30] for case in UNITS])
def test_units_of_power_of_machine_hours_of_a_part_and_of_a_kazakh_range(selection: str, context: str,
                                                                        expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


DIGIT_ORDINALS_ALONE = [
    # An ordinal in digits highlighted alone numbers the noun after it, as one in words does ...
    ("12-й тур", "Предпоследний, 12-й тур, пройдет в субботу.", count(12, "тур")),
    ("12-ші тур", "12-ші тур сенбіде өтеді.", count(12, "тур")),
    ("9th", "The 8th stage ends in Aktau and the 9th starts in Baku.", count(9, "stage")),
    # ... and with no noun after it, the noun of the ordinal before it in its sentence.
    ("13-й", "12-й тур пройдет в субботу, а заключительный 13-й — в воскресенье.", count(13, "тур")),
    ("11-ші", "10-шы кезең жұмада, ал 11-ші сенбіде өтеді.", count(11, "кезең")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), DIGIT_ORDINALS_ALONE,
                         ids=[case[1][:30] for case in DIGIT_ORDINALS_ALONE])
def test_an_ordinal_in_digits_highlighted_alone_counts_its_noun(selection: str, context: str,
                                                                expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_an_ordinal_in_digits_that_ranks_still_counts_nothing() -> None:
    assert suggest("2nd", published=PUBLISHED, context="It was the 2nd time.").value.kind.value == "text"
    assert suggest("2-й", published=PUBLISHED, context="Он занял 2-й раз подряд.").value.kind.value == "text"


MONEY_SAID_AGAIN_OR_SHARED = [
    # An amount written again in words, in brackets, before its currency.
    ("2 500 000 (два миллиона пятьсот тысяч) евро", "Цена договора составляет 2 500 000 (два миллиона пятьсот тысяч) евро.",
     money(2.5e6, "EUR")),
    ("2,500,000 (two million five hundred thousand) euros",
     "The contract price is 2,500,000 (two million five hundred thousand) euros.", money(2.5e6, "EUR")),
    ("2 500 000 (екі миллион бес жүз мың) еуро", "Шарт бағасы 2 500 000 (екі миллион бес жүз мың) еуро.",
     money(2.5e6, "EUR")),
    # A range highlighted without the word that opens it; its first figure shares the scale and currency.
    ("5 до 12 тыс. евро", "Гранты составят от 5 до 12 тыс. евро на проект.", money(None, "EUR", lower=5e3, upper=12e3)),
    ("5 to 12 thousand euros", "Grants will range from 5 to 12 thousand euros a project.",
     money(None, "EUR", lower=5e3, upper=12e3)),
    # Kazakh puts the ablative on the first figure's scale word.
    ("5 мыңнан 12 мың еуроға дейін", "Грант көлемі 5 мыңнан 12 мың еуроға дейін.", money(None, "EUR", lower=5e3, upper=12e3)),
    ("3 миллионнан 9 миллион теңгеге дейін", "Несие 3 миллионнан 9 миллион теңгеге дейін беріледі.",
     money(None, "KZT", lower=3e6, upper=9e6)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), MONEY_SAID_AGAIN_OR_SHARED,
                         ids=[case[1][:30] for case in MONEY_SAID_AGAIN_OR_SHARED])
def test_money_written_again_in_words_and_ranges_sharing_scale_and_currency(selection: str, context: str,
                                                                           expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_words_in_brackets_that_are_no_number_make_no_money() -> None:
    assert suggest("5 (twelve apples) euros", published=PUBLISHED).value.unit != "EUR"
    # "с 5 до 7" is a change, not a range, with or without "с" in the highlight.
    assert suggest("5 до 7 млрд", published=PUBLISHED, context="Цены выросли с 5 до 7 млрд.").value.lower is None


NOUN_PHRASES = [
    # Two adjectives joined by "и"/"and"/"және" qualify one noun.
    ("пяти", "Проект ведет консорциум из пяти казахстанских и немецких университетов.", count(5, "университетов")),
    ("4", "Форумға 4 қазақстандық және еуропалық ұйым қатысты.", count(4, "ұйым")),
    # A name's possessive before the noun qualifies it, as a name does.
    ("five", "The reserve received five Przewalski's horses from Prague.", count(5, "horses")),
    ("12", "The museum lent 12 Kasteyev's paintings to Vienna.", count(12, "paintings")),
    # A Russian permit or request with what it is for, a verbal noun closing the clause, is one term.
    ("около 12 тыс.", "В 2025 году выдано около 12 тыс. разрешений на проживание, на 8% больше.",
     count(12e3, "разрешений на проживание", approximate=True)),
    ("40", "Всего поступило 40 заявок на участие.", count(40, "заявок на участие")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), NOUN_PHRASES, ids=[case[1][:30] for case in NOUN_PHRASES])
def test_coordinated_adjectives_possessive_names_and_purposes(selection: str, context: str,
                                                             expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_a_purpose_with_its_own_object_is_left_off() -> None:
    same(suggest("три", published=PUBLISHED,
                 context="Агентство выдало три лицензии на оказание платежных услуг.").value, count(3, "лицензии"))


def test_a_verb_in_we_after_the_noun_is_no_possessive() -> None:
    # "-амыз/-еміз" after a vowel is as often a verb ("we offer") as "our": it makes no compound with the noun.
    same(suggest("алты жаңа тур", published=PUBLISHED, context="Биыл біз алты жаңа тур ұсынамыз.").value, count(6, "тур"))
    same(suggest("5", published=PUBLISHED, context="Келесі жылы 5 бағыт ашамыз.").value, count(5, "бағыт"))


STOCK_OF_THINGS = [
    # A stock of things opening the clause counts them, as a flow of things does; "by X to Y" closing the clause is a
    # change (how much, then where it ended), not a range.
    ("85", "The company's fleet of grain hopper wagons grew by 85 to 960.", count(85, "grain hopper wagons")),
    ("960", "The company's fleet of grain hopper wagons grew by 85 to 960.", count(960, "grain hopper wagons")),
    ("1 020", "Парк вагонов-хопперов вырос на 85, до 1 020.", count(1020, "вагонов-хопперов")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), STOCK_OF_THINGS, ids=[case[1][:30] for case in STOCK_OF_THINGS])
def test_a_stock_of_things_counts_them(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_by_two_to_three_percent_stays_a_range() -> None:
    value = suggest("by 2 to 3 percent", published=PUBLISHED).value
    assert (value.lower, value.upper, value.unit) == (2, 3, "%")


CLASSIFIERS = [
    # A classifier counts the noun its clause named before the figure.
    ("25 дана", "Жеңілдікпен сатылатын тракторлар саны — 25 дана.", count(25, "трактор")),
    ("25 штук", "Количество тракторов по акции — 25 штук.", count(25, "тракторов")),
    ("25 units", "The number of tractors on offer is 25 units.", count(25, "tractors")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), CLASSIFIERS, ids=[case[1][:30] for case in CLASSIFIERS])
def test_a_classifier_counts_the_noun_its_clause_named(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


def test_units_with_no_noun_named_before_stay_units() -> None:
    same(suggest("40 units", published=PUBLISHED, context="The developer will build 40 units.").value, count(40, "units"))


LEVELS_IN_THE_CURRENCY_BEFORE = [
    # A level a market closed at, with no figure before it in its sentence, is in the currency of the level the
    # sentence before closed at.
    ("612.40", "Against the euro it closed at 612.40.", "The tenge weakened on Friday, closing at 531.80 per dollar.",
     money(612.4, "KZT")),
    ("91,20", "К евро он закрылся на отметке 91,20.", "Рубль укрепился, закрывшись на отметке 78,40 рубля за доллар.",
     money(91.2, "RUB")),
]


@pytest.mark.parametrize(("selection", "context", "before", "expected"), LEVELS_IN_THE_CURRENCY_BEFORE,
                         ids=[case[1][:30] for case in LEVELS_IN_THE_CURRENCY_BEFORE])
def test_a_level_closed_at_takes_the_currency_of_the_level_before(selection: str, context: str, before: str,
                                                                  expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context, before=before).value, expected)


ONE_CLOSING_ITS_CLAUSE = [
    # Russian "один/одна/одно" closing a clause counts the noun that opens it, in its gender.
    ("одно", "Команда выиграла пять матчей, поражение пока одно.", count(1, "поражение")),
    ("одна", "Побед у команды пять, ничья пока одна.", count(1, "ничья")),
    ("один", "Матчей сыграно семь, проигрыш у них один.", count(1, "проигрыш")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), ONE_CLOSING_ITS_CLAUSE,
                         ids=[case[1][:30] for case in ONE_CLOSING_ITS_CLAUSE])
def test_one_closing_its_clause_counts_the_noun_opening_it(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context).value, expected)


@pytest.mark.parametrize("context", ["Это одно из лучших решений.", "Он был один."])
def test_one_with_no_noun_opening_its_clause_counts_nothing(context: str) -> None:
    selection = "одно" if "одно" in context else "один"
    assert suggest(selection, published=PUBLISHED, context=context).value.kind.value == "text"


THEIR_NUMBER = [
    # "Their number" counts what the sentence before named the number of.
    ("500 мыңнан асқан", "Жарты ғасыр бұрын олардың саны 500 мыңнан асқан.", "Ақбөкендердің саны соңғы жылдары өсті.",
     count(5e5, "ақбөкен", lower=5e5)),
    ("превышало 500 тыс.", "Полвека назад их число превышало 500 тыс.", "Число сайгаков в последние годы выросло.",
     count(5e5, "сайгаков", lower=5e5)),
    ("exceeded 500,000", "Fifty years ago their number exceeded 500,000.", "The number of saiga antelopes has grown.",
     count(5e5, "saiga antelopes", lower=5e5)),
]


@pytest.mark.parametrize(("selection", "context", "before", "expected"), THEIR_NUMBER,
                         ids=[case[1][:30] for case in THEIR_NUMBER])
def test_their_number_counts_what_the_sentence_before_numbered(selection: str, context: str, before: str,
                                                               expected: TypedValue) -> None:
    same(suggest(selection, published=PUBLISHED, context=context, before=before).value, expected)


def test_a_voiced_stem_before_a_vowel_ending_is_read_unvoiced() -> None:
    # "итбалығының" is "итбалық" with the genitive: no Kazakh word ends in "ғ/г/б".
    same(suggest("Каспий итбалығының саны 160 мыңға жетті", published=PUBLISHED).value, count(160e3, "итбалық"))


PLACES_AND_FIGURES = [
    # A bare figure right after a place's name, closing its clause, counts what the count beside a place before it
    # counted (English; Russian and Kazakh lists repeat the noun or say "из них", "олардың").
    ("1,120", "Spain now hosts 1,120, and Italy 870.", count(1120, "tourists")),
    ("870", "Spain now hosts 1,120, and Italy 870.", count(870, "tourists")),
    ("640", "Greece (640) and Portugal (310) follow.", count(640, "tourists")),
]
PLACES_BEFORE = ("France remains the favourite, with 3,400 tourists from Almaty last winter. "
                 "The fastest growth is in the south.")


@pytest.mark.parametrize(("selection", "context", "expected"), PLACES_AND_FIGURES,
                         ids=[case[0] for case in PLACES_AND_FIGURES])
def test_a_figure_after_a_place_counts_what_the_places_before_counted(selection: str, context: str,
                                                                      expected: TypedValue) -> None:
    earlier, _, before = PLACES_BEFORE.rpartition(". ")
    value = suggest(selection, published=PUBLISHED, context=context, before=before, earlier=earlier + ".").value
    same(value, expected)


def test_a_figure_after_a_name_with_its_own_noun_keeps_it() -> None:
    before = "France remains the favourite, with 3,400 tourists from Almaty last winter."
    same(suggest("200", published=PUBLISHED, context="The programme offers Kazakhstan 200 places a year.",
                 before=before).value, count(200, "places"))


def test_a_kazakh_scale_named_by_its_top_mark_is_measured_in_its_points() -> None:
    # "10 ұпайлық шкала" (a 10-point scale): the figure is the points the "-лық" adjective names, not the scale
    # (English "a 100-point scale" and Russian "100-балльная система" are left unread, as before); a quantity since
    # issue #17 settled scores in points as quantities (a count before).
    same(suggest("10 ұпайлық", published=PUBLISHED, context="Жобалар 10 ұпайлық шкаламен бағаланады.").value,
         quantity(10, "ұпай"))
