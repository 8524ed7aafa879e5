"""Sentences rewritten in other words (`core.sentence_alignment`, `Locator._in_its_aligned_sentence`): the old
text's sentences are aligned in order with the new text's, and a span that no other step placed is looked for in
the sentence its own was aligned with, only where its neighbours are aligned around it and its own words stand
there. Such a placement is always fuzzy and queued; a sentence that was cut, followed by a new one on the same
subject, keeps its evidence orphaned."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from kzeu_desk.core.reanchor import needs_review
from kzeu_desk.core.sentence_alignment import SentenceAlignment
from tests.test_reanchor import place, placed_for_review

BEFORE = "The Karaganda tram depot opened its doors to visitors on Saturday morning."
AFTER = "Organisers thanked the volunteers who guided the tours through the workshops."

OLD = (f"{BEFORE} The restored carriages from the nineteen-sixties drew the largest crowds among "
       f"schoolchildren and pensioners. {AFTER}\n")
NEW = (f"{BEFORE} The largest crowds, mostly schoolchildren and pensioners, gathered at carriages from the "
       f"nineteen-sixties that were restored last year. {AFTER}\n")


def test_a_reworded_sentence_is_placed_at_its_new_wording_and_queued():
    placement = placed_for_review(
        OLD, NEW, "The restored carriages from the nineteen-sixties drew the largest crowds among schoolchildren "
        "and pensioners.", "The largest crowds, mostly schoolchildren and pensioners, gathered at carriages from the "
        "nineteen-sixties that were restored last year.")
    assert placement.score is not None and placement.score < 0.9
    assert not placement.number_changed


def test_a_cut_sentence_followed_by_a_new_one_sharing_words_stays_orphaned():
    old = (f"{BEFORE} The restored carriages from the nineteen-sixties drew the largest crowds. "
           f"A ticket for the museum carriage costs two hundred tenge. {AFTER}\n")
    new = (f"{BEFORE} The restored carriages from the nineteen-sixties drew the largest crowds. "
           f"Tickets for the depot tours will go on sale online next month. {AFTER}\n")
    placement = place(old, new, "A ticket for the museum carriage costs two hundred tenge.")
    assert placement.state is AnchorState.ORPHANED


def test_a_sentence_cut_in_two_is_placed_in_the_halves_that_hold_its_words():
    old = (f"{BEFORE} The workshop foreman explained how the bogies were rebuilt, and the museum curator showed "
           f"the original tickets and driver licences. {AFTER}\n")
    new = (f"{BEFORE} The workshop foreman explained in detail how every bogie was rebuilt by hand. Then the "
           f"museum curator showed visitors the original tickets and driver licences. {AFTER}\n")
    placement = place(old, new, "the museum curator showed the original tickets and driver licences")
    assert placement.state is AnchorState.FUZZY, placement
    assert new[placement.start:placement.end] == "the museum curator showed visitors the original tickets and driver licences"
    assert needs_review(placement.state, placement.score, placement.number_changed)


def test_two_sentences_joined_are_aligned_with_the_one_that_holds_both():
    old_text = f"{BEFORE} The foreman rebuilt the bogies. The curator showed old tickets. {AFTER}"
    new_text = f"{BEFORE} The foreman rebuilt the bogies while the curator showed old tickets. {AFTER}"
    alignment = SentenceAlignment(old_text, _sentences(old_text), new_text, _sentences(new_text))
    assert alignment.old_to_new[1].new == alignment.old_to_new[2].new == (1,)
    assert alignment.old_to_new[0].pinned and alignment.old_to_new[3].new == (2,)


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for at, character in enumerate(text):
        if character == "." and (at + 1 == len(text) or text[at + 1] == " "):
            bounds.append((start, at + 1))
            start = at + 2
    return bounds
