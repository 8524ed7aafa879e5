"""How a long operation says how far it got, and learns that the curator asked it to stop.

The core knows nothing of threads or windows: an operation is handed a `Progress`, reports with
`update(done, total, stage)` at moments of its choosing, and calls `check()` (or `update`) only
where stopping is safe, that is where nothing is written yet or the write transaction can still be
rolled back. Whoever runs the operation (the window's operation runner, a test, the command line)
reads the reports and may call `request_stop()` from another thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from kzeu_desk.core.errors import UserError


class Stopped(UserError):
    """The curator asked the operation to stop, and it stopped where nothing was left half done."""


@dataclass(frozen=True)
class Report:
    done: int
    total: int  # 0 when the amount of work is not known
    stage: str  # what is being done now, in a few words ("Checking the file's structure")


ReportListener = Callable[[Report], None]

# At most this often a listener is told (the last report always comes through): a GUI repaints no
# faster than its screen, and a million rows reported one by one would cost more than the work.
_REPORT_INTERVAL_S = 0.05


class Progress:
    """One operation's progress and its stop request, shared between the thread doing the work
    and the one waiting for it. A Progress that nobody listens to costs next to nothing."""

    def __init__(self, listener: ReportListener | None = None, *, stop_message: str = "Stopped; nothing was changed."):
        self._listener = listener
        self._stop = threading.Event()
        self._stop_message = stop_message
        self._last_report_at = 0.0
        self.last: Report = Report(0, 0, "")

    def update(self, done: int = 0, total: int = 0, stage: str | None = None) -> None:
        """Report progress; raises `Stopped` if a stop was asked for, so call it only where the
        operation can stop safely (else `report`)."""
        self.check()
        self.report(done, total, stage)

    def report(self, done: int = 0, total: int = 0, stage: str | None = None) -> None:
        """Report progress without offering to stop here."""
        self.last = Report(done, total, self.last.stage if stage is None else stage)
        now = time.monotonic()
        if self._listener is not None and (stage is not None or done >= total or now - self._last_report_at >= _REPORT_INTERVAL_S):
            self._last_report_at = now
            self._listener(self.last)

    def stage(self, stage: str) -> None:
        """A new stage whose amount of work is not known (the listener shows a busy indicator)."""
        self.report(0, 0, stage)

    def request_stop(self) -> None:
        """Ask the operation to stop at its next safe point (from any thread)."""
        self._stop.set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    def check(self) -> None:
        """Raise `Stopped` if a stop was asked for: call it where stopping leaves nothing half done."""
        if self._stop.is_set():
            raise Stopped(self._stop_message)

