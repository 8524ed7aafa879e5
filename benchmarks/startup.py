"""Cold start: a new process from exec to the first window, with the sample fact base.

Three ways, each a fresh `python` process per run (the OS file cache is warm after the first):

* probe: `python -m benchmarks.startup <report>` wraps the real entry point
  (`kzeu_desk.cli.main(["--smoke", db])`) and notes `time.monotonic()` when MainWindow is first
  shown and when the workspace is attached. It needs nothing from the app; the wrapper adds only
  the import of this small module. CLOCK_MONOTONIC is system-wide on Linux, so the parent's
  reading just before spawning the process is the start.
* hook: `python -m kzeu_desk --smoke db` with KZEU_DESK_REPORT_STARTUP=<file>. If app.py
  implements the hook (docs/PERFORMANCE.md describes it), the file holds the same two readings;
  otherwise it is reported as not available.
* end to end: the wall time of `python -m kzeu_desk --smoke db`, less the 0.4 s the smoke run
  keeps the window open. It includes loading the database layer, attaching and shutting down,
  so it is an upper bound that works whatever the app does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SMOKE_DWELL_SECONDS = 0.4  # app.py's _SMOKE_RUN_MS
HOOK_VARIABLE = "KZEU_DESK_REPORT_STARTUP"


def sample_fact_base(data_dir: Path) -> Path:
    """The default fact base a first run creates: migrated, seeded, the five sample articles."""
    from benchmarks.generate import schema_revision
    from kzeu_desk.core.sample_corpus import import_sample_corpus
    from kzeu_desk.core.service import FactBase

    path = data_dir / f"sample-{schema_revision()}.sqlite"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"partial-{path.name}")
        with FactBase.open(partial, actor="benchmark") as fact_base:
            import_sample_corpus(fact_base)
        os.replace(partial, path)
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
    return path


def _environment(profile_dir: str, **extra: str) -> dict[str, str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KZEU_DESK_DATA_DIR": profile_dir, **extra}
    if HOOK_VARIABLE not in extra:
        environment.pop(HOOK_VARIABLE, None)  # the probe measures without the app's help
    return environment


def _run(arguments: list[str], environment: dict[str, str]) -> tuple[float, float]:
    """(monotonic time just before spawning, wall seconds until the process exited)."""
    started = time.monotonic()
    completed = subprocess.run(arguments, env=environment, capture_output=True, text=True, timeout=120)
    elapsed = time.monotonic() - started
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(arguments)} exited {completed.returncode}: {completed.stderr[-800:]}")
    return started, elapsed


def measure_startup(db: Path, runs: int) -> dict[str, list[float] | str]:
    python = sys.executable
    project_root = str(Path(__file__).resolve().parent.parent)
    results: dict[str, list[float] | str] = {"first_window": [], "workspace_attached": [], "hook_first_window": [],
                                             "smoke_end_to_end": []}
    with tempfile.TemporaryDirectory(prefix="kzeu-bench-startup-") as folder:
        for run in range(runs):
            profile = tempfile.mkdtemp(dir=folder)
            report = Path(folder) / f"probe-{run}.json"
            started, _ = _run([python, "-m", "benchmarks.startup", str(report), str(db)],
                              {**_environment(profile), "PYTHONPATH": project_root})
            marks = json.loads(report.read_text())
            results["first_window"].append(marks["first_window_shown"] - started)
            results["workspace_attached"].append(marks["workspace_attached"] - started)

            hook_report = Path(folder) / f"hook-{run}.json"
            started, elapsed = _run([python, "-m", "kzeu_desk", "--smoke", str(db)],
                                    _environment(tempfile.mkdtemp(dir=folder), **{HOOK_VARIABLE: str(hook_report)}))
            results["smoke_end_to_end"].append(elapsed - SMOKE_DWELL_SECONDS)
            if hook_report.exists():
                hook_marks = json.loads(hook_report.read_text())
                if "first_window_shown" in hook_marks:
                    results["hook_first_window"].append(hook_marks["first_window_shown"] - started)
    if not results["hook_first_window"]:
        results["hook_first_window"] = f"not available: app.py does not implement {HOOK_VARIABLE} yet"
    return results


def _probe(report: Path, db: Path) -> int:
    """Run the real GUI entry point, noting when the window is first shown and the workspace attached."""
    from kzeu_desk.ui.main_window import MainWindow

    marks: dict[str, float] = {}
    original_show_event, original_attach = MainWindow.showEvent, MainWindow.attach

    def show_event(window, event):
        marks.setdefault("first_window_shown", time.monotonic())
        return original_show_event(window, event)

    def attach(window, session):
        result = original_attach(window, session)
        marks.setdefault("workspace_attached", time.monotonic())
        return result

    MainWindow.showEvent, MainWindow.attach = show_event, attach
    from kzeu_desk.cli import main

    code = main(["--smoke", str(db)])
    report.write_text(json.dumps(marks))
    return code


if __name__ == "__main__":
    sys.exit(_probe(Path(sys.argv[1]), Path(sys.argv[2])))
