"""A label put before a number inside a kept quote: "grant 101183345" -> "grant No. 101183345"
(held-out round 28), "contract 4471" -> "contract Nr. 4471". The words-inserted rule took the label's
full stop followed by a space for a sentence end inside the placement, which a quote without one may not
span, and the unchanged claim was orphaned. A full stop after a word of one to three letters right
before a figure is a label's, not a sentence's. The number itself must stay: another number is flagged
or orphaned."""

from __future__ import annotations

from tests.test_reanchor import flagged_or_orphaned, placed_for_review

OLD = ("Acknowledgements: the survey was paid for by the regional water authority (contract 4471) and by "
       "the university's own research fund.\n")
NEW = ("Acknowledgements: the survey was paid for by the regional water authority (contract No. 4471) and by "
       "the research fund of the university.\n")


def test_a_number_given_a_label_is_placed_for_review():
    placed_for_review(OLD, NEW, "contract 4471", "contract No. 4471")


def test_another_label_spelling_is_placed_for_review():
    placed_for_review(OLD, NEW.replace("No.", "Nr."), "contract 4471", "contract Nr. 4471")


def test_a_labelled_number_that_changed_is_flagged_or_orphaned():
    flagged_or_orphaned(OLD, NEW.replace("No. 4471", "No. 4417"), "contract 4471")
