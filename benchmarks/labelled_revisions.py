"""Re-anchoring judged on revision pairs whose correct placements were labelled by hand.

Each pair in tests/data/revisions/ (see its README) goes through the app as a curator's would: the
older text is imported as a source, every labelled span becomes the evidence of a fact, and the newer
text is imported as a new revision of that source (`FactBase.import_revision`). Each span's outcome
is then judged against its label:

* placed right     — the label gives a place and the evidence is anchored there (its span and the
                     labelled one overlap by at least half of their union);
* orphaned right   — the label says the passage is gone and the evidence is orphaned;
* wrongly orphaned — the label gives a place but the evidence is orphaned;
* misplaced        — the evidence is anchored although the passage is gone, or somewhere else.

A placement is "queued" when it waits in Evidence to check (`revisions.review_queue`); a span whose
label says its number changed must be placed with the "number changed" reason.

    python -m benchmarks.labelled_revisions                 # every pair, the table for PERFORMANCE.md
    python -m benchmarks.labelled_revisions --split dev     # one split
    python -m benchmarks.labelled_revisions --round 10      # one held-out round (its labels' "round")
    python -m benchmarks.labelled_revisions --details       # every span that is not placed right
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "revisions"

# Quote lengths the report is split by, in words.
LENGTH_BUCKETS = ((1, 2, "1–2 words"), (3, 6, "3–6 words"), (7, 10_000, "7+ words"))
# A placement overlapping its labelled place by at least this share of their union is the same place.
SAME_PLACE_OVERLAP = 0.5


# -- the labelled pairs ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LabelledSpan:
    number: int
    old_start: int
    old_end: int
    quote: str
    new_span: tuple[int, int] | None  # None: the passage is gone
    number_changed: bool
    note: str

    @property
    def words(self) -> int:
        return len(re.findall(r"\w+", self.quote))


@dataclass(frozen=True, slots=True)
class RevisionPair:
    name: str
    language: str
    split: str
    round: int | None  # the held-out round the pair was written for, where its labels say
    old_path: Path
    new_path: Path
    old: str
    new: str
    spans: tuple[LabelledSpan, ...]


class LabelError(ValueError):
    """A label that does not name exactly one place in its text."""


def load_pairs(folder: Path = DATA, *, split: str | None = None, round: int | None = None) -> list[RevisionPair]:
    pairs = []
    for labels_path in sorted(folder.glob("*/labels.json")):
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        if split is not None and labels["split"] != split:
            continue
        if round is not None and labels.get("round") != round:
            continue
        pairs.append(_load_pair(labels_path.parent, labels))
    return pairs


def _load_pair(pair_folder: Path, labels: dict) -> RevisionPair:
    from kzeu_desk.core.reading import read_document

    old_path, new_path = pair_folder / "old.txt", pair_folder / "new.txt"
    # Read the way the app reads an imported file, so offsets count in the same canonical text.
    old, new = read_document(old_path).text, read_document(new_path).text
    spans = []
    for number, label in enumerate(labels["spans"], 1):
        where = f"{pair_folder.name} span {number}"
        old_start, old_end = locate(old, label["old"], where + " (old)")
        new_span = locate(new, label["new"], where + " (new)") if label["new"] is not None else None
        spans.append(LabelledSpan(number, old_start, old_end, old[old_start:old_end], new_span,
                                  bool(label.get("number_changed")), label.get("note", "")))
    return RevisionPair(pair_folder.name, labels["language"], labels["split"], labels.get("round"), old_path,
                        new_path, old, new, tuple(spans))


# Labels are typed plainly; the texts have typographic spaces, quotation marks and dashes, ё where a
# label may have е, decomposed accents, and a Latin i for the Kazakh і. Deliberately simple and
# independent of the app's own matching, so a label cannot inherit the code's mistakes.
_LOOSE = {
    **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " "),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a'", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u0456": "i", "\u0406": "I",
}


def _loose(text: str) -> tuple[str, list[int]]:
    """The loose form of `text` and, for each of its characters, the code point it came from."""
    characters: list[str] = []
    origins: list[int] = []
    for position, character in enumerate(text):
        for part in unicodedata.normalize("NFD", character):
            if unicodedata.combining(part):
                continue
            characters.append(_LOOSE.get(part, part))
            origins.append(position)
    return "".join(characters), origins


def locate(text: str, label: str | dict, where: str) -> tuple[int, int]:
    """The code point span a label names in `text`."""
    loose_text, origins = _loose(text)
    if isinstance(label, str):
        start, end = _only_occurrence(loose_text, _loose(label)[0], 0, len(loose_text), where)
    else:
        around = _only_occurrence(loose_text, _loose(label["in"])[0], 0, len(loose_text), where)
        start, end = _only_occurrence(loose_text, _loose(label["quote"])[0], *around, where)
    real_start, real_end = origins[start], origins[end - 1] + 1
    while real_end < len(text) and unicodedata.combining(text[real_end]):
        real_end += 1  # a decomposed letter's accents belong to it
    return real_start, real_end


def _only_occurrence(text: str, needle: str, start: int, end: int, where: str) -> tuple[int, int]:
    found = text.find(needle, start, end)
    if found < 0:
        raise LabelError(f"{where}: {needle!r} is not in the text")
    if text.find(needle, found + 1, end) >= 0:
        raise LabelError(f"{where}: {needle!r} occurs more than once; give it an 'in' passage")
    return found, found + len(needle)


# -- running the app -------------------------------------------------------------------------------


class Verdict(StrEnum):
    PLACED_RIGHT = "placed right"
    ORPHANED_RIGHT = "orphaned right"
    WRONGLY_ORPHANED = "wrongly orphaned"
    MISPLACED = "misplaced"


@dataclass(frozen=True, slots=True)
class Outcome:
    pair: RevisionPair
    span: LabelledSpan
    state: str
    start: int | None  # in the new text; None when orphaned
    end: int | None
    score: float | None
    queued: bool
    number_flagged: bool

    @property
    def verdict(self) -> Verdict:
        if self.state == "orphaned":
            return Verdict.ORPHANED_RIGHT if self.span.new_span is None else Verdict.WRONGLY_ORPHANED
        if self.span.new_span is None or overlap_share((self.start, self.end), self.span.new_span) < SAME_PLACE_OVERLAP:
            return Verdict.MISPLACED
        return Verdict.PLACED_RIGHT

    @property
    def number_change_missed(self) -> bool:
        """Placed right where a figure changed, without saying so."""
        return self.verdict is Verdict.PLACED_RIGHT and self.span.number_changed and not (
            self.number_flagged and self.queued)

    def describe(self) -> str:
        found = (f"{self.state} {self.score if self.score is not None else ''} at “{self.pair.new[self.start:self.end]}”"
                 if self.start is not None else self.state)
        wanted = (f"“{self.pair.new[slice(*self.span.new_span)]}”" if self.span.new_span else "gone")
        flags = (" [queued]" if self.queued else "") + (" [number changed]" if self.number_flagged else "")
        return (f"{self.pair.name} #{self.span.number} “{self.span.quote}”: {found}{flags}; label: {wanted}"
                + (" (number changed)" if self.span.number_changed else ""))


def overlap_share(a: tuple[int, int], b: tuple[int, int]) -> float:
    common = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return common / union if union else 0.0


def run_through_app(pairs: Iterable[RevisionPair]) -> list[Outcome]:
    """Every pair through a fresh fact base: import, highlight, import the new revision, read back."""
    from kzeu_desk.core.service import FactBase

    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory() as templates:
        # A new fact base is migrated and given its starter vocabulary on first open: 0.15 s, against 0.015 s
        # to copy and open one already made, which is 35 s of the suite's run over 256 pairs. Every pair
        # still starts from an empty fact base of its own, the snapshot of a fresh one.
        empty = Path(templates) / "empty.sqlite"
        with FactBase.open(Path(templates) / "fresh.sqlite", actor="labelled") as fresh:
            fresh.write_snapshot(empty)
        for pair in pairs:
            outcomes.extend(_run_pair(pair, empty))
    return outcomes


def _run_pair(pair: RevisionPair, empty: Path) -> list[Outcome]:
    """One pair through a copy of the empty fact base at `empty`."""
    from kzeu_desk.core import revisions, steps
    from kzeu_desk.core.models import FactRank, FactStatus
    from kzeu_desk.core.recorder import Recorder
    from kzeu_desk.core.reading import read_document
    from kzeu_desk.core.service import FactBase
    from kzeu_desk.core.typed_value import TypedValue, ValueKind

    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "labelled.sqlite"
        shutil.copyfile(empty, copy)
        with FactBase.open(copy, actor="labelled") as fact_base:
            source_id = fact_base.import_document(read_document(pair.old_path)).new_id("source")
            evidence_of: dict[int, LabelledSpan] = {}

            def highlight_every_span(rec: Recorder) -> None:
                # One action for the pair's 20-odd highlights (the steps Ctrl+N's create_fact takes for each):
                # a commit each cost 7 ms, 35 s of the suite over 5,000 spans; the re-anchoring sees the same rows.
                for span in pair.spans:
                    fact_id = steps.insert_fact(rec, value=TypedValue(ValueKind.TEXT, text=span.quote[:80]),
                                                subject_id=None, property_id=None, status=FactStatus.DRAFT,
                                                rank=FactRank.NORMAL, note=None, qualifiers={})
                    evidence_of[steps.insert_evidence(rec, fact_id, source_id, span.old_start, span.old_end)] = span

            fact_base.run("Highlight the labelled spans", highlight_every_span)
            fact_base.import_revision(source_id, read_document(pair.new_path))
            with fact_base.reading() as conn:
                rows = {row.id: row for row in conn.exec_driver_sql(
                    'SELECT id, anchor_state, start, "end", anchor_score FROM evidence')}
                queue = {item.evidence_id: item for item in revisions.review_queue(conn)}
            for evidence_id, span in evidence_of.items():
                row = rows[evidence_id]
                orphaned = row.anchor_state == "orphaned"
                item = queue.get(evidence_id)
                outcomes.append(Outcome(
                    pair, span, row.anchor_state, None if orphaned else row.start, None if orphaned else row.end,
                    row.anchor_score, item is not None,
                    item is not None and item.reason is revisions.ReviewReason.NUMBER_CHANGED))
    return outcomes


# -- reporting -------------------------------------------------------------------------------------


@dataclass
class Tally:
    spans: int = 0
    placed_right: int = 0
    orphaned_right: int = 0
    wrongly_orphaned: int = 0
    misplaced: int = 0
    misplaced_not_queued: int = 0
    number_changes: int = 0
    number_changes_missed: int = 0

    def add(self, outcome: Outcome) -> None:
        self.spans += 1
        verdict = outcome.verdict
        if verdict is Verdict.PLACED_RIGHT:
            self.placed_right += 1
        elif verdict is Verdict.ORPHANED_RIGHT:
            self.orphaned_right += 1
        elif verdict is Verdict.WRONGLY_ORPHANED:
            self.wrongly_orphaned += 1
        else:
            self.misplaced += 1
            self.misplaced_not_queued += not outcome.queued
        self.number_changes += outcome.span.number_changed
        self.number_changes_missed += outcome.number_change_missed

    @property
    def right_share(self) -> float:
        return (self.placed_right + self.orphaned_right) / self.spans if self.spans else 1.0


def tally(outcomes: Iterable[Outcome]) -> Tally:
    total = Tally()
    for outcome in outcomes:
        total.add(outcome)
    return total


def _share(count: int, of: int) -> str:
    return f"{count} ({count / of:.1%})" if of else "0"


def report(outcomes: Sequence[Outcome]) -> str:
    lines = ["| quote length | spans | placed right | orphaned right | right in all | wrongly orphaned "
             "| misplaced (not queued) | figure changes flagged |",
             "|---|---|---|---|---|---|---|---|"]
    groups = [(label, [o for o in outcomes if low <= o.span.words <= high]) for low, high, label in LENGTH_BUCKETS]
    for label, members in [*groups, ("all", list(outcomes))]:
        t = tally(members)
        name = f"**{label}**" if label == "all" else label
        lines.append(f"| {name} | {t.spans} | {_share(t.placed_right, t.spans)} | {_share(t.orphaned_right, t.spans)} "
                     f"| {t.right_share:.1%} | {_share(t.wrongly_orphaned, t.spans)} "
                     f"| {t.misplaced} ({t.misplaced_not_queued}) "
                     f"| {t.number_changes - t.number_changes_missed} of {t.number_changes} |")
    return "\n".join(lines)


def report_by_language(outcomes: Sequence[Outcome]) -> str:
    lines = ["| language | split | pairs | spans | right | wrongly orphaned | misplaced |", "|---|---|---|---|---|---|---|"]
    keys = sorted({(o.pair.language, o.pair.split) for o in outcomes})
    for language, split in keys:
        members = [o for o in outcomes if (o.pair.language, o.pair.split) == (language, split)]
        t = tally(members)
        pairs = len({o.pair.name for o in members})
        lines.append(f"| {language} | {split} | {pairs} | {t.spans} | {t.right_share:.1%} | {t.wrongly_orphaned} | {t.misplaced} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["dev", "held-out"], help="only the pairs of one split")
    parser.add_argument("--round", type=int, help="only the pairs of one held-out round")
    parser.add_argument("--details", action="store_true", help="list every span not placed right")
    arguments = parser.parse_args(argv)
    pairs = load_pairs(split=arguments.split, round=arguments.round)
    outcomes = run_through_app(pairs)
    print(f"{len(pairs)} pairs, {len(outcomes)} labelled spans\n")
    print(report(outcomes))
    print()
    print(report_by_language(outcomes))
    if arguments.details:
        print()
        for outcome in outcomes:
            if outcome.verdict is not Verdict.PLACED_RIGHT or outcome.number_change_missed:
                print(f"{outcome.verdict.value}: {outcome.describe()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
