"""Measurements without a window: a curator's edit, conflict checks, exports and the bulk load.

Each is measured on a scratch copy of the cached fact base (writes never touch the cache), beside
the same work done through raw sqlite3 on the same machine in the same run (the floor).
Operations that can take minutes before they are fixed run in a child with a deadline.
"""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import GeneratedBase, empty_fact_base, insert_with_core, insert_with_raw_sqlite, \
    remove_database, size_label, synthetic_rows_for
from benchmarks.isolation import DidNotFinish, FailedInChild, run_with_deadline
from benchmarks.targets import Measurement
from benchmarks.timing import repeat, timed

Log = Callable[[str], None]


class _RollBack(Exception):
    """Leaves a measured transaction without trace."""


def scratch_copy(base: GeneratedBase, work_dir: Path, name: str) -> Path:
    work_dir.mkdir(parents=True, exist_ok=True)
    target = work_dir / f"{name}-{size_label(base.facts)}.sqlite"
    remove_database(target)
    shutil.copyfile(base.path, target)
    return target


def _unavailable(metric: str, level: str, reason: str) -> Measurement:
    return Measurement(metric, level, unavailable=reason)


def _guarded(metric: str, level: str, deadline: float, work: Callable[[], Measurement]) -> Measurement:
    try:
        return run_with_deadline(work, deadline)
    except DidNotFinish as stopped:
        return _unavailable(metric, level, str(stopped))
    except FailedInChild as failure:
        return _unavailable(metric, level, "failed: " + str(failure).strip().splitlines()[-1])


# -- one curator edit --------------------------------------------------------------------------


def _edit_target(conn: sqlite3.Connection, base: GeneratedBase) -> tuple[int, int, int]:
    """A numeric fact in a key with a value conflict: (fact id, subject id, property id)."""
    for subject_id, property_id in base.conflicting_keys:
        row = conn.execute(
            "SELECT id FROM fact WHERE subject_id = ? AND property_id = ? AND value_amount IS NOT NULL "
            "AND status <> 'rejected' AND rank <> 'deprecated' ORDER BY id LIMIT 1",
            (subject_id, property_id)).fetchone()
        if row:
            return row[0], subject_id, property_id
    row = conn.execute("SELECT id, subject_id, property_id FROM fact WHERE value_amount IS NOT NULL "
                       "AND subject_id IS NOT NULL ORDER BY id LIMIT 1").fetchone()
    return row[0], row[1], row[2]


def measure_edit(base: GeneratedBase, work_dir: Path, runs: int, log: Log) -> list[Measurement]:
    from kzeu_desk.core.queries import fact_row
    from kzeu_desk.core.service import FactBase

    level = size_label(base.facts)
    path = scratch_copy(base, work_dir, "edit")
    connection = sqlite3.connect(path)
    fact_id, _subject_id, _property_id = _edit_target(connection, base)
    connection.close()
    with FactBase.open(path, actor="benchmark") as fact_base:
        with fact_base.reading() as conn:
            original = fact_row(conn, fact_id).value
        state = {"version": 0, "flip": False}

        def read_version() -> None:
            with fact_base.reading() as conn:
                state["version"] = fact_row(conn, fact_id).version
            state["flip"] = not state["flip"]

        def edit() -> None:
            # A curator corrects the amount (as a typo fix would), back and forth.
            amount = original.amount * (1.01 if state["flip"] else 1.0)
            fact_base.update_fact(fact_id, state["version"], value=original.with_changes(amount=amount),
                                  label="Edit value")

        sample = repeat(edit, runs=runs * 6, budget_seconds=20, before_each=read_version)
    results = [Measurement("edit.end_to_end", level, sample.seconds,
                           note=f"value edit of fact {fact_id}, whose key has a value conflict")]
    floor = _raw_edit_floor(path, fact_id, runs * 6)
    for measurement in results:
        measurement.floor = floor
        measurement.floor_what = "sqlite3: BEGIN IMMEDIATE, operation + UPDATE fact + audit row, COMMIT (WAL, synchronous=FULL)"
    remove_database(path)
    log(f"  edit: {_ms(results[0].median)} (floor {_ms(floor)})")
    return results


