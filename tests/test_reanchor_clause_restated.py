"""A short sentence joined to its neighbour as a clause, its words put in another order or a hedge
set off by commas cut ("Мы подали заявку в декабре. Эксперты ВАДА приедут, скорее всего, в июне." ->
"Заявку мы подали в декабре, эксперты ВАДА приедут в июне."): the same words, nothing added, now a
clause of a sentence whose neighbour sentence also stands. Held-out round 25 (an interview edited for
print); placed fuzzy, waiting for a curator (issue #23)."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

OLD = ("— Когда откроется новый корпус?\n\n— Мы получили разрешение в марте. Строители начнут, наверное, в мае. "
       "Если все пойдет хорошо, корпус откроется осенью.\n\n— Спасибо.\n")
NEW = ("— Когда откроется новый корпус?\n\n— Разрешение мы получили в марте, строители начнут в мае. "
       "Если все пойдет хорошо, корпус откроется осенью.\n\n— Спасибо.\n")


def _placed_for_review(quote: str, expected: str, new: str = NEW) -> None:
    placed_for_review(OLD, new, quote, expected)


def test_a_short_sentence_with_its_words_reordered_is_now_a_clause():
    _placed_for_review("Мы получили разрешение в марте.", "Разрешение мы получили в марте")


def test_a_short_sentence_with_its_hedge_cut_is_now_a_clause():
    _placed_for_review("Строители начнут, наверное, в мае.", "строители начнут в мае")


def test_a_word_changed_is_another_claim():
    other = NEW.replace("строители начнут в мае", "строители закончат в мае")
    assert place(OLD, other, "Строители начнут, наверное, в мае.").state is AnchorState.ORPHANED


def test_a_month_changed_is_not_taken_as_the_same():
    other = NEW.replace("строители начнут в мае", "строители начнут в июне")
    placement = place(OLD, other, "Строители начнут, наверное, в мае.")
    assert placement.state is AnchorState.ORPHANED or placement.number_changed
