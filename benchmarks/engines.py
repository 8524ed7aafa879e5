"""The same work on SQLite and on PostgreSQL: `python -m benchmarks.engines --level 100k`.

Takes the cached synthetic fact base of that size (benchmarks/generate.py), copies it onto a
PostgreSQL server started for the run (tests/postgresql_server.py: Debian's binaries, a
temporary folder, a unix socket), and times on both engines what a curator waits for: opening,
one edit (a whole service action: transaction, audit, conflict re-check, search index), the
facts table's first page under a search and a status filter with its count, and a page deep
in a sort. Medians of several runs; the server runs with fsync off as the tests' does, so its
commits are cheaper than a production server's (SQLite here syncs every commit).
Prints a Markdown table for docs/PERFORMANCE.md (section "PostgreSQL").
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from benchmarks.generate import cached_fact_base, parse_size, size_label
from benchmarks.timing import repeat, timed

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _measure(location: object, search_word: str, runs: int) -> dict[str, float]:
    from sqlalchemy import text

    from kzeu_desk.core import fact_listing
    from kzeu_desk.core.fact_listing import ListingSpec, SortColumn
    from kzeu_desk.core.service import FactBase
    from kzeu_desk.core.typed_value import TypedValue, ValueKind

    results: dict[str, float] = {}
    results["open"] = repeat(lambda: FactBase.open(location, actor="benchmark").close(), runs=runs,
                             budget_seconds=30).median
    with FactBase.open(location, actor="benchmark") as fb:
        with fb.reading() as conn:
            fact_id = conn.execute(text("SELECT id FROM fact WHERE value_kind = 'money' ORDER BY id LIMIT 1 OFFSET 500")
                                   ).scalar_one()
        state = {"amount": 1000.0}

        def edit() -> None:
            with fb.reading() as conn:
                version = conn.execute(text("SELECT version FROM fact WHERE id = :id"), {"id": fact_id}).scalar_one()
            state["amount"] += 1
            fb.update_fact(fact_id, version, value=TypedValue(ValueKind.MONEY, amount=state["amount"], unit="EUR"))

        results["edit"] = repeat(edit, runs=runs * 3, budget_seconds=30).median
        searched = ListingSpec(search_text=search_word, status="draft", sort=SortColumn.UPDATED, descending=True)

        def filter_page() -> None:
            with fb.reading() as conn:
                fact_listing.count_at_most(conn, searched)
                fact_listing.page_after(conn, searched, None, 100)

        results["filter"] = repeat(filter_page, runs=runs * 3, budget_seconds=30).median
        by_value = ListingSpec(sort=SortColumn.VALUE)

        def deep_page() -> None:
            with fb.reading() as conn:
                boundaries = fact_listing.page_boundaries(conn, by_value, 256)
                fact_listing.page_after(conn, by_value, boundaries[len(boundaries) // 2], 256)

        results["deep page"] = repeat(deep_page, runs=runs, budget_seconds=30).median
    return results


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
        word = base.search_words[0]
        sqlite = _measure(base.path, word, args.runs)
        postgresql = _measure(url, word, args.runs)
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