def _raw_edit_floor(path: Path, fact_id: int, runs: int) -> float:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    columns = [row[1] for row in connection.execute("PRAGMA table_info(fact)")]
    flip = [False]

    def edit() -> None:
        flip[0] = not flip[0]
        connection.execute("BEGIN IMMEDIATE")
        operation_id = connection.execute(
            "INSERT INTO operation (label, at, actor) VALUES ('Edit value', '2025-01-01T00:00:00.000Z', 'floor')"
        ).lastrowid
        before = dict(zip(columns, connection.execute("SELECT * FROM fact WHERE id = ?", (fact_id,)).fetchone()))
        connection.execute("UPDATE fact SET value_amount = value_amount * ?, version = version + 1 WHERE id = ?",
                           (1.01 if flip[0] else 1 / 1.01, fact_id))
        after = dict(zip(columns, connection.execute("SELECT * FROM fact WHERE id = ?", (fact_id,)).fetchone()))
        connection.execute(
            "INSERT INTO audit_event (operation_id, at, actor, action, target_type, target_id, before, after) "
            "VALUES (?, '2025-01-01T00:00:00.000Z', 'floor', 'update', 'fact', ?, ?, ?)",
            (operation_id, fact_id, json.dumps(before), json.dumps(after)))
        connection.execute("COMMIT")

    try:
        return repeat(edit, runs=runs, budget_seconds=10).median
    finally:
        connection.close()


# -- conflicts ---------------------------------------------------------------------------------


def _key_facts(conn: sqlite3.Connection, keys: list[list[int]]) -> list[tuple[int, int, int]]:
    found = []
    for subject_id, property_id in keys:
        row = conn.execute("SELECT id FROM fact WHERE subject_id = ? AND property_id = ? ORDER BY id LIMIT 1",
                           (subject_id, property_id)).fetchone()
        if row:
            found.append((subject_id, property_id, row[0]))
    return found


def measure_incremental_check(base: GeneratedBase, path: Path) -> Measurement:
    from kzeu_desk.core import conflicts
    from kzeu_desk.core.storage.sqlite import engine as sqlite_features
    from kzeu_desk.core.recorder import Recorder
    from kzeu_desk.core.service import FactBase

    connection = sqlite3.connect(path)
    keys = _key_facts(connection, base.conflicting_keys[:40])
    connection.close()
    seconds = []
    with FactBase.open(path, actor="benchmark") as fact_base:
        for subject_id, property_id, fact_id in keys:
            try:
                with sqlite_features.write_transaction(fact_base.engine) as conn:
                    recorder = Recorder(conn, label="Check", actor="benchmark")
                    seconds.append(timed(lambda: conflicts.recheck(recorder, [(subject_id, property_id)], [fact_id])))
                    raise _RollBack
            except _RollBack:
                pass
    return Measurement("conflicts.incremental", size_label(base.facts), seconds,
                       note=f"{len(keys)} keys that hold a value conflict, each rolled back")


