"""The classes of the Kazakh misses of sets 62 and 63 (their first score), each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, money, percent, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
A_CEILING_VERB_AFTER_EVEN = [
    # "-ға да жетпеді" (did not reach even X): the particle "да/де" (even) between the dative and the negated "reach"
    # leaves it a ceiling, as "-ға жетпеді" is.
    ("30 пайызға да жетпеді", "Былтыр жауын-шашын нормасы 30 пайызға да жетпеді.", percent(None, upper=30)),
    ("15 пайызға да жетпейді", "Ауыл шаруашылығы өнімінің экспорттағы үлесі 15 пайызға да жетпейді.",
     percent(None, upper=15)),
    ("5 млн теңгеге де жетпеді", "Жобаның қаржысы 5 млн теңгеге де жетпеді.", money(None, "KZT", upper=5e6)),
    # Guard: without the particle it is the same ceiling.
    ("40 пайызға жетпеді", "Қатысушылардың үлесі 40 пайызға жетпеді.", percent(None, upper=40)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), A_CEILING_VERB_AFTER_EVEN,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(A_CEILING_VERB_AFTER_EVEN)])
def test_a_ceiling_verb_after_the_particle_even_stays_a_ceiling(selection: str, context: str,
                                                                 expected: TypedValue) -> None:
    same(suggest(selection, published="2026-10-02", context=context).value, expected)


A_NOUN_MADE_A_HAVING_ADJECTIVE = [
    # "бес деңгейлі курс" (a five-level course), "24 сериялы фильм" (a 24-episode film): the number counts the noun
    # inside the adjective in "-лы/-лі", as "300 орындық мектеп" counts places.
    ("бес деңгейлі", "Орталық бес деңгейлі тіл курсын ұсынады.", count(5, "деңгей")),
    ("24 сериялы", "Студия 24 сериялы тарихи драма түсіреді.", count(24, "серия")),
    ("төрт деңгейлі", "Төрт деңгейлі бағалау жүйесі енгізілді.", count(4, "деңгей")),
    # Guard: an adjective in "-лы" of no counted noun stays an adjective of the noun after it.
    ("12 жылжымалы қазандықты", "Ауданға 12 жылжымалы қазандықты жеткізді.", count(12, "қазандық")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), A_NOUN_MADE_A_HAVING_ADJECTIVE,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(A_NOUN_MADE_A_HAVING_ADJECTIVE)])
def test_a_number_before_a_having_adjective_counts_its_noun(selection: str, context: str,
                                                            expected: TypedValue) -> None:
    same(suggest(selection, published="2026-10-02", context=context).value, expected)


A_LOANWORD_IN_IST_WITH_ITS_POSSESSIVE = [
    # "журналисі", "экономисі": a loanword in "-ист" drops its "т" before the possessive "-і"; the counted noun is
    # the dictionary word.
    ("алты журналисі", "Газеттің алты журналисі Берлинде тағылымдамадан өтті.", count(6, "журналист")),
    ("14 экономисі", "Банктің 14 экономисі жаңа болжам жасады.", count(14, "экономист")),
    ("үш специалисінің", "Зертхананың үш специалисінің еңбегі аталды.", count(3, "специалист")),
    # Guard: with the "т" (plural, or in a case) the word keeps it.
    ("9 журналист", "Сапарға 9 журналист қатысты.", count(9, "журналист")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), A_LOANWORD_IN_IST_WITH_ITS_POSSESSIVE,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(A_LOANWORD_IN_IST_WITH_ITS_POSSESSIVE)])
def test_a_loanword_in_ist_drops_its_t_before_the_possessive(selection: str, context: str,
                                                              expected: TypedValue) -> None:
    same(suggest(selection, published="2026-10-02", context=context).value, expected)


AN_ADJECTIVE_BEFORE_A_NOUN_IN_THE_ACCUSATIVE = [
    # "7 еуропалық сериалды" highlighted in the middle of its sentence: the noun in the accusative "-ды/-ді" reads as a
    # verb closing a clause ("2,5 мың қазақстандық аттанды."), but a highlight's end is no clause's end; only the
    # punctuation after it makes the word before the verb the noun.
    ("7 шетелдік фильмді", "Фестиваль 7 шетелдік фильмді көрермендерге ұсынады.", count(7, "фильм")),
    ("15 неміс журналды", "Кітапхана 15 неміс журналды жазылып алды.", count(15, "журнал")),
    ("40 аудандық ауруханаға", "Министрлік 40 аудандық ауруханаға жабдық жеткізді.", count(40, "аурухана")),
    # Guard: before the punctuation the word in "-лық" is the noun itself.
    ("3 мың қазақстандық", "Жарысқа 3 мың қазақстандық келді.", count(3e3, "қазақстандық")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), AN_ADJECTIVE_BEFORE_A_NOUN_IN_THE_ACCUSATIVE,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(AN_ADJECTIVE_BEFORE_A_NOUN_IN_THE_ACCUSATIVE)])
def test_a_highlight_ending_on_an_accusative_is_no_clause_ending_on_a_verb(selection: str, context: str,
                                                                          expected: TypedValue) -> None:
    same(suggest(selection, published="2026-10-02", context=context).value, expected)


A_WORD_IN_LYQ_RIGHT_BEFORE_A_VERB = [
    # A word in "-лық/-лік" right before a verb ends its noun phrase, so it is the noun, not an adjective of the next
    # word: "жұмыс істеу" (to work, to operate) is one verb ("12 орталық жұмыс істейді", 12 centres operate), and a
    # converb in "-ып/-іп" is no noun ("сауда-саттық жарияланып", auctions announced).
    ("12", "Облыста 12 орталық жұмыс істейді.", count(12, "орталық")),
    ("9 орталық", "Жазда 9 орталық жұмыс істеп тұрды.", count(9, "орталық")),
    ("60 сауда-саттық", "Биыл 60 сауда-саттық өткізіліп, оның көбі сәтті аяқталды.", count(60, "сауда-саттық")),
    ("15 ойын-сауық", "Мерекеде 15 ойын-сауық ұйымдастырылып, қала думандады.", count(15, "ойын-сауық")),
    # Guards: an adjective before a noun stays an adjective; a noun before "жұмыс" in its own sense stays counted.
    ("8 шетелдік маман", "Зауытта 8 шетелдік маман жұмыс істейді.", count(8, "маман")),
    ("30 аудандық ауруханада", "Жаңа жүйе 30 аудандық ауруханада жұмыс істейді.", count(30, "аурухана")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), A_WORD_IN_LYQ_RIGHT_BEFORE_A_VERB,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(A_WORD_IN_LYQ_RIGHT_BEFORE_A_VERB)])
def test_a_word_in_lyq_right_before_a_verb_is_the_noun(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-10-02", context=context).value, expected)


AN_AGE_REACHED = [
    # "N жасқа толған" (having reached the age of N) qualifying who may do a thing is that age and over, a lower bound,
    # as "с 18 лет" and "15 лет и старше" are; "толғанда" (on turning N) is the moment, no bound.
    ("16 жасқа толған", "Жүргізуші куәлігін 16 жасқа толған жасөспірім ала алмайды.", quantity(16, "жас", lower=16)),
    ("21 жасқа толғандар", "Конкурсқа 21 жасқа толғандар қатыса алады.", quantity(21, "жас", lower=21)),
    # Guard: on turning it, no bound.
    ("7 жасқа", "Бала 7 жасқа толғанда мектепке барады.", quantity(7, "жас")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), AN_AGE_REACHED,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(AN_AGE_REACHED)])
def test_an_age_reached_is_a_lower_bound(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-10-02", context=context).value, expected)


FIXED_TERMS_OF_FORMAT_AND_GENRE = [
    # A documentary ("деректі фильм"), a Sunday school ("жексенбілік мектеп"), a panel session ("панельдік сессия") are
    # terms of their own, as "joint ventures" and "қонақ үй" are: the qualifier stays, in its base form.
    ("5 деректі фильмді", "Студия биыл 5 деректі фильмді прокатқа шығарды.", count(5, "деректі фильм")),
    ("3 жексенбілік мектеп", "Диаспора Берлинде 3 жексенбілік мектеп ашты.", count(3, "жексенбілік мектеп")),
    ("12 панельдік сессияда", "Конференцияның 12 панельдік сессияда баяндамалар тыңдалды.",
     count(12, "панельдік сессия")),
    # Guards: a descriptive adjective is still dropped.
    ("4 жаңа фильм", "Фестивальге 4 жаңа фильм ұсынылды.", count(4, "фильм")),
    ("7 шағын мектеп", "Ауданда 7 шағын мектеп бар.", count(7, "мектеп")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), FIXED_TERMS_OF_FORMAT_AND_GENRE,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(FIXED_TERMS_OF_FORMAT_AND_GENRE)])
def test_a_fixed_term_of_format_or_genre_keeps_its_qualifier(selection: str, context: str,
                                                              expected: TypedValue) -> None:
    same(suggest(selection, published="2026-10-02", context=context).value, expected)


AN_ABBREVIATION_JOINED_TO_A_NOUN = [
    # "GPS-трекер", "SIM-карта": an abbreviation joined by a hyphen to a noun makes one noun, counted whole (its case
    # endings taken off), as "POS-терминал" is; an abbreviation with a case ending alone ("ҮЕҰ-ға") stays as it was.
    ("1 200 GPS-трекер", "Малшыларға 1 200 GPS-трекер таратылды.", count(1200, "GPS-трекер")),
    ("350 мың SIM-карта", "Операторлар биыл 350 мың SIM-карта сатты.", count(350e3, "SIM-карта")),
    ("40 USB-кабельді", "Мектепке 40 USB-кабельді жеткізді.", count(40, "USB-кабель")),
    # Guard: a case ending after the abbreviation is no noun.
    ("18 ҮЕҰ-ға", "Биыл 18 ҮЕҰ-ға грант берілді.", count(18, "ҮЕҰ")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), AN_ABBREVIATION_JOINED_TO_A_NOUN,
                         ids=[case[0] + "-" + str(i) for i, case in enumerate(AN_ABBREVIATION_JOINED_TO_A_NOUN)])
def test_an_abbreviation_joined_to_a_noun_is_one_noun(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-10-02", context=context).value, expected)
