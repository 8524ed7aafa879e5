"""A quote kept word for word, said once in each text, whose own sentence was reworded around it and
whose paragraph moved to another place in the expanded text ("В ходе учений была проверена работа 85
сирен оповещения. Часть сирен …" -> "В ходе учений проверили 85 сирен оповещения. Шесть сирен …", the
paragraph put before the one it followed; held-out round 28). The reworded-sentence rule asked the
quote to stand between its old alignment landmarks, which the moved paragraph no longer did, so the
unchanged phrase was orphaned. It is the same passage when, besides its own sentence keeping half of
its telling words, the sentence beside it in its paragraph moved along and kept half of its own; fuzzy,
below REVIEW_BELOW, queued. A phrase that recurs in a new paragraph whose neighbouring sentence says
something else is not placed."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

OLD = ("Паводок в области\n\n"
       "Вода поднялась за ночь на два метра, сообщили спасатели. Жителей трех сел предупредили заранее.\n\n"
       "Дамбы укрепляли мешками с песком более 300 добровольцев. Помогали и военные из соседнего гарнизона.\n\n"
       "На реке Ишим была установлена цепочка 14 датчиков уровня воды. Часть датчиков возле плотины вышла "
       "из строя. Новые поставят весной.\n\n"
       "Эвакуированных разместили в школах районного центра.\n")
NEW = ("Паводок в области: вода поднялась на два метра\n\n"
       "Вода поднялась за ночь на два метра, сообщили спасатели утром в среду. Жителей трех сел "
       "предупредили заранее.\n\n"
       "На реке Ишим установили 14 датчиков уровня воды. Четыре датчика возле плотины вышли из строя, "
       "их заменят за неделю.\n\n"
       "Дамбы укрепляли мешками с песком более 350 добровольцев. Помогали и военные из соседнего гарнизона.\n\n"
       "Эвакуированных разместили в школах районного центра.\n")


def test_an_unchanged_phrase_in_a_reworded_sentence_of_a_moved_paragraph_is_placed_for_review():
    placed_for_review(OLD, NEW, "14 датчиков уровня воды", "14 датчиков уровня воды")


def test_the_phrase_in_a_new_paragraph_beside_other_sentences_is_not_placed():
    new = NEW.replace("Четыре датчика возле плотины вышли из строя, их заменят за неделю.",
                      "Данные с них передают в Астану каждые полчаса.")
    new = new.replace("На реке Ишим установили", "Гидрологи разместили на притоках")
    assert place(OLD, new, "14 датчиков уровня воды").state is AnchorState.ORPHANED


def test_the_phrase_in_a_moved_sentence_whose_figure_changed_is_not_placed():
    new = NEW.replace("На реке Ишим установили 14", "В 2036 году на реке Ишим установили 14")
    assert place(OLD, new, "14 датчиков уровня воды").state is AnchorState.ORPHANED
