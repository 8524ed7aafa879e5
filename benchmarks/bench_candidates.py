"""How long finding a source's candidates takes (the Candidates pane, on a worker thread) and how
long a Ctrl+N suggestion takes (on the GUI thread), on text built from the labelled snippets of
tests/data/value_suggestions/ (English, Russian and Kazakh news sentences).

    python -m benchmarks.bench_candidates            # figures for docs/VALUE_SUGGESTIONS.md
    python -m benchmarks.bench_candidates --quick
    python -m benchmarks.bench_candidates --cpu 5    # CPU of finding them: 1 MB sources and a corpus article

The machine's 2 cores are shared, so `--cpu` counts the process's CPU time, not the time on the clock.
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


def long_source() -> str:
    """The benchmark generator's long source (~1 MB of synthetic wire reports, `synthetic.LONG_SOURCE_CHARACTERS`),
    built as `benchmarks.generate` builds it for 10k facts, without a fact base's starter vocabulary."""
    from benchmarks.generate import DEFAULT_SEED
    from benchmarks.synthetic import LONG_SOURCE_HIGHLIGHTS, StartingIds, generate_rows

    rows = generate_rows(LONG_SOURCE_HIGHLIGHTS, DEFAULT_SEED, StartingIds(), [], {})
    return next(row[7] for row in rows.rows["source"] if row[0] == rows.long_source_id)


def corpus_article() -> str:
    """The longest article of the sample corpus (El.kz on the Ministry of Foreign Affairs, 5,200 characters)."""
    return (PROJECT_ROOT / "resources" / "corpus" / "kz_mfa_european_track.txt").read_text(encoding="utf-8")


def cpu_seconds(runs: int, work) -> list[float]:  # noqa: ANN001 - any callable
    """The process's CPU time of each run (the other engineers' jobs on the 2 cores do not count in it), each with
    the scanner's memory of the last sentences emptied (an article's 40 sentences would all be remembered from
    the run before), and the words' readings too where they are kept."""
    from kzeu_desk.core.value_parsing import ordinal_words, spelled_ordinals
    from kzeu_desk.core.value_parsing.scanning import _scan_remembered

    remembered = [_scan_remembered, *(function for function in (getattr(ordinal_words, "spelled_ordinal", None),
                                                               getattr(spelled_ordinals, "_cardinal", None))
                                      if hasattr(function, "cache_clear"))]
    timings = []
    for _ in range(runs):
        for function in remembered:
            function.cache_clear()
        started = time.process_time()
        work()
        timings.append(time.process_time() - started)
    return timings


def cpu_table(runs: int, *, article_only: bool = False) -> None:
    published = "2024-02-15"
    texts = (("corpus article", corpus_article()),) if article_only else (
        ("the generator's long source", long_source()), ("labelled snippets, 1 MB", article(1_000_000)),
        ("corpus article", corpus_article()))
    print("| text | characters | candidates | CPU, fastest | CPU, median | runs |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, body in texts:
        found = find_values(body, published)
        timings = cpu_seconds(runs, lambda body=body: find_values(body, published))
        print(f"| {name} | {len(body):,} | {len(found):,} | {min(timings):.3f} s | {statistics.median(timings):.3f} s "
              f"| {runs} |")


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
    parser.add_argument("--cpu", type=int, metavar="RUNS", help="only the CPU of finding the candidates, RUNS runs")
    parser.add_argument("--article", action="store_true", help="with --cpu: the corpus article only")
    args = parser.parse_args(argv)
    if args.cpu:
        cpu_table(args.cpu, article_only=args.article)
        return
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
