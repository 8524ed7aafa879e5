"""The GUI thread's CPU for a curator's edits with a long source shown, in a process of its own
(offscreen Qt), printed as one JSON object:

    python -m benchmarks.source_edits --db COPY.sqlite --source 2501 --edits 24

The window shows `--source` (the generated bases' 1 MB source with 10k highlights: 2501 at 100k,
25001 at 1M); each edit changes the status of one of its facts (confirmed <-> draft), then undoes
it, each as the curator's own action through the session. Per edit and per undo: the GUI thread's
CPU (`time.thread_time`) from the action to the window settled again (every pane's update on later
turns included), and the part of it the reading pane spent on the changes. The fact base is
changed (and changed back): pass a copy. Two more parts of it are reported beside the reading
pane's: the service call itself (`write`, run on the GUI thread) and the candidates pane's taking of
its figures' new statuses (`candidates`, `CandidatesPane._take_statuses`, when the pane has it).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.timing import Sample

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KZEU_DESK_DATA_DIR", tempfile.mkdtemp(prefix="kzeu-bench-profile-"))


def _summary(values: list[float]) -> dict[str, float]:
    sample = Sample(values)
    return {"median_ms": round(sample.median * 1000, 2), "p90_ms": round(sample.percentile(0.9) * 1000, 2),
            "max_ms": round(sample.worst * 1000, 2)}


def measure(db: Path, source_id: int, edits: int) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication

    from benchmarks.stall_probe import wait_until_settled
    from kzeu_desk.core import queries
    from kzeu_desk.ui import create_main_window
    from kzeu_desk.ui.interpreter_sharing import share_the_interpreter_with_the_gui

    app = QApplication.instance() or QApplication([sys.argv[0]])
    share_the_interpreter_with_the_gui()
    window = create_main_window(db)
    window.resize(1600, 1000)
    window.show()

    def settle() -> None:
        for _ in range(3):
            app.processEvents()
        wait_until_settled(app, window, pause_s=0.002)

    settle()
    window.sources_pane.choose(source_id)
    settle()
    gc.freeze()  # as the application does once the workspace is attached
    pane = window.source_pane
    parts = {"pane": 0.0, "write": 0.0, "candidates": 0.0}

    def timed(part: str, call):
        def run(*args, **kwargs):
            started = time.thread_time()
            try:
                return call(*args, **kwargs)
            finally:
                parts[part] += time.thread_time() - started
        return run

    on_changes = pane._on_changes
    timed_on_changes = timed("pane", on_changes)
    window.session.changed.disconnect(on_changes)
    window.session.changed.connect(timed_on_changes)
    candidates = getattr(window, "candidates_pane", None)
    if candidates is not None and hasattr(candidates, "_take_statuses"):
        candidates._take_statuses = timed("candidates", candidates._take_statuses)
    session = window.session
    fact_base = session.fact_base
    for name in ("update_fact", "revert"):
        setattr(fact_base, name, timed("write", getattr(fact_base, name)))
    with session.fact_base.reading() as conn:
        fact_ids = [row[0] for row in conn.exec_driver_sql(
            "SELECT DISTINCT fact_id FROM evidence WHERE source_id = ? ORDER BY fact_id", (source_id,))]
    step = max(1, len(fact_ids) // edits)
    chosen = fact_ids[::step][:edits]
    results: dict[str, list[float]] = {f"{action}{part}": [] for action in ("edit", "undo")
                                       for part in ("", "_pane", "_write", "_candidates")}
    load = [os.getloadavg()[0]]
    for fact_id in chosen:
        with session.fact_base.reading() as conn:
            row = queries.fact_row(conn, fact_id)
        status = "draft" if row.status == "confirmed" else "confirmed"
        for name, action in (("edit", lambda: session.perform(
                lambda fb: fb.update_fact(fact_id, row.version, status=status))), ("undo", session.undo_stack.undo)):
            parts.update(dict.fromkeys(parts, 0.0))
            started = time.thread_time()
            action()
            settle()
            results[name].append(time.thread_time() - started)
            for part, spent in parts.items():
                results[f"{name}_{part}"].append(spent)
    load.append(os.getloadavg()[0])
    spans = len(pane.view.highlight_index) if pane.view.highlight_index is not None else 0
    window.close()
    return {"source": source_id, "spans": spans, "edits": len(chosen), "load": load,
            **{name: _summary(values) for name, values in results.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.source_edits")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--source", type=int, required=True)
    parser.add_argument("--edits", type=int, default=24)
    args = parser.parse_args()
    print(json.dumps(measure(args.db, args.source, args.edits)))


if __name__ == "__main__":
    main()
