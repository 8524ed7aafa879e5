"""Which re-anchored evidence waits for a curator: the rule the review queue reads at start-up.

It lives apart from the re-anchoring itself (`core.reanchor`), whose import compiles its patterns
and loads rapidfuzz (0.11 s on a quiet machine, 0.24 s under load, holding the interpreter lock the
GUI thread needs): the workspace lists the queue as it opens, and imports the re-anchoring only when
a revision is imported.
"""

from __future__ import annotations

from kzeu_desk.core.models import AnchorState

# A fuzzy match scoring below this waits in the orphan queue for a curator to accept it.
REVIEW_BELOW = 0.9


def needs_review(state: AnchorState | str, score: float | None, number_changed: bool) -> bool:
    """Whether a curator should look at a placement: orphans, weak fuzzy matches, and any fuzzy
    match that changed a number (a corrected figure is exactly what a fact must not follow blindly)."""
    state = AnchorState(state)
    if state is AnchorState.ORPHANED:
        return True
    if state is not AnchorState.FUZZY:
        return False
    return number_changed or (score is not None and score < REVIEW_BELOW)
