"""Running a piece of GUI work on a later turn of the event loop, after the timers that are due.

`QTimer.singleShot(0, ...)` posts an event. Qt's GLib event dispatcher (the one on Linux) lowers its
timer source to idle priority each time a timer fires, until no posted event is left: a chain of
zero-delay single shots runs before the timers that fell due meanwhile. In a window the 10 ms ticks
of the stall probe then came after every second link only: nine 30 ms steps chained by zero-delay
single shots left a 71 ms gap between ticks, chained by 1 ms timers 35 ms (one step). After a revision
import at 1M facts, Evidence to check showing the 1 MB source and then (a "later" turn) selecting its
fact, with the editor, the reader and the candidates answering that, held the window 0.25-0.39 s as
one gap. A 1 ms timer is a timer: it waits its turn behind the others due.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

LATER_TURN_MS = 1


def on_a_later_turn(receiver: QObject, work: Callable[[], object]) -> None:
    """`work()` on the GUI thread once the timers now due have run; never if `receiver` is gone by then."""
    QTimer.singleShot(LATER_TURN_MS, receiver, work)
