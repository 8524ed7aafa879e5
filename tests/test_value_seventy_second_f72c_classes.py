"""The classes of the Kazakh misses of sets 72 and 73 at their first score, each tested on other sentences than the
sets': what Ctrl+N suggests for a highlight read with its sentence. Other words, other numbers, other genres."""

from __future__ import annotations

import pytest
from test_value_words import count, date, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
KAZAKH_MINUS_WITH_A_BOUND_AFTER = [
    # "минус 25 градустан төмен" (below minus 25 degrees): the word "минус" is the figure's sign whatever bound the
    # postposition after the unit sets, as "минус 25 градус" alone is -25.
    ("минус 25 градустан төмен", "Түнде ауа температурасы минус 25 градустан төмен түседі.",
     quantity(None, "градус", upper=-25)),
    ("минус 12 градусқа дейін", "Аптаның соңында аяз минус 12 градусқа дейін күшейеді.",
     quantity(None, "градус", upper=-12)),
    # Guard: with no sign the bound stays on the figure as written.
    ("35 градустан жоғары", "Шілдеде аптап 35 градустан жоғары болды.", quantity(35, "градус", lower=35)),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_MINUS_WITH_A_BOUND_AFTER,
                         ids=[case[1] for case in KAZAKH_MINUS_WITH_A_BOUND_AFTER])
def test_kazakh_minus_with_a_bound_after(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-01-15", context=context).value, expected)


KAZAKH_REPORTED_PAST = [
    # "… грант бергенін хабарлайды" (reports that it gave grants): the past participle with its possessive and
    # accusative ("-ғанын/-генін") is what happened, the present verb of saying after it only when it is told; a
    # month named without a year is the one before the publication.
    ("қаңтар айында", "Кәсіпкерлік басқармасы қаңтар айында 52 кәсіпкерге грант бергенін хабарлайды.", date("2026-01")),
    ("желтоқсанда", "Әкімдік желтоқсанда 40 отбасына пәтер кілтін табыстағанын мәлімдейді.", date("2025-12")),
    # Guard: a present-future verb alone still announces ("ашылады": opens).
    ("сәуірде", "Қалада жаңа балабақша сәуірде ашылады.", date("2026-04")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_REPORTED_PAST,
                         ids=[case[1] for case in KAZAKH_REPORTED_PAST])
def test_kazakh_reported_past(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-02-20", context=context).value, expected)


KAZAKH_PROMISED_TO = [
    # "… бітіруге уәде берді" (promised to finish): a promise or an undertaking points ahead even in a past sentence,
    # as intent does ("мақсат етіп қойды"); a month named without a year is the next one.
    ("тамыздың басында", "Мердігер көпірді тамыздың басында бітіруге уәде берді.", date("2026-08")),
    ("қыркүйектің соңында", "Компания жаңа цехты қыркүйектің соңында іске қосуға міндеттенді.", date("2026-09")),
    # Guard: done, not promised, it is the month before.
    ("мамырдың басында", "Мердігер көпірді мамырдың басында бітірді.", date("2026-05")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_PROMISED_TO,
                         ids=[case[1] for case in KAZAKH_PROMISED_TO])
def test_kazakh_promised_to(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-06-26", context=context).value, expected)


KAZAKH_TERMS_OF_PLANT_PERMITS_AND_SCANNERS = [
    # An environmental permit, a process unit and a CT scanner are kinds a report counts by their qualifier: the
    # qualifier stays in the unit, as "базалық станция" and "визалық орталық" keep theirs.
    ("27", "Департамент былтыр кәсіпорындарға 27 экологиялық рұқсат берді.", count(27, "экологиялық рұқсат")),
    ("үш", "Аудандық ауруханаға үш компьютерлік томограф әкелінді.", count(3, "компьютерлік томограф")),
    ("24 технологиялық қондырғының 7-і", "Жоспарлы жөндеу кезінде 24 технологиялық қондырғының 7-і тоқтатылады.",
     count(7, "технологиялық қондырғы")),
    # Guard: another "-лық" qualifier is still dropped ("халықаралық", international).
    ("14", "Қалада 14 халықаралық фестиваль өтті.", count(14, "фестиваль")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_TERMS_OF_PLANT_PERMITS_AND_SCANNERS,
                         ids=[case[1] for case in KAZAKH_TERMS_OF_PLANT_PERMITS_AND_SCANNERS])
def test_kazakh_terms_of_plant_permits_and_scanners(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-10", context=context).value, expected)


KAZAKH_REPORTED_PARTICIPLE_ENDS_THE_NOUN = [
    # "… 18 шағым қабылдағанын хабарлады" (reported that it took 18 complaints): the past participle with its possessive
    # and accusative is the reported clause's verb, not a noun compounded with the one before it.
    ("18", "Сот 18 шағым қабылдағанын хабарлады.", count(18, "шағым")),
    ("31", "Комиссия 31 экологиялық рұқсат бергенін мәлімдеді.", count(31, "экологиялық рұқсат")),
    # Guard: nouns in "-ған/-ген" with a possessive stay nouns ("құқық қорғау органы", a law-enforcement body).
    ("4", "Ауданда 4 құқық қорғау органы жұмыс істейді.", count(4, "құқық қорғау орган")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_REPORTED_PARTICIPLE_ENDS_THE_NOUN,
                         ids=[case[1] for case in KAZAKH_REPORTED_PARTICIPLE_ENDS_THE_NOUN])
def test_kazakh_reported_participle_ends_the_noun(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-10", context=context).value, expected)


KAZAKH_PLURAL_OF_A_VERBAL_NOUN = [
    # "тексерулер саны 31" (the number of inspections): a verbal noun's final "-у" takes the vowel class of the
    # syllable before it, so "-лер" after "тексеру" is its plural, cut as "-лар" after "оқу" is.
    ("31", "Былтыр тексерулер саны 31 болған.", count(31, "тексеру")),
    ("9-ға", "Биыл жөндеулер саны 9-ға жетті.", count(9, "жөндеу")),
    # Guard: a loanword's own "-ер" after a back vowel is still no plural ("компьютер").
    ("40", "Мектептегі компьютерлер саны 40 болды.", count(40, "компьютер")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_PLURAL_OF_A_VERBAL_NOUN,
                         ids=[case[1] for case in KAZAKH_PLURAL_OF_A_VERBAL_NOUN])
def test_kazakh_plural_of_a_verbal_noun(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-03-10", context=context).value, expected)


KAZAKH_POSSESSIVE_AFTER_A_STEM_IN_U = [
    # "еңбек дауы" (a labour dispute): after a stem in a vowel and "у" the compound's possessive is "-ы/-і", as after
    # a consonant, and the stem keeps its "у" ("дау"); a part of it counts the same noun.
    ("8 еңбек дауы", "Биыл 8 еңбек дауы сотқа жетті.", count(8, "еңбек дау")),
    ("үшеуі", "Өңірде 11 еңбек дауы тіркелді, оның үшеуі ереуілге ұласты.", count(3, "еңбек дау")),
    # Guard: a possessive after a consonant is still cut as before ("бақылау бекеті").
    ("12", "Облыста 12 бақылау бекеті жұмыс істейді.", count(12, "бақылау бекет")),
]


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_POSSESSIVE_AFTER_A_STEM_IN_U,
                         ids=[case[1] for case in KAZAKH_POSSESSIVE_AFTER_A_STEM_IN_U])
def test_kazakh_possessive_after_a_stem_in_u(selection: str, context: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-10-22", context=context).value, expected)
