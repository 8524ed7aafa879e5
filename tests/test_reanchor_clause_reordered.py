"""A clause whose very words were put in another order, none added and none lost, every figure kept
("хотим довести до 500 к 2036 году" -> "к 2036 году хотим довести до 500"), is found where its
surroundings agree at least CONTEXT_AGREEMENT: its words are its claim in full, so the surroundings
need not agree as much (TURNED_CLAUSE_AGREEMENT) as for a clause that changed words too. Lightly
reworded surroundings gave 0.67 and the clause was orphaned (held-out round 26, issue #23). Fuzzy, so
a curator confirms it."""

from __future__ import annotations

from tests.test_reanchor import flagged_or_orphaned, placed_for_review

OLD = ("Интервью директора. Потом про парки. Скверов у нас сейчас 120, мы планируем открыть 160 к 2040 году. "
       "Но это уже тема другой беседы, нужны участки.\n")
NEW = ("Интервью директора. Потом про парки. Скверов сейчас 120, к 2040 году мы планируем открыть 160. "
       "Но это тема другой беседы, нужны участки и деньги.\n")


def test_a_clause_with_its_very_words_reordered_is_placed_for_review():
    placement = placed_for_review(OLD, NEW, "мы планируем открыть 160 к 2040 году", "к 2040 году мы планируем открыть 160")
    assert not placement.number_changed


def test_a_reordered_clause_with_a_figure_changed_is_not_taken_as_the_same_words():
    new = NEW.replace("открыть 160", "открыть 170")
    flagged_or_orphaned(OLD, new, "мы планируем открыть 160 к 2040 году")
