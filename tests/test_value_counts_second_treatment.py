"""Counts, a second treatment (docs/VALUE_SUGGESTIONS.md, "Counts, a second treatment"): how much of a noun phrase
a count keeps and which noun a bare figure counts, by rules over the phrase's shape rather than its words. Each
case is a sentence written for this module (none is a labelled set's), and each failed before the rule it tests."""

from __future__ import annotations

import pytest
from test_value_words import count, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the sentence before it, the curator's value)
KAZAKH_NOUN_PHRASES = [
    # A verb ends the phrase: a past or passive verb in "-лды/-рді/-сты" is no possessive after a consonant, even
    # after a verbal noun in "-у".
    ("31", "Заң жобасына 31 өзгерту енгізілді, олардың бірі салықтарға қатысты.", "", count(31, "өзгерту")),
    ("8", "Сарапшылардың ұсынысымен 8 түзету жасалды, бірақ мерзім өзгермеді.", "", count(8, "түзету")),
    # A bare noun before a noun with the possessive "-ы/-і" after a consonant, a case after it or not, is one
    # compound in its base form.
    ("он бес кеден бекеті", "Шекарада он бес кеден бекеті жұмыс істейді.", "", count(15, "кеден бекет")),
    ("алты тексеру бекетін", "Министрлік алты тексеру бекетін жаңартуды жоспарлап отыр.", "",
     count(6, "тексеру бекет")),
    # A noun in apposition before a noun commonly counted: the kind of company or organisation.
    ("8 сақтандыру компания", "Нарықта 8 сақтандыру компания жұмыс істейді.", "", count(8, "сақтандыру компания")),
    ("11 тасымалдаушы компания", "Бағытқа 11 тасымалдаушы компания өтінім берді.", "",
     count(11, "тасымалдаушы компания")),
    # (A guard, right before too:) a noun commonly counted keeps the word after it out, which starts the next part
    # of the clause.
    ("40 компания", "Көрмеде 40 компания өнімін таныстырды.", "", count(40, "компания")),
    ("22 команда", "Жарысқа 22 команда өз жобасымен келді.", "", count(22, "команда")),
    # Evaluative adjectives are dropped, as "жаңа" and "ірі" are.
    ("5 үздік команда", "Финалға 5 үздік команда шықты.", "", count(5, "команда")),
]


@pytest.mark.parametrize(("selection", "context", "before", "expected"), KAZAKH_NOUN_PHRASES,
                         ids=[case[0] for case in KAZAKH_NOUN_PHRASES])
def test_kazakh_noun_phrase_of_a_count(selection: str, context: str, before: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-01", context=context, before=before).value, expected)


BARE_FIGURES = [
    # A figure highlighted without the noun right after it in its sentence counts that noun.
    ("14", "Inspectors visited 9 of the province's 14 districts in October.", "", count(14, "districts")),
    # The nearest count before it in its sentence, when its own words name no noun.
    ("2,310", "Of the 5,900, 2,310 have French owners.",
     "The number of registered firms with EU capital rose to 5,900 in June.", count(2310, "firms")),
    # Then the last count of the sentence before.
    ("The last two", "The last two, due in 2028, will go to the north.",
     "This is the third of five tenders for the pipeline.", count(2, "tenders")),
    ("2 450", "В декабре поток снизился до 1 800, в январе – до 2 450.",
     "За ноябрь через переходы прошли более 96 тыс. грузовиков.", count(2450, "грузовиков")),
    ("он бесі", "Бұлардың он бесі – неміс инженерлері.", "Зауытта 120-дан астам маман жұмыс істейді.",
     count(15, "маман")),
    # The subject named before the figure that closes its clause: "…, которых было N", a Kazakh plural before it.
    ("около 400", "Волонтеры, которых было около 400, работали в три смены.", "",
     count(400, "волонтеры", approximate=True)),
    ("жиырма шақты", "Өңірде экспортпен айналысатын фермерлер жиырма шақты ғана.", "",
     count(20, "фермер", approximate=True)),
]


@pytest.mark.parametrize(("selection", "context", "before", "expected"), BARE_FIGURES,
                         ids=[case[0] for case in BARE_FIGURES])
def test_the_noun_a_bare_figure_counts(selection: str, context: str, before: str, expected: TypedValue) -> None:
    same(suggest(selection, published="2026-12-01", context=context, before=before).value, expected)
