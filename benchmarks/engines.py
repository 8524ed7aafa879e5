"""The same work on SQLite and on PostgreSQL: `python -m benchmarks.engines --level 100k`.

Takes the cached synthetic fact base of that size (benchmarks/generate.py), copies it onto a
PostgreSQL server started for the run (tests/postgresql_server.py: Debian's binaries, a
temporary folder, a unix socket), and times on both engines what a curator waits for: opening,
one edit (a whole service action: transaction, audit, conflict re-check, search index), the
facts table's first page under a search and a status filter with its count, and a page deep
in a sort. Medians of several runs, the two engines taking turns (one timing each) so that
both see the same load on a shared machine; the server runs with fsync off as the tests' does, so its
commits are cheaper than a production server's (SQLite here syncs every commit).
Prints a Markdown table for docs/PERFORMANCE.md (section "PostgreSQL").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from benchmarks.generate import cached_fact_base, parse_size, size_label
from benchmarks.timing import timed

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _operations(location: object, search_word: str, stack: ExitStack) -> dict[str, Callable[[], object]]:
    """What is timed on one engine, by name; the fact base stays open in `stack`."""
    from sqlalchemy import text

    from kzeu_desk.core import fact_listing
    from kzeu_desk.core.fact_listing import ListingSpec, SortColumn
    from kzeu_desk.core.service import FactBase
    from kzeu_desk.core.typed_value import TypedValue, ValueKind

    fb = stack.enter_context(FactBase.open(location, actor="benchmark"))
    with fb.reading() as conn:
        fact_id = conn.execute(text("SELECT id FROM fact WHERE value_kind = 'money' ORDER BY id LIMIT 1 OFFSET 500")
                               ).scalar_one()
    state = {"amount": 1000.0}

    def edit() -> None:
        with fb.reading() as conn:
            version = conn.execute(text("SELECT version FROM fact WHERE id = :id"), {"id": fact_id}).scalar_one()
        state["amount"] += 1
        fb.update_fact(fact_id, version, value=TypedValue(ValueKind.MONEY, amount=state["amount"], unit="EUR"))

    searched = ListingSpec(search_text=search_word, status="draft", sort=SortColumn.UPDATED, descending=True)

    def filter_page() -> None:
        with fb.reading() as conn:
            fact_listing.count_at_most(conn, searched)
            fact_listing.page_after(conn, searched, None, 100)

    by_value = ListingSpec(sort=SortColumn.VALUE)

    def deep_page() -> None:
        with fb.reading() as conn:
            boundaries = fact_listing.page_boundaries(conn, by_value, 256)
            fact_listing.page_after(conn, by_value, boundaries[len(boundaries) // 2], 256)

    return {"edit": edit, "filter": filter_page, "deep page": deep_page}


# Timings per run of each operation (times --runs); each engine gets the same number.
_RUNS = {"edit": 3, "filter": 3, "deep page": 1}


def _measure(locations: dict[str, object], search_word: str, runs: int) -> dict[str, dict[str, float]]:
    """Median seconds per engine and operation. The engines take turns, one timing each, so a
    change in the machine's load (other work on a shared machine) falls on both alike: timed one
    engine after the other, a quiet minute for one and a busy one for the other moved the ratio
    of the same code 2-3x between runs."""
    from kzeu_desk.core.service import FactBase

    def opening(location: object) -> Callable[[], object]:
        return lambda: FactBase.open(location, actor="benchmark").close()

    # Opening is timed first, while no other workspace holds the fact base open.
    medians = {engine: {"open": seconds}
               for engine, seconds in _taking_turns({e: opening(where) for e, where in locations.items()}, runs).items()}
    with ExitStack() as stack:
        operations = {engine: _operations(location, search_word, stack) for engine, location in locations.items()}
        for name, per_run in _RUNS.items():
            turns = _taking_turns({engine: operations[engine][name] for engine in locations}, runs * per_run)
            for engine, seconds in turns.items():
                medians[engine][name] = seconds
    return medians


def _taking_turns(operations: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Median seconds of each engine's operation, timed `runs` times, the engines alternating."""
    samples: dict[str, list[float]] = {engine: [] for engine in operations}
    for _ in range(runs):
        for engine, operation in operations.items():
            samples[engine].append(timed(operation))
    return {engine: statistics.median(seconds) for engine, seconds in samples.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.engines")
    parser.add_argument("--level", default="100k")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(PROJECT_ROOT / "tests"))
    from postgresql_server import PostgresServer

    from kzeu_desk.core import storage

    base = cached_fact_base(parse_size(args.level))
    server = PostgresServer()
    try:
        url = server.url(server.create_database())
        copy_seconds = timed(lambda: storage.copy_fact_base(base.path, url))
        with tempfile.TemporaryDirectory() as folder:
            back = Path(folder) / "back.sqlite"
            back_seconds = timed(lambda: storage.copy_fact_base(url, back))
        measured = _measure({"sqlite": base.path, "postgresql": url}, base.search_words[0], args.runs)
        sqlite, postgresql = measured["sqlite"], measured["postgresql"]
    finally:
        server.stop()
    print(f"\n{size_label(base.facts)} facts; copy SQLite → PostgreSQL {copy_seconds:.1f} s, back {back_seconds:.1f} s\n")
    print("| operation | SQLite | PostgreSQL | ratio |")
    print("| --- | --- | --- | --- |")
    for name in sqlite:
        ratio = postgresql[name] / sqlite[name] if sqlite[name] else float("nan")
        print(f"| {name} | {sqlite[name] * 1000:.1f} ms | {postgresql[name] * 1000:.1f} ms | {ratio:.2f}× |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
