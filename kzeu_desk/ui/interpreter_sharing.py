"""How often a worker thread hands the interpreter back to the GUI thread.

A module of its own, importing nothing heavy: `ui/app.py` sets it before the first window, and the
long-work runner (`ui/operations.py`) imports the database layer, which the window-first start
leaves for after the first paint (importing it from here put 0.8 s of CPU before the window).
"""

from __future__ import annotations

import sys

# A worker thread running Python holds the interpreter lock, and every call Qt makes into Python on
# the GUI thread (a model's `data`, a delegate's `paint`, the highlighter's `highlightBlock`, a timer)
# must take it back first. CPython hands it over only after its switch interval, 5 ms by default,
# and a repaint makes hundreds of such calls: while the candidate finder read a 117k-character
# source (0.9-1.2 s of Python), laying out its 1,200 paragraphs froze the window for 0.35 + 0.65 s.
# With 0.2 ms the longest gap was 39-57 ms and the finder took no longer (0.86-0.95 s against
# 0.96-1.22 s at 5 ms); at 0.5 ms the gap was 65-77 ms.
GUI_SWITCH_INTERVAL_S = 0.0002


def share_the_interpreter_with_the_gui() -> None:
    """Set once at start-up (and by the tests, which build windows without `ui.app`)."""
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
