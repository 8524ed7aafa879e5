"""The benchmark harness: `python -m benchmarks --levels 10k,100k` (what `make bench` runs).

Builds or reuses the cached synthetic fact bases, measures every metric of docs/PERFORMANCE.md
beside its raw-SQLite floor, and writes benchmarks/results.json and the table in the doc.
Nothing here asserts a target: the table says which are met.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import core_metrics, report, startup, timing
from benchmarks.isolation import DidNotFinish
from benchmarks.generate import DATA_DIR, DEFAULT_SEED, GeneratedBase, cached_fact_base, parse_size, size_label
from benchmarks.targets import Measurement

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PARTS = ("startup", "edit", "conflicts", "exports", "load", "gui", "memory", "stalls")


def log(message: str) -> None:
    print(message, flush=True)


def _gui_probe(base: GeneratedBase, part: str, runs: int, timeout: float) -> dict:
    arguments = [sys.executable, "-m", "benchmarks.gui_probe", "--db", str(base.path), "--part", part,
                 "--long-source", str(base.long_source_id), "--runs", str(runs),
                 "--words", ",".join(base.search_words[:4])]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
                   "KZEU_DESK_DATA_DIR": tempfile.mkdtemp(prefix="kzeu-bench-gui-")}
    try:
        completed = subprocess.run(arguments, cwd=PROJECT_ROOT, env=environment, capture_output=True, text=True,
                                   timeout=timeout)
    except subprocess.TimeoutExpired:
        raise DidNotFinish(timeout) from None
    finally:
        shutil.rmtree(environment["KZEU_DESK_DATA_DIR"], ignore_errors=True)
    if completed.returncode != 0:
        raise RuntimeError(f"gui probe exited {completed.returncode}: {completed.stderr[-1500:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _failure(problem: Exception) -> str:
    return str(problem) if isinstance(problem, DidNotFinish) else f"failed: {str(problem)[-300:]}"


def measure_workspace(base: GeneratedBase, runs: int, timeout: float) -> list[Measurement]:
    """Opening the whole window."""
    level = size_label(base.facts)
    try:
        found = _gui_probe(base, "workspace", runs, timeout)
        return [Measurement("workspace.open", level, found["workspace.open"],
                            note="create_main_window + show + first full paint, modules imported")]
    except (RuntimeError, DidNotFinish) as problem:
        return [Measurement("workspace.open", level, unavailable=_failure(problem))]


def measure_views(base: GeneratedBase, runs: int, timeout: float) -> list[Measurement]:
    level = size_label(base.facts)
    try:
        found = _gui_probe(base, "views", runs, timeout)
    except (RuntimeError, DidNotFinish) as problem:
        return [Measurement(key, level, unavailable=_failure(problem))
                for key in ("table.scroll_repaint", "search.keystroke", "source.open", "source.repaint")]
    screen = f"{found['rows_on_screen']} rows on screen"
    table_floor_what = f"sqlite3: one screen ({screen}) by keyset, with names and counts"
    keystrokes = found["search.keystroke"]
    return [
        Measurement("table.scroll_repaint", level, found["table.scroll_repaint"], floor=found["table.floor"],
                    floor_what=table_floor_what,
                    note=f"{screen}; pages fetched on the way included; the same strings in a C++ "
                         f"QStandardItemModel repaint in {found['table.qt_floor'] * 1000:.1f} ms (Qt's own floor)"),
        Measurement("table.jump_repaint", level, found["table.jump_repaint"], floor=found["table.floor"],
                    floor_what=table_floor_what, note="the first jump builds the page boundaries"),
        Measurement("search.keystroke", level, keystrokes, floor=found["search.floor"],
                    floor_what="sqlite3: FTS5 count + first 256 matching ids for the same expression",
                    note=f"{len(keystrokes)} keystrokes typing {', '.join(base.search_words[:4])}"),
        Measurement("search.keystroke_worst", level, [max(keystrokes)] if keystrokes else []),
        Measurement("source.open", level, found["source.open"], floor=found["source.floor"],
                    floor_what="sqlite3: the source row and its evidence spans",
                    note=f"{found['characters']:,} characters, {found['highlights']:,} highlights"),
        Measurement("source.repaint", level, found["source.repaint"],
                    note=f"{found['characters']:,} characters, {found['highlights']:,} highlights"),
    ]


def measure_memory(base: GeneratedBase, timeout: float) -> Measurement:
    level = size_label(base.facts)
    try:
        found = _gui_probe(base, "memory", 1, timeout)
    except (RuntimeError, DidNotFinish) as problem:
        return Measurement("memory.peak", level, unavailable=_failure(problem))
    return Measurement("memory.peak", level, [found["memory.peak_mb"]],
                       note=f"peak RSS of the whole GUI process; {found['memory.after_open_mb']:.0f} MB right "
                            "after opening, then 200 screens scrolled, 4 jumps, 3 searches, the 1 MB source shown")


def measure_stalls(base: GeneratedBase, timeout: float) -> list[Measurement]:
    """The window's longest stall during each long action (`benchmarks/stall_probe.py`), in a
    process of its own on a copy of the base; the note gives how long the action took."""
    from benchmarks.targets import STALL_ACTIONS

    level = size_label(base.facts)
    arguments = [sys.executable, "-m", "benchmarks.stall_probe", "--db", str(base.path),
                 "--long-source", str(base.long_source_id)]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
                   "KZEU_DESK_DATA_DIR": tempfile.mkdtemp(prefix="kzeu-bench-stall-")}
    try:
        completed = subprocess.run(arguments, cwd=PROJECT_ROOT, env=environment, capture_output=True, text=True,
                                   timeout=timeout * len(STALL_ACTIONS))
        if completed.returncode != 0:
            raise RuntimeError(f"stall probe exited {completed.returncode}: {completed.stderr[-1500:]}")
        found = json.loads(completed.stdout.strip().splitlines()[-1])
    except subprocess.TimeoutExpired:
        return [Measurement(f"stall.{action}", level, unavailable=str(DidNotFinish(timeout * len(STALL_ACTIONS))))
                for action in STALL_ACTIONS]
    except RuntimeError as problem:
        return [Measurement(f"stall.{action}", level, unavailable=_failure(problem)) for action in STALL_ACTIONS]
    finally:
        shutil.rmtree(environment["KZEU_DESK_DATA_DIR"], ignore_errors=True)
    return [Measurement(f"stall.{action}", level, [stall["longest_gap"]], note=_stall_note(stall))
            for action, stall in found.items()]


def _stall_note(stall: dict) -> str:
    """What the gap was made of: on a shared machine most of it can be the GUI thread waiting for a CPU."""
    note = f"the action took {stall['duration']:.2f} s"
    if "gap_cpu" in stall:
        note += (f"; in the gap the GUI thread ran {stall['gap_cpu'] * 1000:.0f} ms and waited for a CPU "
                 f"{stall.get('gap_waiting_for_a_cpu', 0) * 1000:.0f} ms, load average {stall['load'][0]:.1f}")
    return note


def measure_startup(data_dir: Path, runs: int) -> list[Measurement]:
    database = startup.sample_fact_base(data_dir)
    found = startup.measure_startup(database, runs)
    results = []
    for key, metric in (("first_window", "startup.first_window"), ("workspace_attached", "startup.workspace_attached"),
                        ("hook_first_window", "startup.hook_first_window"),
                        ("smoke_end_to_end", "startup.smoke_end_to_end")):
        values = found[key]
        if isinstance(values, str):
            results.append(Measurement(metric, "sample", unavailable=values))
        else:
            results.append(Measurement(metric, "sample", values, note="fresh process per run, offscreen"))
    return results


def run(levels: list[int], runs: int, data_dir: Path, parts: set[str], deadline: float,
        save: Callable[[list[Measurement]], None]) -> list[Measurement]:
    """Measure every level; `save` gets what is measured so far after each, so a stopped run keeps it."""
    measurements: list[Measurement] = []
    work_dir = data_dir / "work"
    if "startup" in parts:
        log("cold start (sample fact base)")
        measurements += measure_startup(data_dir, runs)
        save(measurements)
    for facts in levels:
        label = size_label(facts)
        started = time.perf_counter()
        base = cached_fact_base(facts, DEFAULT_SEED, data_dir, log)
        log(f"{label}: {base.path.name}")
        # Fewer repetitions where one run takes long; medians still, never single best runs.
        level_runs = runs if facts < 500_000 else max(1, min(runs, 3))
        if "edit" in parts:
            measurements += core_metrics.measure_edit(base, work_dir, level_runs, log)
        if "conflicts" in parts:
            measurements += core_metrics.measure_conflicts(base, work_dir, level_runs, deadline, log)
        jsonl = None
        if "exports" in parts or "load" in parts:
            formats = core_metrics.ALL_FORMATS if "exports" in parts else ("jsonl",)  # the load reads it back
            exports, jsonl = core_metrics.measure_exports(base, work_dir, level_runs, deadline, log, formats)
            if "exports" in parts:
                measurements += exports
        if "load" in parts:
            measurements += core_metrics.measure_load(base, jsonl, work_dir, level_runs, deadline, log)
        if jsonl is not None:
            jsonl.unlink(missing_ok=True)
        if "gui" in parts:
            gui = measure_workspace(base, level_runs, timeout=deadline) + measure_views(base, level_runs, deadline)
            for m in gui:
                shown = f"{m.shown_median:.1f} {m.target.unit}" if m.median is not None else m.unavailable
                log(f"  {m.metric}: {shown}")
            measurements += gui
        if "stalls" in parts:
            stalls = measure_stalls(base, timeout=deadline)
            for m in stalls:
                log(f"  {m.metric}: {m.shown_median:.0f} ms" if m.median is not None else f"  {m.metric}: {m.unavailable}")
            measurements += stalls
        if "memory" in parts:
            memory = measure_memory(base, timeout=deadline)
            log(f"  memory.peak: {memory.median or memory.unavailable}")
            measurements.append(memory)
        log(f"{label} done in {time.perf_counter() - started:.0f} s")
        save(measurements)
    shutil.rmtree(work_dir, ignore_errors=True)
    return measurements


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="10k,100k", help="fact counts, e.g. 10k,100k,1M")
    parser.add_argument("--runs", type=int, default=5, help="repetitions per metric (fewer at 1M)")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="where generated fact bases are cached")
    parser.add_argument("--results", type=Path, default=Path(__file__).resolve().parent / "results.json")
    parser.add_argument("--doc", type=Path, default=PROJECT_ROOT / "docs" / "PERFORMANCE.md")
    parser.add_argument("--only", default=",".join(PARTS), help=f"comma-separated subset of {', '.join(PARTS)}")
    parser.add_argument("--deadline", type=float, default=300, help="seconds before one measurement is stopped")
    parser.add_argument("--quick", action="store_true",
                        help="3 runs, a third of the time per metric, 90 s deadline (what `make bench` uses)")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.deadline = min(args.runs, 3), min(args.deadline, 90)
        timing.budget_scale = 1 / 3
    levels = [parse_size(level) for level in args.levels.split(",") if level]
    parts = {part.strip() for part in args.only.split(",") if part.strip()}
    unknown = parts - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("KZEU_DESK_DATA_DIR", tempfile.mkdtemp(prefix="kzeu-bench-"))
    run_levels = [size_label(level) for level in levels] + (["sample"] if "startup" in parts else [])
    previous = report.load(args.results)

    def save(fresh: list[Measurement]) -> None:
        merged = report.merge(previous, fresh)
        report.write_results(args.results, merged, {"levels_run": run_levels, "runs": args.runs})
        report.write_table(args.doc, merged, _table_note())

    run(levels, args.runs, args.data_dir, parts, args.deadline, save)
    log(f"wrote {args.results} and the table in {args.doc}")
    return 0


def _table_note() -> str:
    machine = report.machine()
    return (f"Medians of several runs (fewer at 1M). Python {machine['python']}, SQLite {machine['sqlite']}, "
            f"{machine['cpus']} CPUs, Qt offscreen; last written {time.strftime('%Y-%m-%d')}. "
            "Ratio = measured ÷ the same work through raw sqlite3 in the same run. "
            "Status is judged where the issue sets the target: at 1M for open, table, search, re-scan, load, "
            "exports and memory; at every level for the rest. Rows at other levels say \"info\".")


if __name__ == "__main__":
    sys.exit(main())
