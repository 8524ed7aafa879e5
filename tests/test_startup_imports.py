"""The window-first start: what `ui/app.py` imports before the first window must not pull in the
database layer (SQLAlchemy, SQLModel, the service) or the long-work runner that imports it. Doing so
put 0.74 s of CPU before the window instead of 0.16 s (docs/PERFORMANCE.md §13)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ["sqlalchemy", "sqlmodel", "pydantic", "kzeu_desk.core.service", "kzeu_desk.core.models",
         "kzeu_desk.core.value_parsing", "kzeu_desk.ui.operations", "kzeu_desk.ui.session"]


def _modules_after(statement: str) -> set[str]:
    # A fresh interpreter: this test process has imported everything already.
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=True)
    return set(json.loads(completed.stdout.strip().splitlines()[-1]))


def test_the_first_window_needs_no_database_layer():
    loaded = _modules_after("import kzeu_desk.cli, kzeu_desk.ui.app, kzeu_desk.ui.main_window")
    assert "PySide6.QtWidgets" in loaded  # the window's own modules are there
    assert sorted(set(HEAVY) & loaded) == []


def test_the_runner_still_offers_the_interpreter_sharing():
    from kzeu_desk.ui import interpreter_sharing, operations

    assert operations.share_the_interpreter_with_the_gui is interpreter_sharing.share_the_interpreter_with_the_gui
    interpreter_sharing.share_the_interpreter_with_the_gui()
    assert abs(sys.getswitchinterval() - interpreter_sharing.GUI_SWITCH_INTERVAL_S) < 1e-9  # kept in microseconds
