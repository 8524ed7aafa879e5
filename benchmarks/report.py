"""benchmarks/results.json and the results table in docs/PERFORMANCE.md.

Results merge by (metric, level, variant): a run replaces what it measured again and keeps the
rest (the 1M rows of an earlier `make bench-full`, say), each row saying when it was measured. The table is
written between two marker comments, so the analysis around it stays as written.
"""

from __future__ import annotations

import json
import platform
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.targets import TARGETS, Measurement

TABLE_START = "<!-- benchmark-table:start (written by `make bench`; edit around it, not inside) -->"
TABLE_END = "<!-- benchmark-table:end -->"
_LEVEL_ORDER = {"sample": 0}


def _level_rank(level: str) -> int:
    if level in _LEVEL_ORDER:
        return _LEVEL_ORDER[level]
    from benchmarks.generate import parse_size

    return parse_size(level)


def machine() -> dict:
    import os

    return {
        "python": platform.python_version(), "sqlite": sqlite3.sqlite_version, "platform": platform.platform(),
        "cpus": os.cpu_count(), "qt_platform": "offscreen",
    }


def load(path: Path) -> list[Measurement]:
    """The measurements an earlier run wrote; none when there is no readable file."""
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Measurement.from_json(item) for item in data.get("measurements", [])]
    except (ValueError, KeyError, TypeError):
        return []  # an unreadable old file is replaced, not fatal


def merge(previous: list[Measurement], fresh: list[Measurement]) -> list[Measurement]:
    """Earlier rows a fresh run did not re-measure stay; rows of a "with proposed fix" variant, from
    before every fix was in the app, are dropped."""
    kept = [m for m in previous if not m.variant]
    fresh_keys = {(m.metric, m.level, m.variant) for m in fresh}
    # A row is replaced only by a new measurement of the same thing, so `--only load` at 1M keeps
    # the 1M table and search rows of an earlier run.
    kept = [m for m in kept if (m.metric, m.level, m.variant) not in fresh_keys
            and m.metric in {t.key for t in TARGETS}]
    return _ordered([*kept, *fresh])


def _ordered(measurements: list[Measurement]) -> list[Measurement]:
    position = {target.key: number for number, target in enumerate(TARGETS)}
    return sorted(measurements, key=lambda m: (position[m.metric], _level_rank(m.level), m.variant))


def write_results(path: Path, measurements: list[Measurement], extra: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        **extra,
        "measurements": [m.to_json() for m in measurements],
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _shown(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "s" and value < 0.1:
        value, unit = value * 1000, "ms"  # a 15 ms floor beside a 2 s measurement, not "0.00 s"
    if unit == "ms":
        return f"{value:,.2f} ms" if value < 1 else f"{value:,.1f} ms" if value < 100 else f"{value:,.0f} ms"
    return f"{value:,.2f} s" if value < 100 else f"{value:,.0f} s"


def table(measurements: list[Measurement]) -> str:
    lines = [
        "| Metric | Facts | Target | Measured (median) | Runs | Raw-SQLite floor | Ratio | Status |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for m in measurements:
        target = m.target
        title = target.title + (f" — *with proposed fix: {m.variant}*" if m.variant else "")
        measured = _shown(m.shown_median, target.unit) if m.unavailable is None else m.unavailable
        ratio = "—" if m.ratio is None else f"{m.ratio:,.1f}×"
        lines.append(f"| {title} | {m.level} | {target.target_text} | {measured} | {len(m.values) or '—'} | "
                     f"{_shown(m.shown_floor, target.unit)} | {ratio} | {m.status} |")
    return "\n".join(lines)


def write_table(doc: Path, measurements: list[Measurement], note: str) -> None:
    block = f"{TABLE_START}\n\n{note}\n\n{table(measurements)}\n\n{TABLE_END}"
    if doc.exists():
        text = doc.read_text(encoding="utf-8")
        if TABLE_START in text and TABLE_END in text:
            before, rest = text.split(TABLE_START, 1)
            after = rest.split(TABLE_END, 1)[1]
            doc.write_text(before + block + after, encoding="utf-8")
            return
    else:
        text = "# Performance\n\n"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(text.rstrip("\n") + "\n\n## Results\n\n" + block + "\n", encoding="utf-8")
