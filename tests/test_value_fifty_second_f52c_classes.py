"""The classes of the Kazakh misses of sets 52 and 53 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, percent, quantity, same, span

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
KAZAKH_DECADES = [
    # A decade with a hyphen before "жылдар" ("1960-жылдардағы", of the 1960s), as "1960 жылдары" without it.
    ("1960-жылдардағы", "Фильм 1960-жылдардағы ауыл өмірін көрсетеді.", span("1960", "1969")),
    ("1880-жылдары", "Бұл мешіт 1880-жылдары салынған деп саналады.", span("1880", "1889")),
    # A decade of the last century named by its ordinal ("сексенінші жылдары", in the eighties).
    ("Сексенінші жылдары", "Сексенінші жылдары ауылда екі мектеп ашылды.", span("1980", "1989")),
    ("алпысыншы жылдардағы", "Кітап алпысыншы жылдардағы тың игеру туралы.", span("1960", "1969")),
    # Guards: a year with "жылы" stays the year, a range of years stays the range.
    ("1960 жылы", "Зауыт 1960 жылы салынды.", date("1960")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_DECADES,
                         ids=[case[0] for case in KAZAKH_DECADES])
def test_kazakh_decades_with_a_hyphen_or_an_ordinal(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


ONE_OF_TEN_OR_A_THOUSAND = [
    # A patient leaflet's frequency: "10 науқастың 1-іне дейін" (in up to one of ten patients) is a share, as "1 из 10"
    # is; "дейін" a ceiling, "астамында" a floor.
    ("10 науқастың 1-іне дейін", "Жүрек айнуы 10 науқастың 1-іне дейін байқалуы мүмкін.", percent(None, upper=10)),
    ("100 адамның 1-інен астамында", "Бөртпе 100 адамның 1-інен астамында пайда болады.", percent(1, lower=1)),
    ("10 000 адамның 1-іне дейін", "Ісіну 10 000 адамның 1-іне дейін кездеседі.", percent(None, upper=0.01)),
    ("1 000 баланың 1-інде", "Аурудың бұл түрі 1 000 баланың 1-інде кездеседі.", percent(0.1, approximate=True)),
    # Guards: a part of another whole counts, in the whole's noun.
    ("27 елдің 1-і", "Одаққа мүше 27 елдің 1-і ғана келісімге қарсы шықты.", count(1, "ел")),
    ("10 елдің 3-і", "Зерттелген 10 елдің 3-і жоспарды орындады.", count(3, "ел")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), ONE_OF_TEN_OR_A_THOUSAND,
                         ids=[case[0] for case in ONE_OF_TEN_OR_A_THOUSAND])
def test_one_of_ten_a_hundred_or_a_thousand_is_a_share(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


CASE_AFTER_A_SOFT_SIGN = [
    # A loanword's soft sign takes the front endings whatever vowel is before it: "фестивальге", "спектакльде".
    ("15-тен астам", "Театр 15-тен астам фестивальге қатысты.", count(15, "фестиваль", lower=15)),
    ("8", "Әртістер маусымда 8 спектакльде ойнады.", count(8, "спектакль")),
    # Guards: known loanwords and a plain noun stay as they were read.
    ("12", "Жаңа 12 автомобильге тапсырыс берілді.", count(12, "автомобиль")),
    ("40", "Фестивальге 40 фильм қатысты.", count(40, "фильм")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), CASE_AFTER_A_SOFT_SIGN,
                         ids=[case[0] for case in CASE_AFTER_A_SOFT_SIGN])
def test_a_case_ending_after_a_loanwords_soft_sign(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


A_DOER_WITH_ITS_OBJECT = [
    # A doer in "-ушы/-уші" takes the bare noun before it as its object, one compound: "су пайдаланушы" (a water
    # user), "несие алушы" (a borrower), "жүк тасымалдаушы" (a haulier).
    ("350", "Ауданда 350 су пайдаланушы тіркелген.", count(350, "су пайдаланушы")),
    ("15 несие алушы", "Банк 15 несие алушыға жеңілдік берді.", count(15, "несие алушы")),
    ("26", "Облыста 26 жүк тасымалдаушы лицензия алды.", count(26, "жүк тасымалдаушы")),
    # Guards: the noun alone, a doer before a known noun, a doer alone.
    ("Бес", "Бес несие бойынша сотқа жүгінуге тура келді.", count(5, "несие")),
    ("12", "Көрмеге 12 өндіруші компания қатысты.", count(12, "өндіруші компания")),
    ("40", "Жиынға 40 басқарушы қатысты.", count(40, "басқарушы")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), A_DOER_WITH_ITS_OBJECT,
                         ids=[case[0] for case in A_DOER_WITH_ITS_OBJECT])
def test_a_doer_in_ushy_makes_a_compound_with_its_object(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


SONS_AND_DAUGHTERS = [
    # A family's children are counted in "ұл" and "қыз", whose possessive ("ұлы", "қызы") a two-letter stem kept.
    ("үш", "Ақсақалдың үш ұлы бар, бірі ауылда тұрады.", count(3, "ұл")),
    ("екеуі", "Оның бес ұлы бар, екеуі Алматыда тұрады.", count(2, "ұл")),
    # Guard: "қызы" was read so already.
    ("екі", "Оның екі қызы мектепте оқиды.", count(2, "қыз")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), SONS_AND_DAUGHTERS,
                         ids=[case[0] for case in SONS_AND_DAUGHTERS])
def test_sons_and_daughters_are_counted_without_their_possessive(selection: str, context: str,
                                                                  expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


A_KILO_AS_PEOPLE_SAY_IT = [
    # "келі" (a kilo) is a mass, and no "кел" + the possessive "-і".
    ("5 келі", "Ол базардан 5 келі алма сатып алды.", quantity(5, "келі")),
    ("20-30 келіге", "Бір сиыр күніне 20-30 келіге дейін шөп жейді.", quantity(None, "келі", lower=20, upper=30)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), A_KILO_AS_PEOPLE_SAY_IT,
                         ids=[case[0] for case in A_KILO_AS_PEOPLE_SAY_IT])
def test_a_kilo_as_people_say_it_is_a_mass(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


YOUNG_BEFORE_A_NOUN = [
    # "жас" before a bare noun is "young" ("жас ғалым", a young scientist), the noun counted; a part counted later
    # ("олардың бесеуі") takes the same noun.
    ("30-ға жуық", "Курсқа 30-ға жуық жас ғалым қатысты.", count(30, "ғалым", approximate=True)),
    ("15", "Байқауға 15 жас суретші қатысты, олардың бесеуі жүлде алды.", count(15, "суретші")),
    ("бесеуі", "Байқауға 15 жас суретші қатысты, олардың бесеуі жүлде алды.", count(5, "суретші")),
    # Guards: "жас" alone, and before a name, is the young people counted; an age stays an age.
    ("25", "Лагерьге 25 жас келді.", count(25, "жас")),
    ("80 жас", "Бағдарламаға 80 жас Еуропа Одағының қаражатымен қатысты.", count(80, "жас")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), YOUNG_BEFORE_A_NOUN,
                         ids=[f"{case[0]} {case[2].unit}" for case in YOUNG_BEFORE_A_NOUN])
def test_young_before_a_bare_noun_counts_the_noun(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


A_NAME_AFTER_AN_ORDINAL = [
    # A name between a Kazakh ordinal and its noun is dropped, as names are from a counted noun: "24-ші Берлин
    # кинофестивалінде" is the 24th film festival.
    ("24-ші", "Фильм 24-ші Берлин кинофестивалінде көрсетілді.", count(24, "кинофестиваль")),
    # Guards: an adjective between, and no name.
    ("оныншы", "Биыл оныншы Астана халықаралық форумы өтті.", count(10, "форум")),
    ("үшінші", "Бұл – үшінші Еуропа-Азия саммиті.", count(3, "саммит")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), A_NAME_AFTER_AN_ORDINAL,
                         ids=[case[0] for case in A_NAME_AFTER_AN_ORDINAL])
def test_a_name_after_a_kazakh_ordinal_is_dropped(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


TEN_HIGHLIGHTED_ALONE = [
    # "он" is ten in Kazakh and "he" in Russian; highlighted alone it has no Kazakh letter, its sentence has.
    ("он", "Кітап он тілге аударылды.", count(10, "тіл")),
    ("он", "Фермер он гектар жерге бидай екті.", quantity(10, "гектар")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), TEN_HIGHLIGHTED_ALONE,
                         ids=[case[1] for case in TEN_HIGHLIGHTED_ALONE])
def test_ten_highlighted_alone_in_a_kazakh_sentence(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)


def test_he_highlighted_in_a_russian_sentence_stays_text() -> None:
    assert suggest("он", published="2026-05-14", context="Он сказал, что приедет.").value.text == "он"


TIMES_COUNT_THE_OCCASIONS = [
    # "рет" right after the number counts occasions, whatever noun the clause goes on to: "8 рет су тасқыны туралы
    # хабарлама" (a flood notice eight times), "12 рет арнасынан шықты" (burst its banks 12 times).
    ("8 рет", "Биыл 8 рет су тасқыны туралы хабарлама таратылды.", count(8, "рет")),
    ("12 рет", "Өзен биыл 12 рет арнасынан шықты.", count(12, "рет")),
    # Guard: "рет" alone after it, as before.
    ("бес рет", "Ол бес рет чемпион атанды.", count(5, "рет")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), TIMES_COUNT_THE_OCCASIONS,
                         ids=[case[0] for case in TIMES_COUNT_THE_OCCASIONS])
def test_times_count_the_occasions(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-05-14", context=context).value, expected)
