"""The benchmark harness at toy sizes, so it cannot rot. No timing is asserted here, ever:
timings belong to `make bench` and docs/PERFORMANCE.md."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))  # benchmarks/ is a top-level folder, not part of the package

from benchmarks import __main__ as harness  # noqa: E402
from benchmarks import gui_probe, report  # noqa: E402
from benchmarks.generate import cached_fact_base, parse_size, size_label  # noqa: E402
from benchmarks.targets import TARGETS, Measurement  # noqa: E402

TOY_FACTS = 120


@pytest.fixture(scope="module")
def toy_base(tmp_path_factory):
    return cached_fact_base(TOY_FACTS, data_dir=tmp_path_factory.mktemp("bench-data"), log=lambda _message: None)


def test_sizes_read_and_print_alike():
    assert [parse_size(label) for label in ("10k", "100k", "1M", "250")] == [10_000, 100_000, 1_000_000, 250]
    assert [size_label(n) for n in (10_000, 1_000_000, 250)] == ["10k", "1M", "250"]


def test_generated_fact_base_keeps_the_schema_invariants(toy_base):
    from kzeu_desk.core.integrity import check
    from kzeu_desk.core.service import FactBase

    with FactBase.open(toy_base.path, read_only=True) as fact_base, fact_base.reading() as conn:
        assert check(conn) == []
    connection = sqlite3.connect(toy_base.path)
    try:
        assert connection.execute("SELECT count(*) FROM fact").fetchone()[0] == TOY_FACTS
        assert connection.execute("SELECT count(*) FROM conflict").fetchone()[0] > 0
        assert connection.execute("SELECT count(*) FROM evidence WHERE source_id = ?",
                                  (toy_base.long_source_id,)).fetchone()[0] == TOY_FACTS
    finally:
        connection.close()


def test_cached_fact_base_is_reused(toy_base):
    again = cached_fact_base(TOY_FACTS, data_dir=toy_base.path.parent, log=pytest.fail)
    assert again.path == toy_base.path


def test_harness_writes_results_and_table(toy_base, tmp_path):
    results, doc = tmp_path / "results.json", tmp_path / "PERFORMANCE.md"
    doc.write_text("# Performance\n\nanalysis kept\n\n" + report.TABLE_START + "\nold\n" + report.TABLE_END + "\n")
    code = harness.main(["--levels", str(TOY_FACTS), "--runs", "1", "--data-dir", str(toy_base.path.parent),
                         "--results", str(results), "--doc", str(doc), "--only", "edit,conflicts,exports,load",
                         "--deadline", "120"])
    assert code == 0
    written = json.loads(results.read_text())
    metrics = {m["metric"] for m in written["measurements"]}
    assert {"edit.end_to_end", "conflicts.rescan", "conflicts.incremental", "conflicts.recheck_changed",
            "load.core_executemany"} <= metrics
    assert any(metric.startswith("export.") for metric in metrics)
    text = doc.read_text()
    assert "analysis kept" in text and "old" not in text
    assert "| One curator edit end to end" in text


def test_gui_probe_measures_every_view(toy_base, qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("KZEU_DESK_DATA_DIR", str(tmp_path))
    raw = sqlite3.connect(toy_base.path)
    try:
        assert len(gui_probe.measure_workspace_open(qapp, toy_base.path, runs=1)) == 1
        table = gui_probe.measure_table(qapp, toy_base.path, ["kaz"], raw)
        source = gui_probe.measure_source(qapp, toy_base.path, toy_base.long_source_id, 1, raw)
        memory = gui_probe.measure_memory(qapp, toy_base.path, toy_base.long_source_id, ["kaz"])
    finally:
        raw.close()
    assert table["table.scroll_repaint"] and len(table["search.keystroke"]) == 3
    assert source["highlights"] == TOY_FACTS and source["source.repaint"]
    assert memory["memory.peak_mb"] > 0


def test_table_repaint_times_every_variant_on_screens_that_look_alike(toy_base, qapp, tmp_path, monkeypatch):
    from benchmarks import table_repaint

    monkeypatch.setenv("KZEU_DESK_DATA_DIR", str(tmp_path))
    result = table_repaint.measure(qapp, toy_base.path, rounds=1, screens=2, at=0.0, screenshots=tmp_path / "shots")
    assert {f"{name}.cpu_ms" for name in table_repaint.VARIANTS} <= set(result)
    assert "ours_scrolling_on_idle.idle_cpu_ms" in result and "ours_scrolling_on_idle_over_qt_model_idle" in result
    # Our delegate, Qt's and the C++ copy of the rows paint the same pixels.
    assert result["differing_pixels"] == {"qt_delegate": 0, "qt_model": 0}


def test_every_target_renders_in_the_table():
    rows = [Measurement(target.key, "1M", [0.001]) for target in TARGETS]
    rows.append(Measurement("load.jsonl", "1M", unavailable="did not finish within 900 s"))
    text = report.table(rows)
    assert text.count("\n") == len(rows) + 1
    assert "MISSES" in text


def test_startup_probe_reports_window_and_workspace(tmp_path):
    from benchmarks import startup

    found = startup.measure_startup(startup.sample_fact_base(tmp_path), runs=1)
    assert len(found["first_window"]) == len(found["workspace_attached"]) == len(found["smoke_end_to_end"]) == 1
    assert found["first_window"][0] <= found["workspace_attached"][0]
    assert found["hook_first_window"]  # measured, or why not
