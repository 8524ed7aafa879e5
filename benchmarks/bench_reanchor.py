"""Re-anchoring accuracy and speed on synthetic revisions whose truth is known.

A document is generated as words with the separators after them, so a word-level edit (a word
substituted, deleted, or a word inserted after it) keeps track of where every surviving word went.
That gives each quote's true place in the new text:
* intact — every word of the quote survived unchanged with nothing inserted between them: the
  true place is exactly where those words now are, and a correct re-anchoring finds it exactly;
* changed — some words were substituted, deleted or inserted: the true place runs from the
  first to the last word descended from the quote's words (kept or substituted);
* gone — none of its words survived: the only right answer is "orphaned".
A placement is misplaced when it anchors a gone quote, or when it overlaps the true place by less
than half of their union (intersection over union < 0.5).

    python -m benchmarks.bench_reanchor            # figures for docs/PERFORMANCE.md
    python -m benchmarks.bench_reanchor --quick    # a smaller run

It also runs the adversarial revisions (benchmarks/adversarial_reanchor.py) and the labelled
revision pairs of real kinds of documents (benchmarks/labelled_revisions.py).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kzeu_desk.core.anchor_review import needs_review
from kzeu_desk.core.reanchor import LastAnchor, Placement, reanchor
from kzeu_desk.core.text import quote_context

EDIT_RATES = (0.01, 0.05, 0.15)
SPANS_FOR_TIMING = 10_000
TIME_BUDGET_SECONDS = 5.0

_FUNCTION_WORDS = ("the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by", "was",
                   "at", "from", "its", "this", "has", "be", "are", "an", "which", "it", "have", "were", "their",
                   "also", "will", "more", "than", "been", "between", "after", "over", "about", "into")
_NAMES = ("Kazakhstan", "EU", "Astana", "Brussels", "Almaty", "Tokayev", "Borrell", "EPCA", "Caspian",
          "European", "Commission", "Council", "ministry", "parliament", "Central", "Asia")
_SYLLABLES = ("ka", "za", "stan", "eu", "ro", "pe", "an", "in", "ves", "ment", "tra", "de", "part", "ner",
              "ship", "co", "op", "er", "a", "tion", "po", "li", "cy", "e", "co", "nom", "ic", "tur", "no",
              "ver", "gas", "oil", "ra", "il", "way", "cor", "ri", "dor", "min", "is", "try", "sum", "mit")
_SEPARATORS = (" ",) * 14 + (", ",)


@dataclass
class Document:
    words: list[str]
    separators: list[str]  # after each word
    starts: list[int] = field(default_factory=list)
    text: str = ""

    def __post_init__(self) -> None:
        pieces, starts, position = [], [], 0
        for word, separator in zip(self.words, self.separators):
            starts.append(position)
            pieces.append(word)
            pieces.append(separator)
            position += len(word) + len(separator)
        self.starts = starts
        self.text = "".join(pieces)

    def span(self, first_word: int, last_word: int) -> tuple[int, int]:
        """Characters from the start of one word to the end of another (inclusive word numbers)."""
        return self.starts[first_word], self.starts[last_word] + len(self.words[last_word])


@dataclass(frozen=True)
class Quote:
    key: int
    first_word: int
    last_word: int  # inclusive


@dataclass(frozen=True)
class Truth:
    span: tuple[int, int] | None  # None: every word of the quote is gone
    intact: bool


@dataclass
class Accuracy:
    edit_rate: float
    quotes: int = 0
    intact: int = 0
    intact_exact: int = 0
    misplaced: int = 0
    silently_misplaced: int = 0
    orphaned: int = 0
    gone: int = 0
    states: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0  # wall clock
    cpu_seconds: float = 0.0  # this process only: steadier on a machine busy with other work

    @property
    def exact_for_intact(self) -> float:
        return self.intact_exact / self.intact if self.intact else 1.0

    @property
    def misplaced_share(self) -> float:
        return self.misplaced / self.quotes if self.quotes else 0.0

    def add(self, other: Accuracy) -> None:
        self.quotes += other.quotes
        self.intact += other.intact
        self.intact_exact += other.intact_exact
        self.misplaced += other.misplaced
        self.silently_misplaced += other.silently_misplaced
        self.orphaned += other.orphaned
        self.gone += other.gone
        self.seconds += other.seconds
        self.cpu_seconds += other.cpu_seconds
        for state, count in other.states.items():
            self.states[state] = self.states.get(state, 0) + count


# -- generating ------------------------------------------------------------------------------------


class Vocabulary:
    """Words with a Zipf-like frequency: a few very common, a long tail of rare ones, as in prose."""

    def __init__(self, rng: random.Random, size: int = 6_000) -> None:
        invented: set[str] = set()
        while len(invented) < size:
            invented.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.words = [*_FUNCTION_WORDS, *_NAMES, *sorted(invented)]
        self.weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(self.words))]

    def sample(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, weights=self.weights, k=count)


def make_document(rng: random.Random, vocabulary: Vocabulary, word_count: int) -> Document:
    words = vocabulary.sample(rng, word_count)
    separators: list[str] = []
    sentence_left = rng.randint(8, 30)
    for number in range(word_count):
        if rng.random() < 0.04:
            words[number] = str(rng.choice((rng.randint(1991, 2024), rng.randint(2, 999))))
        sentence_left -= 1
        if sentence_left == 0:
            separators.append(".\n\n" if rng.random() < 0.2 else ". ")
            sentence_left = rng.randint(8, 30)
        else:
            separators.append(rng.choice(_SEPARATORS))
    return Document(words, separators)


def choose_quotes(rng: random.Random, document: Document, count: int) -> list[Quote]:
    """Quotes of 2-14 words, like the phrases a curator highlights."""
    quotes = []
    for key in range(count):
        length = rng.randint(2, 14)
        first = rng.randrange(0, len(document.words) - length)
        quotes.append(Quote(key, first, first + length - 1))
    return quotes


def edit(rng: random.Random, document: Document, vocabulary: Vocabulary, rate: float
         ) -> tuple[Document, list[int | None], list[bool], set[int]]:
    """Substitute, delete, or insert after, each word with probability `rate` (a third each).

    Returns the new document, each old word's number in it (None if deleted), whether each old
    word survived unchanged, and the old words after which something was inserted.
    """
    words, separators = [], []
    where: list[int | None] = []
    unchanged: list[bool] = []
    inserted_after: set[int] = set()
    for number, (word, separator) in enumerate(zip(document.words, document.separators)):
        roll = rng.random()
        if roll < rate / 3:  # substituted
            where.append(len(words))
            unchanged.append(False)
            words.append(vocabulary.sample(rng, 1)[0])
            separators.append(separator)
        elif roll < 2 * rate / 3:  # deleted
            where.append(None)
            unchanged.append(False)
        else:
            where.append(len(words))
            unchanged.append(True)
            words.append(word)
            separators.append(separator)
            if roll < rate:  # a word inserted after it
                inserted_after.add(number)
                words.append(vocabulary.sample(rng, 1)[0])
                separators.append(" ")
    return Document(words, separators), where, unchanged, inserted_after


def truth_of(quote: Quote, new: Document, where: list[int | None], unchanged: list[bool],
             inserted_after: set[int]) -> Truth:
    numbers = range(quote.first_word, quote.last_word + 1)
    descendants = [where[n] for n in numbers if where[n] is not None]
    intact = all(unchanged[n] for n in numbers) and not any(n in inserted_after for n in numbers[:-1])
    if not descendants:
        return Truth(None, False)
    return Truth(new.span(descendants[0], descendants[-1]), intact)


def anchors_for(document: Document, quotes: Sequence[Quote]) -> list[LastAnchor]:
    anchors = []
    for quote in quotes:
        start, end = document.span(quote.first_word, quote.last_word)
        prefix, exact, suffix = quote_context(document.text, start, end)
        anchors.append(LastAnchor(quote.key, start, end, exact, prefix, suffix, revision=1))
    return anchors


# -- judging ---------------------------------------------------------------------------------------


def judge(placements: Sequence[Placement], truths: Sequence[Truth], edit_rate: float) -> Accuracy:
    accuracy = Accuracy(edit_rate, quotes=len(placements))
    for placement, truth in zip(placements, truths):
        accuracy.states[placement.state.value] = accuracy.states.get(placement.state.value, 0) + 1
        if truth.span is None:
            accuracy.gone += 1
        if truth.intact:
            accuracy.intact += 1
            if placement.anchored and (placement.start, placement.end) == truth.span:
                accuracy.intact_exact += 1
        if not placement.anchored:
            accuracy.orphaned += 1
        elif truth.span is None or _overlap_share((placement.start, placement.end), truth.span) < 0.5:
            accuracy.misplaced += 1
            # Misplaced and not even sent to the orphan queue: what a curator would never see.
            if not needs_review(placement.state, placement.score, placement.number_changed):
                accuracy.silently_misplaced += 1
    return accuracy


def _overlap_share(a: tuple[int, int], b: tuple[int, int]) -> float:
    common = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return common / union if union else 0.0


def run_trial(seed: int, edit_rate: float, *, words: int, quotes: int) -> Accuracy:
    rng = random.Random(seed)
    vocabulary = Vocabulary(rng)
    document = make_document(rng, vocabulary, words)
    chosen = choose_quotes(rng, document, quotes)
    new, where, unchanged, inserted_after = edit(rng, document, vocabulary, edit_rate)
    truths = [truth_of(q, new, where, unchanged, inserted_after) for q in chosen]
    anchors = anchors_for(document, chosen)
    started, started_cpu = time.perf_counter(), time.process_time()
    placements = reanchor(new.text, anchors, {1: document.text})
    accuracy = judge(placements, truths, edit_rate)
    accuracy.seconds = time.perf_counter() - started
    accuracy.cpu_seconds = time.process_time() - started_cpu
    return accuracy


def run_sample_articles(edit_rate: float, seeds: Sequence[int]) -> Accuracy:
    """The same judgement on the five real sample articles, edited word by word."""
    from kzeu_desk.core.reading import read_document
    from kzeu_desk.core.sample_corpus import sample_documents
    from kzeu_desk.paths import sample_corpus_dir

    total = Accuracy(edit_rate)
    for seed in seeds:
        rng = random.Random(seed)
        vocabulary = Vocabulary(rng)
        for file_name, _metadata in sample_documents():
            text = read_document(sample_corpus_dir() / file_name).text
            document = _document_from_text(text)
            chosen = choose_quotes(rng, document, 40)
            new, where, unchanged, inserted_after = edit(rng, document, vocabulary, edit_rate)
            truths = [truth_of(q, new, where, unchanged, inserted_after) for q in chosen]
            anchors = anchors_for(document, chosen)
            placements = reanchor(new.text, anchors, {1: document.text})
            total.add(judge(placements, truths, edit_rate))
    return total


def _document_from_text(text: str) -> Document:
    """Words and the separators after them; text before the first word is dropped."""
    import re

    matches = list(re.finditer(r"\w+", text))
    words = [m.group() for m in matches]
    separators = [text[m.end():(matches[i + 1].start() if i + 1 < len(matches) else len(text))]
                  for i, m in enumerate(matches)]
    return Document(words, separators)


# -- timing through the service --------------------------------------------------------------------


@dataclass
class ImportTiming:
    seconds: float  # the whole FactBase.import_revision call
    placing_seconds: float  # reading the source and its evidence, and placing every span
    states: dict[str, int]

    @property
    def writing_seconds(self) -> float:
        """The write transaction: the revision row, the source, one audited update per evidence
        row, derived data, commit."""
        return self.seconds - self.placing_seconds


def time_import_revision(seed: int, edit_rate: float, *, words: int, spans: int) -> ImportTiming:
    """`FactBase.import_revision` on a source carrying `spans` evidence spans: reading, placing
    the spans, and writing every evidence row through the audited recorder, in one operation."""
    from sqlalchemy import insert

    from kzeu_desk.core.reading import ReadDocument
    from kzeu_desk.core.recorder import table, utc_now
    from kzeu_desk.core.service import FactBase, SourceMetadata
    from kzeu_desk.core.text import sha256_text

    rng = random.Random(seed)
    vocabulary = Vocabulary(rng)
    document = make_document(rng, vocabulary, words)
    chosen = choose_quotes(rng, document, spans)
    new, *_ = edit(rng, document, vocabulary, edit_rate)
    with tempfile.TemporaryDirectory() as folder, FactBase.open(Path(folder) / "bench.sqlite", actor="bench") as fb:
        changes = fb.import_document(ReadDocument(document.text, "utf-8", "long.txt", None, "text"),
                                     SourceMetadata(title="Long article"))
        source_id = changes.new_id("source")
        at = utc_now()
        sha = sha256_text(document.text)
        with fb.engine.begin() as conn:  # bulk set-up through Core executemany; not what is timed
            conn.execute(insert(table("fact")), [
                {"id": key + 1, "value_kind": "text", "value_text": f"fact {key}", "value_approximate": False,
                 "status": "draft", "rank": "normal", "created_at": at, "created_by": "bench", "updated_at": at,
                 "updated_by": "bench", "version": 1} for key in range(spans)])
            rows = []
            for anchor in anchors_for(document, chosen):
                rows.append({"fact_id": anchor.key + 1, "source_id": source_id, "start": anchor.start,
                             "end": anchor.end, "quote": anchor.quote, "prefix": anchor.prefix,
                             "suffix": anchor.suffix, "source_sha256": sha, "created_at": at, "created_by": "bench"})
            conn.execute(insert(table("evidence")), rows)
        placed_at: list[float] = []

        def note_when_placed(done: int, total: int) -> None:
            if done == total:
                placed_at.append(time.perf_counter())

        started = time.perf_counter()
        changes = fb.import_revision(source_id, ReadDocument(new.text, "utf-8", "long-v2.txt", None, "text"),
                                     progress=note_when_placed)
        seconds = time.perf_counter() - started
        with fb.reading() as conn:
            states = dict(conn.exec_driver_sql(
                "SELECT anchor_state, count(*) FROM evidence GROUP BY anchor_state").all())
    assert changes.touched("evidence")
    return ImportTiming(seconds, placed_at[0] - started, states)


# -- report ----------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer seeds and a smaller document")
    arguments = parser.parse_args(argv)
    seeds = (1, 2) if arguments.quick else (1, 2, 3, 4, 5)
    words = 60_000 if arguments.quick else 170_000  # ~1 MB of text at full size
    print(f"load average before: {_load_average()}")

    print(f"\nSynthetic documents of {words:,} words, {SPANS_FOR_TIMING:,} quotes each, seeds {list(seeds)}")
    print("| edit rate | quotes | intact | exact for intact | misplaced | of which not queued | orphaned "
          "| gone | states | placing 10k spans: wall / CPU (median) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for rate in EDIT_RATES:
        total = Accuracy(rate)
        walls: list[float] = []
        cpus: list[float] = []
        for seed in seeds:
            trial = run_trial(seed, rate, words=words, quotes=SPANS_FOR_TIMING)
            walls.append(trial.seconds)
            cpus.append(trial.cpu_seconds)
            total.add(trial)
        states = ", ".join(f"{k} {v:,}" for k, v in sorted(total.states.items()))
        print(f"| {rate:.0%} | {total.quotes:,} | {total.intact:,} | {total.exact_for_intact:.2%} | "
              f"{total.misplaced} ({total.misplaced_share:.2%}) | {total.silently_misplaced} | "
              f"{total.orphaned:,} ({total.orphaned / total.quotes:.1%}) | {total.gone} | {states} | "
              f"{statistics.median(walls):.2f} s / {statistics.median(cpus):.2f} s |")

    print("\nThe five sample articles, 40 quotes each per seed")
    print("| edit rate | quotes | exact for intact | misplaced | orphaned |")
    print("|---|---|---|---|---|")
    for rate in EDIT_RATES:
        total = run_sample_articles(rate, seeds)
        print(f"| {rate:.0%} | {total.quotes:,} | {total.exact_for_intact:.2%} ({total.intact_exact}/{total.intact}) "
              f"| {total.misplaced} ({total.misplaced_share:.2%}) | {total.orphaned} ({total.orphaned / total.quotes:.1%}) |")

    from benchmarks import adversarial_reanchor, labelled_revisions

    print(f"\nAdversarial revisions ({adversarial_reanchor.__doc__.splitlines()[0]}), seeds {list(seeds)}")
    print(adversarial_reanchor.table(adversarial_reanchor.run(seeds=tuple(seeds))))
    outcomes = labelled_revisions.run_through_app(labelled_revisions.load_pairs())
    print(f"\nLabelled revision pairs (tests/data/revisions), {len(outcomes)} spans")
    print(labelled_revisions.report(outcomes))

    print(f"\nFactBase.import_revision with {SPANS_FOR_TIMING:,} evidence rows on one source (median of 3)")
    print("| edit rate | whole import | reading + placing | write transaction |")
    print("|---|---|---|---|")
    for rate in EDIT_RATES:
        runs = [time_import_revision(seed, rate, words=words, spans=SPANS_FOR_TIMING) for seed in seeds[:3]]
        print(f"| {rate:.0%} | {statistics.median(r.seconds for r in runs):.2f} s "
              f"| {statistics.median(r.placing_seconds for r in runs):.2f} s "
              f"| {statistics.median(r.writing_seconds for r in runs):.2f} s |")
    print(f"\nload average after: {_load_average()}")
    return 0


def _load_average() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
