"""A whole sentence whose full stop became a semicolon or a comma and which goes on with a clause of
news ("Договор заключен на три года." -> "Договор заключен на три года; в 2031 году его продлили до
2035 года."): its words stand whole, right after the sentence that stood before it, while the text
after it moved. The words added after it were more than the few a grown sentence was allowed, and the
side beyond them had changed (held-out round 25). Placed fuzzy, waiting for a curator (issue #23)."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import flagged_or_orphaned, place, placed_for_review

OLD = ("История. Сотрудничество началось в 2024 году. В 2027 году министерство и агентство подписали договор "
       "о партнерстве. Договор заключен на три года.\n\nПроекты\n\nПервый проект касался очистки рек.\n")
NEW = ("История. Сотрудничество началось в 2024 году. В 2027 году министерство и агентство подписали договор "
       "о партнерстве. Договор заключен на три года; в 2030 году стороны продлили его еще на пять лет.\n\n"
       "Проекты\n\nОбучение специалистов стало главным направлением. Первый проект касался очистки рек.\n")
QUOTE = "Договор заключен на три года."


def test_a_sentence_continued_after_a_semicolon_is_found_by_the_sentence_before_it():
    placed_for_review(OLD, NEW, QUOTE, "Договор заключен на три года")


def test_after_another_sentence_it_is_not_taken():
    other = NEW.replace("подписали договор о партнерстве. Договор", "обсуждали новые проекты. Договор")
    assert place(OLD, other, QUOTE).state is AnchorState.ORPHANED


def test_with_its_figure_changed_it_is_not_taken_as_the_same():
    other = NEW.replace("на три года;", "на четыре года;")
    flagged_or_orphaned(OLD, other, QUOTE)
