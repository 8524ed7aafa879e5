"""Scores in points are quantities (issue #17): a figure with a points or score noun is measured on a scale, in all
three languages, with the bounds any quantity takes; places named "points" stay things counted. Each case is a
sentence of its own, not one of the labelled sets': what Ctrl+N suggests for a highlight read with its sentence."""

from __future__ import annotations

import pytest
from test_value_words import count, quantity, same

from kzeu_desk.core.typed_value import TypedValue
from kzeu_desk.core.value_parsing import suggest

# (highlight, its sentence, the curator's value)
ENGLISH_SCORES = [
    # Points a side has, wins or is level on are its score in a table, measured as an index's points are.
    ("nine points", "Astana have nine points from four games and lead the group.", quantity(9, "points")),
    ("11 points", "The Kostanay club won 11 points in its last five away games.", quantity(11, "points")),
    ("12 points", "Tobol are level on 12 points with Ordabasy.", quantity(12, "points")),
    ("42 pts", "The reserve team sit third on 42 pts after 20 rounds.", quantity(42, "pts")),
    # A test's threshold, with its bound.
    ("at least 65 points", "Applicants need at least 65 points on the written test to be invited to an interview.",
     quantity(65, "points", lower=65)),
    ("more than 80 points", "Half of the pupils scored more than 80 points in the mock exam.",
     quantity(80, "points", lower=80)),
    # Guards: an index's points were a measure before and stay one.
    ("52 points", "The index stood at 52 points in March.", quantity(52, "points")),
    ("seven points", "The index rose seven points in a week.", quantity(7, "points")),
]

RUSSIAN_SCORES = [
    ("семь очков", "После шестого тура «Кайрат» набрал семь очков и идет третьим.", quantity(7, "очков")),
    ("11 очков", "Команда отстает от лидера на 11 очков.", quantity(11, "очков")),
    ("1 очко", "За ничью команда получает 1 очко.", quantity(1, "очко")),
    ("двух очков", "Сборной не хватило двух очков до выхода в финал.", quantity(2, "очков")),
    ("не менее 70 баллов", "Для зачисления нужно набрать не менее 70 баллов по профильному предмету.",
     quantity(70, "баллов", lower=70)),
    ("85 баллов", "Средний результат выпускников составил 85 баллов.", quantity(85, "баллов")),
    # Guard: a decimal score was a measure already.
    ("4,5 балла", "Рейтинг отеля — 4,5 балла из пяти.", quantity(4.5, "балла")),
]

KAZAKH_SCORES = [
    # "ұпай" in any case ending is the unit, without the ending, as "балл" is.
    ("85 ұпай", "Ол емтиханнан 85 ұпай жинады.", quantity(85, "ұпай")),
    ("сегіз ұпай", "Команда алты ойында сегіз ұпай жинады.", quantity(8, "ұпай")),
    ("72 ұпаймен", "Команда 72 ұпаймен екінші орын алды.", quantity(72, "ұпай")),
    ("15 ұпайға", "Оның нәтижесі өткен жылғыдан 15 ұпайға жоғары.", quantity(15, "ұпай")),
    ("кемінде 50 ұпай", "Келесі кезеңге өту үшін кемінде 50 ұпай жинау керек.", quantity(50, "ұпай", lower=50)),
    ("60 ұпайдан астам", "Оқушылардың жартысы 60 ұпайдан астам жинады.", quantity(60, "ұпай", lower=60)),
    # A scale named by its top mark ("-лық/-дық") is measured in its points: "балдық" is "балл" + "дық".
    ("50 ұпайлық", "Тапсырмалар 50 ұпайлық жүйемен бағаланады.", quantity(50, "ұпай")),
    ("10 балдық", "Жұмыстар 10 балдық шкаламен бағаланды.", quantity(10, "балл")),
    # "балл" drops its second "л" before a case ending too: "балдан", "балмен", "балға".
    ("70 балдан жоғары", "Нәтижесі 70 балдан жоғары болған үміткерлер өтеді.", quantity(70, "балл", lower=70)),
    ("85 балмен", "Ол 85 балмен бірінші орын алды.", quantity(85, "балл")),
    ("100 ұпайға жуық", "Ол 100 ұпайға жуық жинады.", quantity(100, "ұпай", approximate=True)),
    # A part of the whole score is the part, in its points, as "27 елдің 18-і" counts the part.
    ("50 ұпайдың 41-імен", "Қазылар эссені 50 ұпайдың 41-імен бағалады.", quantity(41, "ұпай")),
    ("20 балдың 17-сімен", "Комиссия жұмысты 20 балдың 17-сімен бағалады.", quantity(17, "балл")),
    # Guard: "балл" was a measure already.
    ("4 балл", "Дұрыс жауап үшін 4 балл беріледі.", quantity(4, "балл")),
    # Guard: honey weighed is in its measure of mass.
    ("5 келі", "Омарташы 5 келі бал сатты.", quantity(5, "келі")),
]

PLACES_NAMED_POINTS = [
    # Places and devices named "points" are counted, in every language.
    ("14", "Lorries queued at 14 border crossing points overnight.", count(14, "border crossing points")),
    ("eight", "The ministry will open eight collection points for old batteries.", count(8, "collection points")),
    ("nine", "The agency opened nine checkpoints along the border.", count(9, "checkpoints")),
    ("12", "На границе работают 12 пунктов пропуска.", count(12, "пунктов пропуска")),
    ("шесть", "В городе открыли шесть пунктов приема вторсырья.", count(6, "пунктов приема")),
    # Guards of the nouns that begin as the score words do: gas cylinders and glasses are things.
    ("40", "На склад привезли 40 баллонов с пропаном.", count(40, "баллонов")),
]


def _suggested(selection: str, context: str) -> TypedValue:
    return suggest(selection, published="2026-05-14", context=context).value


@pytest.mark.parametrize(("selection", "context", "expected"), ENGLISH_SCORES, ids=[c[0] for c in ENGLISH_SCORES])
def test_english_points_of_a_score_are_a_quantity(selection: str, context: str, expected: TypedValue) -> None:
    same(_suggested(selection, context), expected)


@pytest.mark.parametrize(("selection", "context", "expected"), RUSSIAN_SCORES, ids=[c[0] for c in RUSSIAN_SCORES])
def test_russian_points_of_a_score_are_a_quantity(selection: str, context: str, expected: TypedValue) -> None:
    same(_suggested(selection, context), expected)


@pytest.mark.parametrize(("selection", "context", "expected"), KAZAKH_SCORES, ids=[c[0] for c in KAZAKH_SCORES])
def test_kazakh_points_of_a_score_are_a_quantity(selection: str, context: str, expected: TypedValue) -> None:
    same(_suggested(selection, context), expected)


@pytest.mark.parametrize(("selection", "context", "expected"), PLACES_NAMED_POINTS,
                         ids=[f"{c[0]} {c[2].unit}" for c in PLACES_NAMED_POINTS])
def test_places_named_points_stay_counted(selection: str, context: str, expected: TypedValue) -> None:
    same(_suggested(selection, context), expected)
