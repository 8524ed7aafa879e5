"""How long finding a source's candidates takes (the Candidates pane, on a worker thread) and how
long a Ctrl+N suggestion takes (on the GUI thread), on text built from the labelled snippets of
tests/data/value_suggestions/ (English, Russian and Kazakh news sentences).

    python -m benchmarks.bench_candidates            # figures for docs/VALUE_SUGGESTIONS.md
    python -m benchmarks.bench_candidates --quick
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from kzeu_desk.core.value_candidates import SourceMarks, find_values, with_status
from kzeu_desk.core.value_parsing import suggest
from kzeu_desk.core.value_parsing.sentences import sentence_spans

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _snippets() -> list:
    sys.path.insert(0, str(PROJECT_ROOT / "tests"))
    from value_suggestion_set import PARTS, load  # the labelled set's reader

    return [record for part in PARTS for record in load(part)]


def article(characters: int) -> str:
    """Paragraphs of four snippet texts each, repeated up to `characters`."""
    texts = list(dict.fromkeys(record.text for record in _snippets()))
    paragraphs = [" ".join(texts[i:i + 4]) for i in range(0, len(texts), 4)]
    body: list[str] = []
    while sum(len(p) + 1 for p in body) < characters:
        body.extend(paragraphs)
    return "\n".join(body)[:characters]


def best_of(runs: int, work) -> float:  # noqa: ANN001 - any callable
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else 3
    sizes = (10_000, 50_000) if args.quick else (10_000, 50_000, 200_000)
    print("| article | sentences | candidates | finding (worker thread) | per sentence | statuses (GUI thread) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for size in sizes:
        body = article(size)
        found = find_values(body, "2024-02-15")
        finding = best_of(runs, lambda body=body: find_values(body, "2024-02-15"))
        statuses = best_of(runs, lambda body=body, found=found: with_status(found, body, SourceMarks((), ())))
        sentences = len(sentence_spans(body))
        print(f"| {size:,} characters | {sentences:,} | {len(found):,} | {finding * 1000:,.0f} ms | "
              f"{finding / sentences * 1000:.2f} ms | {statuses * 1000:.1f} ms |")
    records = _snippets()
    timings = []
    for record in records:
        started = time.perf_counter()
        suggest(record.span, published=record.published)
        timings.append(time.perf_counter() - started)
    timings.sort()
    print(f"\nCtrl+N suggestion over {len(records)} highlights: median {statistics.median(timings) * 1000:.2f} ms, "
          f"slowest {timings[-1] * 1000:.2f} ms (on the GUI thread).")


if __name__ == "__main__":
    main(sys.argv[1:])
