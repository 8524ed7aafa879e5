"""The whole-base views at scale: timeline, source agreement, overview, and the HTML report.

    python -m benchmarks.bench_views [--level 100k] [--runs 5]

Opens the real window (offscreen Qt) on a cached synthetic fact base and drives each view as a
curator does, timing each step until what it shows has arrived (the background read, then the
drawing), and how long the GUI thread stood still at worst meanwhile: a 5 ms heartbeat records its
longest gap, which is what a curator feels as a freeze. Prints one table and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KZEU_DESK_DATA_DIR", tempfile.mkdtemp(prefix="kzeu-bench-views-"))

from PySide6.QtCore import QElapsedTimer, QPoint, QPointF, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QWheelEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.generate import cached_fact_base, parse_size  # noqa: E402


class Heartbeat:
    """The longest gap between 5 ms ticks of the GUI thread's event loop."""

    def __init__(self):
        self._timer = QTimer(interval=5)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self.longest_ms = 0.0

    def _tick(self) -> None:
        elapsed = self._clock.nsecsElapsed() / 1e6
        self.longest_ms = max(self.longest_ms, elapsed)
        self._clock.restart()

    def __enter__(self) -> Heartbeat:
        self.longest_ms = 0.0
        self._clock.start()
        self._timer.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._timer.stop()


def run_until(app: QApplication, done: Callable[[], bool], timeout: float = 120.0) -> float:
    started = time.perf_counter()
    while not done():
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the view did not finish in time")
    return time.perf_counter() - started


def step(app, action: Callable[[], object], done: Callable[[], bool]) -> tuple[float, float]:
    """(seconds until done, longest GUI stall in ms) for one user step."""
    with Heartbeat() as heartbeat:
        started = time.perf_counter()
        action()
        run_until(app, done)
        seconds = time.perf_counter() - started
        for _ in range(3):
            app.processEvents()
    return seconds, heartbeat.longest_ms


def summary(values: list[tuple[float, float]]) -> dict[str, float]:
    return {"median_s": round(statistics.median(v[0] for v in values), 3),
            "worst_s": round(max(v[0] for v in values), 3),
            "longest_stall_ms": round(max(v[1] for v in values), 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--level", default="100k")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    base = cached_fact_base(parse_size(args.level))
    work = Path(tempfile.mkdtemp(prefix="kzeu-bench-views-db-"))
    db = work / base.path.name
    shutil.copy(base.path, db)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from kzeu_desk.ui import create_main_window

    results: dict[str, dict] = {}
    window = create_main_window(db)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    views = window.whole_base_views
    timeline, agreement, overview = views.timeline, views.agreement, views.overview
    canvas = timeline.canvas

    def region_settled() -> bool:
        return not timeline.loading and canvas.region is not None and not canvas._region_timer.isActive()

    # Timeline: open, scroll a screen down, zoom in and out around the middle, switch to properties.
    opened = [step(app, views.actionShowTimeline.trigger, region_settled)]
    results["timeline open (lanes + first region)"] = summary(opened)
    scrolls = []
    for _ in range(args.runs):
        bar = canvas.verticalScrollBar()
        scrolls.append(step(app, lambda: bar.setValue(bar.value() + canvas.viewport().height()), region_settled))
    results["timeline scroll one screen"] = summary(scrolls)
    zooms = []
    for number in range(args.runs * 2):
        factor = 1.5 if number < args.runs else 1 / 1.5
        zooms.append(step(app, lambda f=factor: canvas.zoom(f), region_settled))
    results["timeline zoom step (×1.5)"] = summary(zooms)
    wheel = []
    for _ in range(args.runs):
        event = QWheelEvent(QPointF(400, 100), QPointF(400, 100), QPoint(0, 0), QPoint(0, 120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        wheel.append(step(app, lambda e=event: canvas.wheelEvent(e), region_settled))
    results["timeline ctrl+wheel zoom"] = summary(wheel)
    paints = []
    for _ in range(args.runs):
        clock = time.perf_counter()
        canvas.viewport().repaint()
        paints.append((time.perf_counter() - clock, 0.0))
    results["timeline repaint (screen of marks)"] = summary(paints)
    from kzeu_desk.core.timeline import Grouping

    grouped = [step(app, lambda: timeline.set_grouping(Grouping.PROPERTY), region_settled)]
    results["timeline by property (52 busy lanes)"] = summary(grouped)

    # Source agreement: open (the comparison), the other grouping, scrolling the matrix.
    def compared() -> bool:
        return agreement.agreement is not None and not agreement.loading

    results["agreement open (compare every source)"] = summary(
        [step(app, views.actionShowAgreement.trigger, compared)])
    from kzeu_desk.core.source_agreement import VoiceGrouping

    agreement_before = agreement.agreement
    results["agreement by publisher"] = summary(
        [step(app, lambda: agreement.set_grouping(VoiceGrouping.PUBLISHER),
              lambda: compared() and agreement.agreement is not agreement_before)])
    matrix_scrolls = []
    for _ in range(args.runs):
        bar = agreement.matrix.verticalScrollBar()
        clock = time.perf_counter()
        bar.setValue(bar.value() + agreement.matrix.viewport().height())
        agreement.matrix.viewport().repaint()
        matrix_scrolls.append((time.perf_counter() - clock, 0.0))
    results["agreement matrix scroll + repaint"] = summary(matrix_scrolls)

    results["overview open"] = summary([step(app, views.actionShowOverview.trigger,
                                             lambda: overview.overview is not None and not overview.loading)])
    window.close()
    app.processEvents()

    from kzeu_desk.core.report import write_report

    reports = []
    for number in range(min(args.runs, 3)):
        target = work / f"report-{number}"
        clock = time.perf_counter()
        written = write_report(db, target)
        reports.append((time.perf_counter() - clock, 0.0))
    results["report (kzeu-desk report)"] = summary(reports)
    results["report size"] = {"pages": written.pages, "megabytes": round(
        sum(path.stat().st_size for path in target.iterdir()) / 1e6, 1)}
    shutil.rmtree(work, ignore_errors=True)

    print(f"{'step at ' + args.level:44} {'median':>8} {'worst':>8} {'GUI stall':>10}")
    for name, found in results.items():
        if "median_s" in found:
            print(f"{name:44} {found['median_s']:7.3f}s {found['worst_s']:7.3f}s {found['longest_stall_ms']:8.1f}ms")
        else:
            print(f"{name:44} {found}")
    print(json.dumps({"level": args.level, "results": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