def _raw_incremental_floor(base: GeneratedBase, path: Path) -> float:
    connection = sqlite3.connect(path)
    try:
        keys = _key_facts(connection, base.conflicting_keys[:40])
        query = ("SELECT id, value_kind, value_amount, value_date, value_entity_id, value_text, point_in_time, "
                 "start_time, end_time, status, rank FROM fact WHERE subject_id = ? AND property_id = ?")
        seconds = [timed(lambda: connection.execute(query, (s, p)).fetchall()) for s, p, _ in keys]
        return sorted(seconds)[len(seconds) // 2]
    finally:
        connection.close()


def measure_rescan(path: Path, level: str, runs: int) -> Measurement:
    from kzeu_desk.core.service import FactBase

    with FactBase.open(path, actor="benchmark") as fact_base:
        sample = repeat(fact_base.rescan_conflicts, runs=runs, budget_seconds=60)
    return Measurement("conflicts.rescan", level, sample.seconds,
                       note="FactBase.rescan_conflicts(): the full verification, on a fact base whose conflicts "
                            "are up to date")


def measure_recheck_changed(path: Path, level: str, runs: int) -> Measurement:
    """Re-checking what changed since the last check, after 200 facts were edited behind its back."""
    from kzeu_desk.core.service import FactBase

    connection = sqlite3.connect(path)
    edited = [row[0] for row in connection.execute("SELECT id FROM fact ORDER BY id DESC LIMIT 200")]
    connection.close()
    seconds = []
    with FactBase.open(path, actor="benchmark") as fact_base:
        fact_base.rescan_conflicts(only_changed=True)  # records where the last check stood
        for _ in range(runs):
            with fact_base.engine.begin() as conn:
                conn.exec_driver_sql(
                    f"UPDATE fact SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 day') "
                    f"WHERE id IN ({','.join(map(str, edited))})")
            seconds.append(timed(lambda: fact_base.rescan_conflicts(only_changed=True)))
    return Measurement("conflicts.recheck_changed", level, seconds,
                       note="FactBase.rescan_conflicts(only_changed=True) after 200 facts changed")


_RAW_CONFLICT_SCAN = """
    SELECT subject_id, property_id FROM fact
    WHERE subject_id IS NOT NULL AND property_id IS NOT NULL AND status <> 'rejected'
    GROUP BY subject_id, property_id
    HAVING count(DISTINCT coalesce(value_amount, value_date, value_kind)) > 1
"""


def measure_conflicts(base: GeneratedBase, work_dir: Path, runs: int, deadline: float, log: Log) -> list[Measurement]:
    level = size_label(base.facts)
    path = scratch_copy(base, work_dir, "conflicts")
    incremental = _guarded("conflicts.incremental", level, deadline, lambda: measure_incremental_check(base, path))
    incremental.floor = _raw_incremental_floor(base, path)
    incremental.floor_what = "sqlite3: the key's facts by the covering index"
    connection = sqlite3.connect(path)
    scan_floor = repeat(lambda: connection.execute(_RAW_CONFLICT_SCAN).fetchall(), runs=runs, budget_seconds=20).median
    connection.close()
    rescan = _guarded("conflicts.rescan", level, deadline, lambda: measure_rescan(path, level, runs))
    rescan.floor = scan_floor
    rescan.floor_what = "sqlite3: GROUP BY subject, property HAVING count(DISTINCT value) > 1 (docs/ARCHITECTURE.md)"
    changed = _guarded("conflicts.recheck_changed", level, deadline, lambda: measure_recheck_changed(path, level, runs))
    results = [incremental, rescan, changed]
    remove_database(path)
    for result in results:
        shown = _ms(result.median) if result.median is not None else result.unavailable
        log(f"  {result.metric}: {shown} (floor {_ms(result.floor)})")
    return results


# -- exports -----------------------------------------------------------------------------------


def _export_floor_writer(format_name: str) -> Callable[[sqlite3.Connection, Path], None]:
    """The same rows as the exporter reads, written by raw sqlite3 with no formatting of our own."""

    def json_lines(queries: list[str]) -> Callable[[sqlite3.Connection, Path], None]:
        def write(connection: sqlite3.Connection, out: Path) -> None:
            with out.open("w", encoding="utf-8") as handle:
                for query in queries:
                    for row in connection.execute(query):
                        handle.write(json.dumps(row, ensure_ascii=False))
                        handle.write("\n")
        return write

    if format_name == "sqlite":
        def snapshot(connection: sqlite3.Connection, out: Path) -> None:
            connection.execute("VACUUM INTO ?", (str(out),))
        return snapshot
    if format_name == "datapackage":
        def csv_files(connection: sqlite3.Connection, out: Path) -> None:
            from kzeu_desk.core.export.datapackage import TABLES

            out.mkdir(parents=True, exist_ok=True)
            for name in TABLES:
                cursor = connection.execute(f"SELECT * FROM {name} ORDER BY id")
                with (out / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
                    writer = csv.writer(handle, lineterminator="\n")
                    writer.writerow([column[0] for column in cursor.description])
                    writer.writerows(cursor)
        return csv_files
    if format_name == "webannotation":
        from kzeu_desk.core.export.webannotation import _EVIDENCE
        return json_lines([_EVIDENCE.format(keeps="1 = 1")])
    if format_name == "wikidata":
        from kzeu_desk.core.export.wikidata import _FACTS
        return json_lines([_FACTS.format(keeps="1 = 1")])
    if format_name == "csv":
        from kzeu_desk.core.export.facts_csv import _ROWS
        return json_lines([_ROWS.format(keeps="1 = 1")])
    if format_name == "turtle":
        return json_lines([f"SELECT * FROM {name}" for name in ("entity", "property", "source", "fact", "evidence",
                                                                  "fact_link", "conflict", "conflict_member")])
    if format_name == "jsonl":
        from kzeu_desk.core.export.jsonl import _SELECTS
        return json_lines([query.format(keeps="1 = 1") for query in _SELECTS.values()])
    raise KeyError(format_name)


def _remove_output(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    for candidate in (path, path.with_name(f".{path.name}.partial"), Path(f"{path}.qs"),
                      path.with_suffix(".quickstatements.txt")):
        if candidate.is_file():
            candidate.unlink()
    for sibling in path.parent.glob(f"{path.stem}*"):
        if sibling.is_file() and sibling != path and "quickstatements" in sibling.name.lower():
            sibling.unlink()


ALL_FORMATS = ("sqlite", "datapackage", "csv", "turtle", "webannotation", "wikidata", "jsonl")


def measure_exports(base: GeneratedBase, work_dir: Path, runs: int, deadline: float, log: Log,
                    formats: tuple[str, ...] = ALL_FORMATS) -> tuple[list[Measurement], Path | None]:
    """Every export format that exists now; returns the measurements and the JSONL file (kept for the load)."""
    level = size_label(base.facts)
    work_dir.mkdir(parents=True, exist_ok=True)
    try:
        from kzeu_desk.core.export import FORMATS, export
    except ImportError:
        return [_unavailable(f"export.{name}", level, "not yet available") for name in formats], None
    results = []
    jsonl_path = None
    for name in formats:
        metric = f"export.{name}"
        if name not in FORMATS:
            results.append(_unavailable(metric, level, "not yet available"))
            continue
        out = work_dir / f"export-{level}{FORMATS[name].suffix}"

        def measure(out: Path = out, name: str = name) -> Measurement:
            sample = repeat(lambda: export(base.path, name, out), runs=runs, budget_seconds=60,
                            before_each=lambda: _remove_output(out))
            return Measurement(f"export.{name}", level, sample.seconds)

        measurement = _guarded(metric, level, deadline, measure)
        floor_out = work_dir / f"floor-{level}{FORMATS[name].suffix}"
        try:
            writer = _export_floor_writer(name)
            connection = sqlite3.connect(f"file:{base.path}?mode=ro", uri=True)
            try:
                floor_runs = max(1, min(runs, len(measurement.values) or 1))
                measurement.floor = repeat(lambda: writer(connection, floor_out), runs=floor_runs, budget_seconds=60,
                                           before_each=lambda: _remove_output(floor_out)).median
            finally:
                connection.close()
            measurement.floor_what = ("sqlite3: VACUUM INTO" if name == "sqlite" else
                                      "sqlite3: the exporter's own SELECTs, rows written as CSV" if name == "datapackage"
                                      else "sqlite3: the exporter's own SELECTs, each row json.dumps'd to a line")
        except (ImportError, AttributeError, sqlite3.Error) as problem:
            measurement.note = f"no floor: {problem}"
        _remove_output(floor_out)
        if name == "jsonl" and measurement.values:
            jsonl_path = out
        else:
            _remove_output(out)
        results.append(measurement)
        shown = f"{measurement.median:.2f} s" if measurement.median is not None else measurement.unavailable
        floor = f"{measurement.floor:.2f} s" if measurement.floor else "—"
        log(f"  export {name}: {shown} (floor {floor})")
    return results, jsonl_path


# -- bulk load ---------------------------------------------------------------------------------


def _load_once(jsonl_path: Path, target: Path) -> float:
    from kzeu_desk.core.loading import check_file, load_jsonl
    from kzeu_desk.core.service import FactBase

    remove_database(target)
    shutil.rmtree(target.parent / f"{target.name}.backups", ignore_errors=True)
    started = time.perf_counter()
    checked = check_file(jsonl_path)
    with FactBase.open(target, actor="benchmark") as fact_base:
        load_jsonl(fact_base, checked)
    return time.perf_counter() - started


def _insert_floors(base: GeneratedBase, work_dir: Path) -> tuple[float, float]:
    """(raw sqlite3 executemany, SQLAlchemy Core executemany) of the generator's rows into fresh fact bases."""
    raw_path, core_path = work_dir / "floor-raw-insert.sqlite", work_dir / "floor-core-insert.sqlite"
    for path in (raw_path, core_path):
        remove_database(path)
    rows = synthetic_rows_for(raw_path, base.facts, base.seed)
    empty_fact_base(core_path)  # the same starter vocabulary, so the rows' ids fit
    for path in (raw_path, core_path):
        _without_key_summary(path)
    raw = timed(lambda: insert_with_raw_sqlite(raw_path, rows))
    core = timed(lambda: insert_with_core(core_path, rows))
    for path in (raw_path, core_path):
        remove_database(path)
    return raw, core


def _without_key_summary(path: Path) -> None:
    """The floors insert rows only, no derived data: without the triggers that keep the facts'
    per-key summary (migration 0013), which count each inserted fact's key again (100k: 4.6 s of
    CPU without them, 6.6 s with, docs/PERFORMANCE.md §29). A load counts it once, after its rows."""
    from kzeu_desk.core.conflicts import KEY_SUMMARY

    connection = sqlite3.connect(path)
    try:
        triggers = connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'fact' "
                                      "AND name LIKE ?", (f"{KEY_SUMMARY}_%",)).fetchall()
        for (name,) in triggers:
            connection.execute(f'DROP TRIGGER "{name}"')
        connection.commit()
    finally:
        connection.close()


def measure_load(base: GeneratedBase, jsonl_path: Path | None, work_dir: Path, runs: int, deadline: float,
                 log: Log) -> list[Measurement]:
    level = size_label(base.facts)
    try:
        # Bounded work (regenerating the rows, two inserts), slow only at 1M: more time than a deadline.
        raw, core = run_with_deadline(lambda: _insert_floors(base, work_dir), max(4 * deadline, 600))
    except (DidNotFinish, FailedInChild) as problem:
        raw = core = None
        log(f"  insert floors: {problem}")
    results = [Measurement("load.core_executemany", level, [core] if core else [], floor=raw,
                           floor_what="sqlite3 executemany of the same rows, same schema and pragmas",
                           note="the generator's own bulk path: every source, entity, alias, property, fact, "
                                "evidence and link row, no derived data")]
    try:
        import kzeu_desk.core.loading  # noqa: F401
    except ImportError:
        results.append(_unavailable("load.jsonl", level, "not yet available"))
        return results
    if jsonl_path is None:
        results.append(_unavailable("load.jsonl", level, "no JSONL export to load"))
        return results
    target = work_dir / f"load-{level}.sqlite"
    def measure() -> Measurement:
        sample = repeat(lambda: _load_once(jsonl_path, target), runs=runs, budget_seconds=60)
        return Measurement("load.jsonl", level, sample.seconds)

    measurement = _guarded("load.jsonl", level, deadline, measure)
    measurement.floor = raw
    measurement.floor_what = "sqlite3 executemany of the generator's rows (sources … links), same schema"
    measurement.note = ("check_file + FactBase.open + load_jsonl, which also re-scans conflicts and "
                        "indexes every loaded fact for search")
    results.append(measurement)
    remove_database(target)
    shutil.rmtree(target.parent / f"{target.name}.backups", ignore_errors=True)
    for result in results:
        shown = f"{result.median:.2f} s" if result.median is not None else result.unavailable
        log(f"  {result.metric}: {shown} (floor {result.floor or 0:.2f} s)")
    return results


def _ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:.2f} ms"
