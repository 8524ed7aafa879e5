"""GUI measurements in a process of their own (offscreen Qt), printed as one JSON object.

    python -m benchmarks.gui_probe --db FACTS.sqlite --long-source 2502 --runs 5 [--memory]

Repaints are timed as `viewport().repaint()` after `verticalScrollBar().setValue(...)`: the
synchronous paint Qt does for a scroll step, including any page the model fetches for it.
Module imports are done before timing: start-up cost is the cold-start metric's business.
`--memory` instead opens the whole workspace, works in it a little and reports the peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KZEU_DESK_DATA_DIR", tempfile.mkdtemp(prefix="kzeu-bench-profile-"))

WINDOW_SIZE = (1600, 1000)
TABLE_SIZE = (1400, 900)  # a curator who gave the facts table most of the screen
SOURCE_SIZE = (1000, 900)


def _timed(operation: Callable[[], object]) -> float:
    started = time.perf_counter()
    operation()
    return time.perf_counter() - started


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _application():
    from PySide6.QtWidgets import QApplication

    from kzeu_desk.ui.interpreter_sharing import share_the_interpreter_with_the_gui

    share_the_interpreter_with_the_gui()  # as the application does at start-up
    return QApplication.instance() or QApplication([sys.argv[0]])


def _drain(app) -> None:
    for _ in range(3):
        app.processEvents()


def _preload_modules() -> None:
    import kzeu_desk.core.service  # noqa: F401
    import kzeu_desk.ui.conflicts_panel  # noqa: F401
    import kzeu_desk.ui.fact_editor  # noqa: F401
    import kzeu_desk.ui.fact_table  # noqa: F401
    import kzeu_desk.ui.history_pane  # noqa: F401
    import kzeu_desk.ui.main_window  # noqa: F401
    import kzeu_desk.ui.session  # noqa: F401
    import kzeu_desk.ui.source_pane  # noqa: F401
    import kzeu_desk.ui.source_view  # noqa: F401
    import kzeu_desk.ui.sources_pane  # noqa: F401


def _close_window(app, window) -> None:
    window.close()
    _drain(app)
    window.deleteLater()
    _drain(app)


def measure_workspace_open(app, db: Path, runs: int) -> list[float]:
    from kzeu_desk.ui import create_main_window

    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        window = create_main_window(db)
        window.resize(*WINDOW_SIZE)
        window.show()
        app.processEvents()  # the deferred layout and the first expose
        window.repaint()  # everything visible painted, the facts table's first page included
        seconds.append(time.perf_counter() - started)
        _close_window(app, window)
    return seconds


def _session(db: Path):
    from kzeu_desk.core.service import FactBase
    from kzeu_desk.ui.session import Session

    return Session(FactBase.open(db, actor="benchmark"))


def measure_table(app, db: Path, words: list[str], raw: sqlite3.Connection) -> dict:
    from kzeu_desk.core.search_documents import search_words
    from kzeu_desk.core.storage.sqlite import SQLITE

    def search_expression(typed: str) -> str | None:
        return SQLITE.search.expression(search_words(typed))
    from kzeu_desk.ui.fact_table import FactTablePane

    session = _session(db)
    pane = FactTablePane(session)
    pane.resize(*TABLE_SIZE)
    pane.show()
    _drain(app)
    view, model = pane.view, pane.model
    scrollbar = view.verticalScrollBar()
    viewport = view.viewport()
    rows_on_screen = max(1, viewport.height() // view.verticalHeader().defaultSectionSize())
    rows = model.rowCount()
    generator = random.Random(7)

    cpu: list[float] = []  # CPU time of each repaint: a shared machine disturbs it far less than wall time

    def repaint_at(row: int) -> float:
        scrollbar.setValue(row)
        started = time.process_time()
        elapsed = _timed(viewport.repaint)
        cpu.append(time.process_time() - started)
        return elapsed

    scroll: list[float] = []
    jumps: list[float] = []
    # Reading down from the top, from the middle and from near the end, one screen per step.
    for start in (0, rows // 2, max(0, rows - 80 * rows_on_screen)):
        jump = repaint_at(start)
        if start:
            jumps.append(jump)
        for step in range(1, 80):
            scroll.append(repaint_at(min(rows - 1, start + step * rows_on_screen)))
    for _ in range(20):
        jumps.append(repaint_at(generator.randrange(rows)))
    scroll_cpu = [seconds for number, seconds in enumerate(cpu[:3 * 80]) if number % 80]  # the steps, not the jumps

    floor_query = (
        "SELECT f.id, s.name, p.name, v.name, f.value_kind, f.value_amount, f.value_unit, f.value_date, f.status, "
        "f.rank, (SELECT count(DISTINCT e.source_id) FROM evidence e WHERE e.fact_id = f.id), "
        "(SELECT count(*) FROM conflict_member m WHERE m.fact_id = f.id) "
        "FROM fact f LEFT JOIN entity s ON s.id = f.subject_id LEFT JOIN property p ON p.id = f.property_id "
        "LEFT JOIN entity v ON v.id = f.value_entity_id WHERE f.id > ? ORDER BY f.id LIMIT ?")
    highest = raw.execute("SELECT max(id) FROM fact").fetchone()[0] or 0
    table_floor = _median([
        _timed(lambda: raw.execute(floor_query, (generator.randrange(highest + 1), rows_on_screen)).fetchall())
        for _ in range(50)])

    qt_floor, qt_floor_cpu = _qt_only_table_repaint(app, view, model, rows_on_screen)

    keystrokes: list[float] = []
    keystroke_floors: list[float] = []
    for phrase in words:
        for typed in range(1, len(phrase) + 1):
            text = phrase[:typed]

            def type_one() -> None:
                model.set_filter_text(text)
                viewport.repaint()

            keystrokes.append(_timed(type_one))
            expression = search_expression(text)
            if expression:
                keystroke_floors.append(_timed(lambda: (
                    raw.execute("SELECT count(*) FROM fact_search WHERE fact_search MATCH ?", (expression,)).fetchone(),
                    raw.execute("SELECT rowid FROM fact_search WHERE fact_search MATCH ? ORDER BY rowid LIMIT 256",
                                (expression,)).fetchall())))
        model.set_filter_text("")
    pane.close()
    session.fact_base.close()
    return {
        "rows_on_screen": rows_on_screen, "rows": rows, "table.qt_floor": qt_floor,
        "table.scroll_repaint_cpu": _median(scroll_cpu), "table.qt_floor_cpu": qt_floor_cpu,
        "table.scroll_repaint": scroll, "table.jump_repaint": jumps, "table.floor": table_floor,
        "search.keystroke": keystrokes, "search.floor": _median(keystroke_floors) if keystroke_floors else None,
    }


def _qt_only_table_repaint(app, view, model, rows_on_screen: int) -> tuple[float, float]:
    """The same rows, with every role our model paints (text, alignment, status dot, muted colour),
    in a C++ QStandardItemModel on the same view with Qt's delegate (benchmarks/table_repaint.py):
    what painting alone costs, the part of a repaint no change to our Python code can remove.
    Medians of wall and of CPU time."""
    from PySide6.QtWidgets import QStyledItemDelegate

    from benchmarks.table_repaint import SameView, twin_model

    sample_rows = min(model.rowCount(), 20 * rows_on_screen)
    twin = twin_model(model, 0, sample_rows)
    ours = view.itemDelegate()
    same = SameView(view)
    same.show(twin, QStyledItemDelegate(view))
    _drain(app)
    seconds, cpu = [], []
    for step in range(60):
        view.verticalScrollBar().setValue((step * rows_on_screen) % max(1, sample_rows - rows_on_screen))
        started = time.process_time()
        seconds.append(_timed(view.viewport().repaint))
        cpu.append(time.process_time() - started)
    same.show(model, ours)
    same.restore()
    _drain(app)
    return _median(seconds), _median(cpu)


def measure_source(app, db: Path, long_source: int, runs: int, raw: sqlite3.Connection) -> dict:
    from kzeu_desk.core.queries import _EVIDENCE_SPANS
    from kzeu_desk.ui.source_pane import SourcePane

    session = _session(db)
    pane = SourcePane(session)
    pane.resize(*SOURCE_SIZE)
    pane.show()
    _drain(app)
    viewport = pane.view.viewport()
    other_source = raw.execute("SELECT min(id) FROM source WHERE id <> ?", (long_source,)).fetchone()[0]
    opens: list[float] = []
    for _ in range(runs):
        pane.show_source_id(other_source)  # a different text first, so each open is a real one
        _drain(app)
        opens.append(_timed(lambda: (pane.show_source_id(long_source), viewport.repaint())))
    scrollbar = pane.view.verticalScrollBar()
    generator = random.Random(11)
    repaints: list[float] = []
    for _ in range(40):
        scrollbar.setValue(generator.randrange(scrollbar.maximum() + 1))
        repaints.append(_timed(viewport.repaint))
    highlights = len(pane.view.highlight_index or [])
    characters = len(pane.view.source_text)
    spans_sql = str(_EVIDENCE_SPANS.text).replace(":source_id", "?")
    open_floor = _median([_timed(lambda: (
        raw.execute("SELECT * FROM source WHERE id = ?", (long_source,)).fetchone(),
        raw.execute(spans_sql, (long_source,)).fetchall())) for _ in range(max(3, runs))])
    pane.close()
    session.fact_base.close()
    return {"source.open": opens, "source.repaint": repaints, "source.floor": open_floor,
            "highlights": highlights, "characters": characters}


def peak_rss_mb() -> float:
    """This process's peak resident set. VmHWM belongs to the address space exec made; ru_maxrss
    does not: Linux carries it over from the forked parent, so a probe started by a harness
    holding 2 GB would report 2 GB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_memory(app, db: Path, long_source: int, words: list[str]) -> dict:
    from kzeu_desk.ui import create_main_window

    window = create_main_window(db)
    window.resize(*WINDOW_SIZE)
    window.show()
    _drain(app)
    window.repaint()
    after_open = peak_rss_mb()
    view = window.fact_table.view
    rows = window.fact_table.model.rowCount()
    rows_on_screen = max(1, view.viewport().height() // view.verticalHeader().defaultSectionSize())
    for step in range(200):
        view.verticalScrollBar().setValue(min(rows - 1, step * rows_on_screen))
        view.viewport().repaint()
    for fraction in (0.25, 0.5, 0.75, 0.99):
        view.verticalScrollBar().setValue(int(rows * fraction))
        view.viewport().repaint()
    for phrase in words[:3]:
        window.fact_table.model.set_filter_text(phrase)
        view.viewport().repaint()
    window.fact_table.model.set_filter_text("")
    window.source_pane.show_source_id(long_source)
    window.source_pane.view.viewport().repaint()
    _drain(app)
    peak = peak_rss_mb()
    _close_window(app, window)
    return {"memory.after_open_mb": after_open, "memory.peak_mb": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--long-source", type=int, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", default="kazakhstan,trade turnover,almaty energy")
    parser.add_argument("--part", choices=("workspace", "views", "memory"), default="views",
                        help="workspace: opening the whole window; views: table, search, source; memory: peak RSS")
    args = parser.parse_args()
    words = [word for word in args.words.split(",") if word]
    app = _application()
    raw = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    if args.part == "memory":
        result = measure_memory(app, args.db, args.long_source, words)
    elif args.part == "workspace":
        _preload_modules()
        result = {"workspace.open": measure_workspace_open(app, args.db, args.runs)}
    else:
        _preload_modules()
        result = measure_table(app, args.db, words, raw)
        result.update(measure_source(app, args.db, args.long_source, args.runs, raw))
    raw.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
