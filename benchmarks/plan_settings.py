"""How a PostgreSQL fact base's statements are planned, measured both ways:
`python -m benchmarks.plan_settings --level 100k [--load-level 10k] [--runs 3]`.

Two settings, taking turns on one server (tests/postgresql_server.py) so that both see the same load:

* `default`: psycopg prepares a statement at its sixth run on a connection, and write
  transactions leave the server its own choice (five custom plans, then a generic one when it
  estimates it no dearer);
* `kept` (what kzeu_desk uses, storage/postgresql/connecting.py and transactions.py): statements
  prepared at their second run, generic plans in write transactions.

Timed for each: the bulk load (`kzeu-desk load` of the cached base of `--load-level` into a new
database: checks, COPY, id counters, conflict re-check, search index), the full conflict re-scan
of the `--level` base copied onto the server, and the first 15 edits after opening, as
benchmarks/engines.py times them (their median). Each with the server's CPU time (its
processes' utime + stime in /proc, in clock ticks of 10 ms: planning shows there whatever the
machine's load, where wall times on a shared machine drown it); medians of `--runs`. Prints a Markdown table for
docs/PERFORMANCE.md ("PostgreSQL").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.generate import cached_fact_base, parse_size, size_label

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SETTINGS = {"default": (None, None), "kept": (1, "force_generic_plan")}
EDITS = 15  # as many as benchmarks/engines.py times after opening (5 runs x 3)


@contextmanager
def planned(setting: str) -> Iterator[None]:
    """The storage layer's two plan settings as `setting` names them, for connections made inside."""
    from kzeu_desk.core.storage.postgresql import connecting, transactions

    kept = connecting.PREPARE_THRESHOLD, transactions.WRITE_PLANS
    threshold, plans = SETTINGS[setting]
    connecting.PREPARE_THRESHOLD = 5 if threshold is None else threshold  # psycopg's default
    transactions.WRITE_PLANS = plans
    try:
        yield
    finally:
        connecting.PREPARE_THRESHOLD, transactions.WRITE_PLANS = kept


def _server_cpu(fb: object) -> float:
    """CPU seconds the server's processes serving this workspace have used so far (utime + stime
    of each backend in /proc; the server runs on this machine): what planning costs shows here
    whatever the load, where wall times on a shared machine drown it."""
    import os

    from sqlalchemy import text

    with fb.reading() as conn:  # type: ignore[attr-defined]
        pids = conn.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                                 "AND application_name = 'kzeu_desk'")).scalars().all()
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _edits(url: str) -> tuple[float, float]:
    """Median seconds of the first EDITS edits of one money fact after opening (a fresh pool), and
    the server's CPU seconds per edit."""
    from sqlalchemy import text

    from kzeu_desk.core.service import FactBase
    from kzeu_desk.core.typed_value import TypedValue, ValueKind

    seconds = []
    with FactBase.open(url, actor="benchmark") as fb:
        with fb.reading() as conn:
            fact_id = conn.execute(text("SELECT id FROM fact WHERE value_kind = 'money' ORDER BY id LIMIT 1 "
                                        "OFFSET 500")).scalar_one()
        server_before = _server_cpu(fb)
        for number in range(EDITS):
            started = time.perf_counter()
            with fb.reading() as conn:
                version = conn.execute(text("SELECT version FROM fact WHERE id = :id"), {"id": fact_id}).scalar_one()
            fb.update_fact(fact_id, version, value=TypedValue(ValueKind.MONEY, amount=2000.0 + number, unit="EUR"))
            seconds.append(time.perf_counter() - started)
        server = (_server_cpu(fb) - server_before) / EDITS
    return statistics.median(seconds), server


def _rescan(url: str) -> tuple[float, float]:
    """Wall seconds of a full conflict re-scan, and the server's CPU seconds for it."""
    from kzeu_desk.core.service import FactBase

    with FactBase.open(url, actor="benchmark") as fb:
        before, started = _server_cpu(fb), time.perf_counter()
        fb.rescan_conflicts()
        return time.perf_counter() - started, _server_cpu(fb) - before


def _load(url: str, exported: Path) -> tuple[float, float]:
    """Wall seconds of loading `exported` into the new fact base at `url`, and the server's CPU."""
    from kzeu_desk.core.loading import load_jsonl
    from kzeu_desk.core.service import FactBase

    with FactBase.open(url, actor="benchmark") as fb:
        before, started = _server_cpu(fb), time.perf_counter()
        load_jsonl(fb, exported, backup=False)
        return time.perf_counter() - started, _server_cpu(fb) - before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.plan_settings")
    parser.add_argument("--level", default="100k", help="the base copied onto the server for re-scans and edits")
    parser.add_argument("--load-level", default="10k", help="the base exported and loaded in the bulk load")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(PROJECT_ROOT / "tests"))
    from postgresql_server import PostgresServer

    from kzeu_desk.core import storage
    from kzeu_desk.core.export import export

    base, small = cached_fact_base(parse_size(args.level)), cached_fact_base(parse_size(args.load_level))
    samples: dict[str, dict[str, list[tuple[float, float]]]] = {s: {"load": [], "rescan": [], "edit": []}
                                                                 for s in SETTINGS}
    server = PostgresServer()
    try:
        with tempfile.TemporaryDirectory() as folder:
            exported = Path(folder) / "load.jsonl"
            export(small.path, "jsonl", exported)
            url = server.url(server.create_database())
            started = time.perf_counter()
            storage.copy_fact_base(base.path, url)
            print(f"{size_label(base.facts)} base copied onto the server in {time.perf_counter() - started:.0f} s",
                  flush=True)
            for run in range(args.runs):
                for setting in SETTINGS:
                    with planned(setting):
                        target = server.url(server.create_database())
                        samples[setting]["load"].append(_load(target, exported))
                        server.drop_database(target.split("/")[3].split("?")[0])
                        samples[setting]["rescan"].append(_rescan(url))
                        samples[setting]["edit"].append(_edits(url))
                print(f"run {run + 1}: " + "; ".join(
                    f"{s} load {samples[s]['load'][-1][0]:.1f} s (server {samples[s]['load'][-1][1]:.2f} s), "
                    f"re-scan {samples[s]['rescan'][-1][0]:.2f} s (server {samples[s]['rescan'][-1][1]:.2f} s), "
                    f"edit {samples[s]['edit'][-1][0] * 1000:.1f} ms (server {samples[s]['edit'][-1][1] * 1000:.2f} ms)"
                    for s in SETTINGS), flush=True)
    finally:
        server.stop()
    print(f"\n| {size_label(small.facts)} load, {size_label(base.facts)} re-scan and edits | "
          + " | ".join(SETTINGS) + " |")
    print("| --- |" + " --- |" * len(SETTINGS))
    for name, label in (("load", f"bulk load of {size_label(small.facts)} facts, wall (server CPU)"),
                        ("rescan", "full conflict re-scan, wall (server CPU)"), ("edit", f"median of the first {EDITS} edits (server CPU per edit)")):
        cells = []
        for setting in SETTINGS:
            wall = statistics.median(w for w, _ in samples[setting][name])
            cpu = statistics.median(c for _, c in samples[setting][name])
            cells.append(f"{wall * 1000:.1f} ms ({cpu * 1000:.2f} ms)" if name == "edit" else f"{wall:.2f} s ({cpu:.2f} s)")
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
