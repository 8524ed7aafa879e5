"""Counts, a third treatment (docs/VALUE_SUGGESTIONS.md, "Counts, a third treatment"): which noun a figure or a
number word counts and how much of the noun phrase is kept, read from the grammar of the phrase and the sentence
(agreement, a relative clause, a list's shared noun, a heading before a colon, an ordinal highlighted alone) rather
than from the words. Each case is a sentence written for this module (none is a labelled set's), and each failed
before the rule it tests unless it is marked as a guard."""

from __future__ import annotations

import pytest
from test_value_words import count, same

from kzeu_desk.core.typed_value import TypedValue, ValueKind
from kzeu_desk.core.value_parsing import suggest


def _check(selection: str, context: str, before: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-01", context=context, before=before).value, expected)


# (highlight, its sentence, the sentence before it, the curator's value)
RUSSIAN_AGREEMENT = [
    # A noun made of an adjective (a workshop, "мастерская"; a boiler house, "котельная"), right after the figure
    # and followed by a relative clause or a comma, is the noun counted.
    ("240", "Из 240 котельных, которые планировалось перевести на газ, переведены 180.", "", count(240, "котельных")),
    ("140 бездомных", "Зимой приют принял 140 бездомных, из них 30 – женщины.", "", count(140, "бездомных")),
    # A bare figure after it counts it too (the nearest count before it in its sentence).
    ("180", "Из 240 котельных, которые планировалось перевести на газ, переведены 180.", "", count(180, "котельных")),
    # A figure that takes the genitive plural (0, 5-9, 11-14) does not count a noun in "-ы/-и" after it: the noun is
    # another part of the clause, and the figure counts what the sentence before counted.
    ("12", "По 12 работы не начаты, а шесть так и не согласованы.",
     "Из 40 объектов, включенных в план, завершены 22.", count(12, "объектов")),
    # An adverb is no noun: "шесть так и не согласованы" counts the sentence before's noun.
    ("шесть", "По 12 работы не начаты, а шесть так и не согласованы.",
     "Из 40 объектов, включенных в план, завершены 22.", count(6, "объектов")),
    # (Guards: the instrumental plural follows any figure; 2-4 take "-ы/-и" as their own noun.)
    ("27", "Соглашение подписано с 27 странами ЕС.", "", count(27, "странами")),
    ("3 поставки", "В декабре ожидаются 3 поставки оборудования.", "", count(3, "поставки")),
]


@pytest.mark.parametrize(("selection", "context", "before", "expected"), RUSSIAN_AGREEMENT,
                         ids=[f"{case[0]}-{index}" for index, case in enumerate(RUSSIAN_AGREEMENT)])
def test_russian_agreement_and_nouns_made_of_adjectives(selection: str, context: str, before: str,
                                                       expected: TypedValue) -> None:
    _check(selection, context, before, expected)


WHOLES_AND_LISTS = [
    # Names with bare figures listed after a colon count the noun of the list's first figure, itself the part of a
    # whole opening the sentence; two names may share one figure ("four each").
    ("nine", "Of the 52 shipments booked in March, 40 went by rail: Poland 14, the Czech Republic nine, "
             "Austria and Hungary five each.", "", count(9, "shipments")),
    ("five", "Of the 52 shipments booked in March, 40 went by rail: Poland 14, the Czech Republic nine, "
             "Austria and Hungary five each.", "", count(5, "shipments")),
    ("семь", "Из 60 поставок 45 отправлены в ЕС: Германия 20, Польша семь, Чехия и Словакия по пять.", "",
     count(7, "поставок")),
    # The first figure after a whole that opens its sentence counts the whole's noun, whatever words follow it.
    ("38", "Of the 45 paintings shown, 38 attracted bids.", "", count(38, "paintings")),
    ("18", "Из 25 заявок, поданных в срок, 18 прошли отбор.", "", count(18, "заявок")),
    # "Of those" opening a sentence: its figures count the sentence before's noun, after a share too.
    ("412", "Of those, 6% were over 80 and 412 needed a second visit.",
     "The clinic screened 7,900 patients last year.", count(412, "patients")),
    ("37", "Из них 12% – дети, а 37 нуждаются в повторном осмотре.",
     "За год в клинике обследовали 1 250 пациентов.", count(37, "пациентов")),
    ("64", "Олардың 15%-ы – балалар, ал 64-і екінші рет тексерілді.",
     "Былтыр емханада 900 науқас тексерілді.", count(64, "науқас")),
    # The things counted named as the clause's heading, before a colon (or a dash after a word or two), its figures
    # after it; a figure written with its thousands apart is no year.
    ("14", "Water user associations set up in the district: 14, against 20 planned.", "",
     count(14, "water user associations")),
    ("20", "Water user associations set up in the district: 14, against 20 planned.", "",
     count(20, "water user associations")),
    ("2,000", "Teachers trained in the new curriculum: 1,650 (target 2,000), most of them in rural schools.", "",
     count(2000, "teachers")),
    # (A guard: a dash after one word, as the old reading of the clause's opening noun had it.)
    ("120", "Участников – 120, вход свободный.", "В прошлом году конференцию посетили 90 гостей.", count(120, "участников")),
    # (Guards: a speaker's name and a verb opening minutes are no heading.)
    ("12", "Голосовали: за – 12, против – нет.", "", TypedValue(kind=ValueKind.QUANTITY, amount=12.0)),
    # A month after a figure in the sentence before is a date, no noun a bare figure counts.
    ("25", "Мест – 25, участие бесплатное.", "Курсы пройдут с 3 по 7 марта в Актобе.", count(25, "мест")),
]


@pytest.mark.parametrize(("selection", "context", "before", "expected"), WHOLES_AND_LISTS,
                         ids=[f"{case[0]}-{index}" for index, case in enumerate(WHOLES_AND_LISTS)])
def test_wholes_lists_and_headings(selection: str, context: str, before: str, expected: TypedValue) -> None:
    _check(selection, context, before, expected)


ORDINALS_HIGHLIGHTED_ALONE = [
    # An ordinal highlighted alone numbers the noun after it, series noun or not, adjectives and participles between,
    # "first" too; the member of a series the conventions record (`count 5 round`).
    ("fourth", "A fourth auction of the collection is set for March.", "", count(4, "auction")),
    ("first", "The first upgraded turbine went back into service in June.", "", count(1, "turbine")),
    ("Четвертый", "Четвертый модуль слушатели проходят в Берлине.", "", count(4, "модуль")),
    ("бесінші ауыл", "Біздің аудан бойынша бұл жобаға қосылған бесінші ауыл.", "", count(5, "ауыл")),
    # "the Nth of M things": the whole's noun, in the singular.
    ("third", "This is the third of five loans under the facility.", "", count(3, "loan")),
    # With no noun after it: the noun of the ordinal before it in its sentence, or of a smaller count before it.
    ("second", "The first new boiler was installed in April; the second followed in August.", "", count(2, "boiler")),
    ("sixth", "Five mobile clinics now tour the district; a sixth is due next spring.", "", count(6, "clinic")),
    ("жетінші", "Біздің мектеп – жетінші болып тізімге енді.", "", count(7, "мектеп")),
    # (Guards: an ordinal that ranks or places, or names a period, counts nothing.)
    ("second", "Exports grew for the second year in a row.", "", TypedValue(kind=ValueKind.TEXT, text="second")),
    ("third", "The team finished third in the league.", "", TypedValue(kind=ValueKind.TEXT, text="third")),
    ("второе", "Команда заняла второе место.", "", TypedValue(kind=ValueKind.TEXT, text="второе")),
    ("бірінші", "Команда бірінші орын алды.", "", TypedValue(kind=ValueKind.TEXT, text="бірінші")),
    ("втором", "Выпуск вырос во втором полугодии.", "", TypedValue(kind=ValueKind.TEXT, text="втором")),
    ("third", "The city was founded in the third century.", "", TypedValue(kind=ValueKind.TEXT, text="third")),
    ("екінші", "Бұл ғимарат екінші ғасырда салынған.", "", TypedValue(kind=ValueKind.TEXT, text="екінші")),
]


@pytest.mark.parametrize(("selection", "context", "before", "expected"), ORDINALS_HIGHLIGHTED_ALONE,
                         ids=[f"{case[0]}-{index}" for index, case in enumerate(ORDINALS_HIGHLIGHTED_ALONE)])
def test_an_ordinal_highlighted_alone(selection: str, context: str, before: str, expected: TypedValue) -> None:
    _check(selection, context, before, expected)


KAZAKH_NOUN_PHRASES = [
    # "бас" (head) between a figure and a bare noun is the classifier of a head count: the noun after it is counted.
    ("15 бас сиыр", "Фермер өз қорасынан 15 бас сиыр сатты.", "", count(15, "сиыр")),
    # The habitual participle closing its clause is its verb, no part of the noun phrase.
    ("үш рет", "Бұрын дәрігер ауылға аптасына үш рет келетін.", "", count(3, "рет")),
    # A possessive figure right after a genitive counts that noun, whatever month follows it.
    ("12-сі", "Қатысушылардың 12-сі наурыздың соңында Берлинге барады.", "", count(12, "қатысушы")),
    # A noun in "-ды/-ті" before a measure is in the accusative, no adjective of "having".
    ("40 ауылды", "Бағдарлама 40 ауылды жыл бойы таза сумен қамтамасыз етеді.", "", count(40, "ауыл")),
    # A word in "-ғы/-гі" right after the figure and before the verb closing the clause is the noun.
    ("14 құрылғы", "Зертханаға 14 құрылғы жеткізілді, олардың бесеуі Германиядан.", "", count(14, "құрылғы")),
    # An unknown word of five letters keeps its last syllable: no stem of three letters is cut unless known.
    ("60 түтін", "Ауылда бүгінде 60 түтін қалды.", "", count(60, "түтін")),
    # A loanword's possessive after a verbal noun that qualifies it, its "е" with the back endings.
    ("12 нан пісіру цехы", "Қалада 12 нан пісіру цехы жұмыс істейді.", "", count(12, "нан пісіру цех")),
    # (A guard: inside a clause "-етін" is as often a possessive in the accusative.)
    ("төрт кеден бекетін", "Үкімет төрт кеден бекетін жөндеуге қаржы бөлді.", "", count(4, "кеден бекет")),
]


@pytest.mark.parametrize(("selection", "context", "before", "expected"), KAZAKH_NOUN_PHRASES,
                         ids=[f"{case[0]}-{index}" for index, case in enumerate(KAZAKH_NOUN_PHRASES)])
def test_kazakh_noun_phrase_of_a_count(selection: str, context: str, before: str, expected: TypedValue) -> None:
    _check(selection, context, before, expected)


COMPARED_AND_SERIES = [
    # A figure after ", or (about)" restates the one before it in another unit: a figure set against them is
    # compared with the one restated.
    ("31", "The port will handle 35 ships in January, or about 2.1 million tonnes, against 31 in December.", "",
     count(31, "ships")),
    ("28", "Порт примет 32 судна в январе, или около 2,1 млн тонн, против 28 в декабре.", "", count(28, "судна")),
    # An English number word highlighted alone counts the noun right after it, as a figure in digits does.
    ("nine", "Three of the museum's nine galleries are closed for repairs.", "", count(9, "galleries")),
    # (A guard: after "the" a number word names things already named: "the two sides".)
    ("two", "Talks between the two sides resumed in Geneva.", "", TypedValue(kind=ValueKind.QUANTITY, amount=2.0)),
    # With no figure in its sentence nor the one before, a bare number counts the series the ordinals before named.
    ("three", "The other three will follow next year.",
     "The first restored carriage left the workshop in March; the second is being painted.",
     count(3, "carriages")),
]


@pytest.mark.parametrize(("selection", "context", "before", "expected"), COMPARED_AND_SERIES,
                         ids=[f"{case[0]}-{index}" for index, case in enumerate(COMPARED_AND_SERIES)])
def test_compared_figures_and_series(selection: str, context: str, before: str, expected: TypedValue) -> None:
    _check(selection, context, before, expected)


ENGLISH_CLASSIFIERS = [
    # A word in "-ing" between a qualifier and the head names the kind of thing counted (English only: Russian and
    # Kazakh name it by a genitive or a verbal noun, read above).
    ("12", "The utility installed 12 automated metering cabinets last year.", "", count(12, "metering cabinets")),
    # (A guard: after a superlative it describes.)
    ("3 oldest operating boilers", "The operator will retire its 3 oldest operating boilers.", "",
     count(3, "boilers")),
]


@pytest.mark.parametrize(("selection", "context", "before", "expected"), ENGLISH_CLASSIFIERS,
                         ids=[f"{case[0]}-{index}" for index, case in enumerate(ENGLISH_CLASSIFIERS)])
def test_english_classifier_before_the_head(selection: str, context: str, before: str, expected: TypedValue) -> None:
    _check(selection, context, before, expected)


TERMS_AND_SCALED_FIGURES = [
    # Metering devices are a fixed term, as "мест размещения" is: the genitive stays in the unit.
    ("12 тыс. приборов учета", "В этом году установят 12 тыс. новых приборов учета газа.", "",
     count(12000, "приборов учета")),
    # A scaled figure with no unit is as bare as the figure after it: both count the sentence before's noun.
    ("около 90 тыс.", "В Костанае насчитали 1,2 млн, в Актобе – около 90 тыс.",
     "Всего в регионе живут около 3,1 млн жителей.", count(90000, "жителей", approximate=True)),
    ("about 90,000", "The census counted 1.2 million in the towns and about 90,000 in the steppe villages.",
     "The region has some 3.1 million residents.", count(90000, "residents", approximate=True)),
    # A compound keeps the irregular plural of its last word.
    ("five", "She leaves two sons and five stepchildren.", "", count(5, "stepchildren")),
]


@pytest.mark.parametrize(("selection", "context", "before", "expected"), TERMS_AND_SCALED_FIGURES,
                         ids=[f"{case[0]}-{index}" for index, case in enumerate(TERMS_AND_SCALED_FIGURES)])
def test_fixed_terms_scaled_figures_and_compound_plurals(selection: str, context: str, before: str,
                                                         expected: TypedValue) -> None:
    _check(selection, context, before, expected)


def test_a_genitive_subject_after_an_answers_source() -> None:
    # An answer's dash and its source ("По данным …,") may open the clause before the genitive plural it counts, which
    # the question's noun does not override.
    _check("около 3 тыс.", "– По данным ассоциации, иностранных студентов в городе около 3 тыс.",
           "– Сколько иностранцев учится в Караганде?", count(3000, "студентов", approximate=True))


THEIR_NUMBER = [
    # "Their number" before a figure is the number the sentence before named, whatever it counted last.
    ("52", "Қазір олардың саны – 52.", "Министрлік экспорттаушы кооперативтер санын 2030 жылға қарай үш есеге арттыруды "
                                      "көздейді.", count(52, "кооператив")),
    ("52", "Сейчас их число – 52.", "Министерство планирует к 2030 году втрое увеличить число экспортеров.",
     count(52, "экспортеров")),
    ("52", "Their number is now 52.", "By 2030 the ministry wants to triple the number of exporters.",
     count(52, "exporters")),
]


@pytest.mark.parametrize(("selection", "context", "before", "expected"), THEIR_NUMBER,
                         ids=[f"{case[0]}-{index}" for index, case in enumerate(THEIR_NUMBER)])
def test_their_number_is_the_number_named_before(selection: str, context: str, before: str,
                                                 expected: TypedValue) -> None:
    _check(selection, context, before, expected)


def test_a_kazakh_pair_noun_is_no_adjective() -> None:
    # "қой-ешкі" (sheep and goats) ends as "сыртқы" does, but a pair noun is an adjective only as its last word is one.
    _check("350", "Шаруашылықта 120 жылқы, 350 қой-ешкі және 40 түйе бар.", "", count(350, "қой-ешкі"))
