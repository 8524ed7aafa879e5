"""A name quoted up to a boundary which the new text grows by "of" and capitalised words: "entered in
the national catalogue." -> "entered in the National Catalogue of Plant Varieties." (held-out round 37,
where "the state register" became "the State Register of Breeding Achievements"). As for a name grown
by its own words (`_unless_its_phrase_continues`, round 27), the placement takes the grown name whole,
fuzzy and queued; an "of" phrase that is no name ("of 2030", "of the region") leaves it as it was."""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState
from tests.test_reanchor import place, placed_for_review

OLD = ("Three new apple varieties bred at the station were entered in the national catalogue.\n\n"
       "Tests continue in the foothills.\n")
NEW = ("Three new apple varieties bred at the station, Aport Red and Sary, were entered in the National Catalogue "
       "of Plant Varieties.\n\nTrials go on in two foothill orchards.\n")


def test_a_name_grown_by_an_of_phrase_of_capitalised_words_is_taken_whole_for_review():
    placed_for_review(OLD, NEW, "the national catalogue", "the National Catalogue of Plant Varieties")


def test_an_of_phrase_that_is_no_name_leaves_the_quote_its_own_words():
    new = NEW.replace("the National Catalogue of Plant Varieties", "the National Catalogue of the region")
    placement = place(OLD, new, "the national catalogue")
    assert placement.state is AnchorState.ORPHANED or new[placement.start:placement.end] in (
        "the National Catalogue", "the National Catalogue of the region"), placement
