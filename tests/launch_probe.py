"""Launch the app through its own entry point (`kzeu_desk.cli.main`, what `kzeu-desk` runs) with a probe.

    python tests/launch_probe.py OUT.json STEPS.json [kzeu-desk arguments...]

Once the workspace is attached and has settled, the probe records what a curator would see (window and
pane sizes, the Open recent entries, whether the saved layout was used), runs the steps (a curator
dragging pane borders, hiding a column), records the sizes again (what the window saves at quit),
and quits the way a curator does: the window is closed, so closeEvent saves the layout. With the
step {"close": "external"} it waits instead for the window manager to close the window.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox

from kzeu_desk.cli import main
from kzeu_desk.ui.background import BackgroundReader

# Settled: no background read running and every size the probe records unchanged for
# STABLE_POLLS polls in a row (300 ms), instead of a fixed wait (it was 1.2 s at start and 0.4 s
# after the steps, 1.6 s of each of the ~20 launches the tests make). The window's own deferred
# layout step runs at the first turn of the event loop after the show, and a window manager's
# configure events come within milliseconds, so 300 ms of stillness is well past both.
POLL_MS = 50
STABLE_POLLS = 6
SETTLE_LIMIT_MS = 20_000  # measured anyway then: the test's assertions say what did not settle
# Warnings the app shows, recorded instead of waiting for a click nobody will make.
WARNINGS: list[str] = []
QMessageBox.warning = staticmethod(  # type: ignore[method-assign]
    lambda _parent, _title, text, *_args, **_kwargs: WARNINGS.append(text) or QMessageBox.StandardButton.Ok)


def measure(window) -> dict:
    screen = window.screen().availableGeometry()
    docks = {}
    for dock in window.findChildren(QDockWidget):
        docks[dock.objectName()] = {"width": dock.width(), "height": dock.height(),
                                    "visible": dock.isVisible(), "floating": dock.isFloating()}
    text = window.source_pane.view
    header = window.fact_table.view.horizontalHeader()
    return {
        "window": [window.width(), window.height()],
        "maximized": window.isMaximized(),
        "screen": [screen.width(), screen.height()],
        "docks": docks,
        "text": [text.width(), text.height()],
        "columns": [header.sectionSize(c) for c in range(header.count())],
        "hidden_columns": [c for c in range(header.count()) if header.isSectionHidden(c)],
        "recent": [action.data() for action in window.recent_menu.path_actions()],
        "recent_enabled": [action.isEnabled() for action in window.recent_menu.path_actions()],
        "used_saved_layout": window.layout_keeper.used_saved_layout,
        "collapsed": window.layout_keeper.collapsed_panes(),
        "title": window.windowTitle(),
        "fact_base": str(window.session.fact_base.location),
        "warnings": list(WARNINGS),
    }


def run_step(window, step: dict) -> None:
    if "resize_dock" in step:
        name, size, orientation = step["resize_dock"]
        window.resizeDocks([window.findChild(QDockWidget, name)], [size],
                           Qt.Orientation.Vertical if orientation == "vertical" else Qt.Orientation.Horizontal)
    elif "hide_column" in step:
        window.fact_table.view.horizontalHeader().setSectionHidden(step["hide_column"], True)
    elif "column_width" in step:
        column, width = step["column_width"]
        window.fact_table.view.horizontalHeader().resizeSection(column, width)


def when_settled(window, then) -> None:
    """Call `then` once the window has settled (see STABLE_POLLS)."""
    state = {"last": None, "same": 0, "waited": 0}

    def poll() -> None:
        now = measure(window)
        busy = any(reader.pending() for reader in window.findChildren(BackgroundReader))
        state["same"] = state["same"] + 1 if not busy and now == state["last"] else 0
        state["last"] = now
        state["waited"] += POLL_MS
        if state["same"] >= STABLE_POLLS or state["waited"] >= SETTLE_LIMIT_MS:
            then()
        else:
            QTimer.singleShot(POLL_MS, poll)

    QTimer.singleShot(POLL_MS, poll)


def probe(out: Path, steps: list[dict]) -> None:
    app = QApplication.instance()
    windows = [w for w in (app.topLevelWidgets() if app else []) if w.objectName() == "mainWindow"]
    window = next((w for w in windows if getattr(w, "session", None) is not None and w.isVisible()), None)
    if window is None:
        QTimer.singleShot(100, lambda: probe(out, steps))
        return
    record: dict = {}

    def at_start() -> None:
        record["start"] = measure(window)
        for step in steps:
            run_step(window, step)
        when_settled(window, at_quit)

    def at_quit() -> None:
        record["saved"] = measure(window)
        # Written whole under another name, then renamed: the test waits for the file to exist and reads it at
        # once, and on a loaded machine it read a file created but not yet written (an empty JSON document).
        partial = out.with_name(out.name + ".partial")
        partial.write_text(json.dumps(record, indent=1), encoding="utf-8")
        partial.replace(out)
        if not any(step.get("close") == "external" for step in steps):
            window.close()

    when_settled(window, at_start)


if __name__ == "__main__":
    out_path, steps_path, *arguments = sys.argv[1:]
    QTimer.singleShot(0, lambda: probe(Path(out_path), json.loads(Path(steps_path).read_text(encoding="utf-8"))))
    sys.exit(main(arguments))
